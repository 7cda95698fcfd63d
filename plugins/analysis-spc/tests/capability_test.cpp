// Capability indices: definitions (Montgomery, Introduction to SQC, ch. 8;
// Kotz & Johnson for Cpm), one-sided specifications, within estimators,
// expected fraction out of specification.
#include <cmath>

#include <boost/math/distributions/normal.hpp>
#include <gtest/gtest.h>

#include "capability.hpp"
#include "constants.hpp"
#include "variables_charts.hpp"

namespace qloop::spc {
namespace {

Subgroups individuals(const std::vector<double> &x) {
  Subgroups g;
  for (double v : x) g.add(std::span<const double>(&v, 1));
  return g;
}

TEST(Capability, CpmPenalisesDistanceFromTarget) {
  // Cpm = (USL - LSL) / (6 √(σ² + (μ - T)²)); on target it equals Pp.
  const SpecLimits centred{8.0, 20.0, 14.0};
  EXPECT_NEAR(capability_indices(14, 2, 2, centred).cpm, 1.0, 1e-15);
  // NIST §6.1.6 numbers: μ = 16, σ = 2, T = 14 → 12 / (6 √8) = 0.7071.
  EXPECT_NEAR(capability_indices(16, 2, 2, centred).cpm, 12 / (6 * std::sqrt(8.0)), 1e-15);
}

TEST(Capability, OneSidedSpecification) {
  const SpecLimits upper{std::nullopt, 10.0, std::nullopt};
  const CapabilityIndices c = capability_indices(7, 1, 1.5, upper);
  EXPECT_TRUE(std::isnan(c.cp));
  EXPECT_TRUE(std::isnan(c.cpm));
  EXPECT_DOUBLE_EQ(c.cpk, 1.0);
  EXPECT_NEAR(c.ppk, 3.0 / 4.5, 1e-15);
}

TEST(Capability, WithinEstimators) {
  // Two subgroups {1,3,5}, {2,4,9}: R̄ = (4 + 7)/2, s̄ = (2 + 3.6056)/2.
  Subgroups g;
  g.add(std::vector<double>{1, 3, 5});
  g.add(std::vector<double>{2, 4, 9});
  EXPECT_NEAR(sigma_from_ranges(g), 5.5 / d2(3), 1e-14);
  EXPECT_NEAR(sigma_from_sds(g), (2 + std::sqrt(13.0)) / 2 / c4(3), 1e-14);
  // Pooled: s_p² = (8 + 26)/4, unbiased by c4(5).
  EXPECT_NEAR(sigma_pooled(g), std::sqrt(34.0 / 4) / c4(5), 1e-14);
  // Moving ranges of 1, 3, 6, 4: MR̄ = 14/4 (before d2).
  EXPECT_NEAR(sigma_from_moving_range(std::vector<double>{1, 2, 5, 11, 7}), 14.0 / 4 / d2(2), 1e-14);
}

TEST(Capability, ExpectedAndObservedPpm) {
  const SpecLimits spec{-3.0, 3.0, std::nullopt};
  const auto g = individuals({-4, -1, 0, 1, 2, 0.5, -0.5, 4, 0.2, -0.2});
  const CapabilityStudy s = capability_study(g, WithinMethod::moving_range, spec, "x");
  EXPECT_NEAR(s.observed.below, 1e5, 1e-9);
  EXPECT_NEAR(s.observed.above, 1e5, 1e-9);
  const boost::math::normal overall(s.mean, s.sigma_overall);
  EXPECT_NEAR(s.expected_overall.below, 1e6 * boost::math::cdf(overall, -3.0), 1e-9);
  EXPECT_NEAR(s.expected_overall.total,
              1e6 *
                  (boost::math::cdf(overall, -3.0) + boost::math::cdf(boost::math::complement(overall, 3.0))),
              1e-9);
}

} // namespace
} // namespace qloop::spc
