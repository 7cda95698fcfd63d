// NIST/SEMATECH e-Handbook of Statistical Methods worked examples.
#include <cmath>

#include <gtest/gtest.h>

#include "capability.hpp"
#include "constants.hpp"
#include "methods.hpp"
#include "variables_charts.hpp"

namespace qloop::spc {
namespace {

// §6.3.2.2 "Individuals control charts": flow rate of 10 batches. Published:
// x̄ = 50.81, MR̄ = 1.8778, UCL = 55.8041, LCL = 45.8159, computed with the
// rounded d2 = 1.128. With the exact d2(2) = 2/√π = 1.1283792 the limits are
// 55.802412 and 45.817588 (mpmath, 30 digits): the handbook's rounding of d2
// moves the fifth significant digit, which is why the limits differ by
// 0.0017 while x̄ and MR̄ agree to every printed digit.
TEST(NistHandbook, IndividualsChartFlowRate) {
  const std::vector<double> x = {49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1};
  const ChartSet set = build_imr(x, Phase1{}, {}, "flow");
  const ControlLimits &i = set.charts[0].limits.first();
  const ControlLimits &mr = set.charts[1].limits.first();
  EXPECT_NEAR(i.center, 50.81, 1e-12);
  EXPECT_NEAR(mr.center, 1.8778, 5e-5);
  EXPECT_NEAR(i.ucl, 55.80241168005054, 1e-10);
  EXPECT_NEAR(i.lcl, 45.81758831994946, 1e-10);
  // The handbook's arithmetic with its d2 = 1.128 reproduces its printed UCL.
  EXPECT_NEAR(i.center + 3 * mr.center / 1.128, 55.8041, 5e-5);
  EXPECT_NEAR(i.center - 3 * mr.center / 1.128, 45.8159, 5e-5);
  // MR chart: UCL = D4(2) MR̄ = (1 + 3 d3/d2) MR̄ = 6.133821.
  EXPECT_NEAR(mr.ucl, 6.133821048441929, 1e-10);
  EXPECT_EQ(mr.lcl, 0.0);
  EXPECT_EQ(set.charts[1].first_number, 2u);
  ASSERT_EQ(set.charts[1].size(), 9u);
  EXPECT_NEAR(set.charts[1].value(3), 3.5, 1e-12); // |47.8 - 51.3|
}

TEST(NistHandbook, IndividualsChartThroughTheMethod) {
  const Json request = {{"data", {49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1}},
                        {"options", {{"chart", "imr"}}}};
  const Json r = spc_method(request);
  EXPECT_NEAR(r["details"]["statistics"]["mean"].get<double>(), 50.81, 1e-12);
  EXPECT_NEAR(r["details"]["statistics"]["mr_bar"].get<double>(), 16.9 / 9, 1e-12);
  // The handbook finds no point out of control.
  EXPECT_EQ(r["details"]["charts"][0]["violations"]["by_rule"]["nelson1"]["count"], 0);
  EXPECT_EQ(r["details"]["charts"][1]["rules"], Json::array({"nelson1"}));
}

// §6.1.6 "What is process capability?": USL = 20, LSL = 8, x̄ = 16, s = 2 →
// Cp = 1.0, Cpk = min(0.6667, 1.3333) = 0.6667 (Cpu 0.6667, Cpl 1.3333).
TEST(NistHandbook, CapabilityIndicesExample) {
  const SpecLimits spec{8.0, 20.0, std::nullopt};
  const CapabilityIndices c = capability_indices(16, 2, 2, spec);
  EXPECT_DOUBLE_EQ(c.cp, 1.0);
  EXPECT_NEAR(c.cpu, 0.6667, 5e-5);
  EXPECT_NEAR(c.cpl, 1.3333, 5e-5);
  EXPECT_NEAR(c.cpk, 0.6667, 5e-5);
  // The same from data: 100 values with x̄ = 16 and s = 2 exactly (half at
  // 16 - a, half at 16 + a, a = 2√0.99). The handbook's s is the overall
  // standard deviation, so it is our Pp/Ppk.
  Subgroups g;
  const double a = 2 * std::sqrt(0.99);
  for (int i = 0; i < 100; ++i) {
    const double v = i % 2 ? 16 + a : 16 - a;
    g.add(std::span<const double>(&v, 1));
  }
  const CapabilityStudy s = capability_study(g, WithinMethod::moving_range, spec, "x");
  EXPECT_NEAR(s.sigma_overall, 2.0, 1e-13);
  EXPECT_NEAR(s.indices.pp, 1.0, 1e-12);
  EXPECT_NEAR(s.indices.ppk, 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(s.indices.ppl, 4.0 / 3.0, 1e-12);
}

} // namespace
} // namespace qloop::spc
