// Montgomery, Introduction to Statistical Quality Control (6th ed., §6.2.1
// and Example 6.3), piston-ring inside diameter: 25 phase-I samples of 5
// (trial = TRUE) and 15 phase-II samples (26-40).
//
// Published (rounded) values: X̄-R chart centre 74.001, UCL 74.014, LCL
// 73.988, with R̄ = 0.023; the X̄ limits of the X̄-S chart round to the same
// 74.014 / 73.988. The exact values below were computed independently from
// the data with Python/mpmath (30 digits) and the exact d2(5), d3(5), c4(5).
#include <gtest/gtest.h>

#include "capability.hpp"
#include "constants.hpp"
#include "methods.hpp"
#include "rule_engine.hpp"
#include "test_data.hpp"
#include "variables_charts.hpp"

namespace qloop::spc {
namespace {

double round_to(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
}

ChartSet xbar_r_chart() {
  const auto data = test::piston_rings();
  Phase1 phase1{data.trial};
  ChartSet set = build_xbar_r(data.groups, phase1, {}, "diameter");
  for (auto &c : set.charts) c.rules = default_rules(c.family);
  evaluate_rules(set, 100, 1000);
  return set;
}

TEST(PistonRings, XbarRPhaseOneLimitsMatchTextbookDigits) {
  const ChartSet set = xbar_r_chart();
  ASSERT_EQ(set.points, 40u);
  EXPECT_EQ(set.phase1_points, 25u);
  const ControlLimits &x = set.charts[0].limits.first();
  const ControlLimits &r = set.charts[1].limits.first();
  // Textbook digits.
  EXPECT_EQ(round_to(x.center, 3), 74.001);
  EXPECT_EQ(round_to(x.ucl, 3), 74.014);
  EXPECT_EQ(round_to(x.lcl, 3), 73.988);
  EXPECT_EQ(round_to(r.center, 3), 0.023);
  // Exact values (x̿ = 74.001176, R̄ = 0.02276, A2 = 3/(d2(5)√5)).
  EXPECT_NEAR(x.center, 74.001176, 1e-9);
  EXPECT_NEAR(r.center, 0.02276, 1e-12);
  EXPECT_NEAR(x.ucl, 74.01430440804378, 1e-10);
  EXPECT_NEAR(x.lcl, 73.98804759195622, 1e-10);
  EXPECT_NEAR(r.ucl, 0.04812600054238278, 1e-12);
  EXPECT_EQ(r.lcl, 0.0); // D3 = 0 for n = 5
  // The textbook prints the R chart UCL as D4 R̄ = 2.114 × 0.023 = 0.049: its
  // R̄ was rounded first. Our exact D4 on the same rounded R̄ gives 0.049 too.
  EXPECT_EQ(round_to(range_constants(5).D4 * 0.023, 3), 0.049);
  EXPECT_NEAR(set.sigma_within, 0.009785337607413183, 1e-14);
}

TEST(PistonRings, PhaseTwoSamplesShowTheUpwardShift) {
  const ChartSet set = xbar_r_chart();
  const ViolationLog &x = *set.charts[0].violations;
  // Samples 37, 38, 39 (means 74.0166, 74.0196, 74.0234) lie above the UCL
  // 74.0143; nothing is beyond the limits in phase I. Indices are 0-based.
  EXPECT_EQ(x.first(Rule::nelson1), (std::vector<std::size_t>{36, 37, 38}));
  // Rule 5 (2 of 3 beyond 2 sigma, 74.0099): from sample 35 on.
  ASSERT_FALSE(x.first(Rule::nelson5).empty());
  EXPECT_EQ(x.first(Rule::nelson5).front(), 34u);
  for (std::size_t i : x.first(Rule::nelson5)) EXPECT_GE(i, 25u);
  // The ranges stay in control (largest 0.044 at sample 26 < UCL 0.0481).
  EXPECT_EQ(set.charts[1].violations->count(Rule::nelson1), 0u);
}

TEST(PistonRings, XbarSLimits) {
  const auto data = test::piston_rings();
  const ChartSet set = build_xbar_s(data.groups, Phase1{data.trial}, {}, "diameter");
  const ControlLimits &x = set.charts[0].limits.first();
  const ControlLimits &s = set.charts[1].limits.first();
  EXPECT_EQ(round_to(x.center, 3), 74.001);
  EXPECT_EQ(round_to(x.ucl, 3), 74.014);
  EXPECT_EQ(round_to(x.lcl, 3), 73.988);
  // Exact: s̄ = 0.0092400366, A3 = 3/(c4(5)√5), B4 = 1 + 3√(1-c4²)/c4.
  EXPECT_NEAR(s.center, 0.009240036602285536, 1e-14);
  EXPECT_NEAR(x.ucl, 74.01436429770902, 1e-10);
  EXPECT_NEAR(x.lcl, 73.98798770229098, 1e-10);
  EXPECT_NEAR(s.ucl, 0.019302416768240297, 1e-13);
  EXPECT_EQ(s.lcl, 0.0);
  EXPECT_NEAR(set.sigma_within, 0.009829976728289327, 1e-14);
}

TEST(PistonRings, PhaseTwoMonitoringAgainstGivenLimits) {
  // Phase II: only samples 26-40, against the textbook's printed limits.
  const auto data = test::piston_rings();
  Subgroups later;
  for (std::size_t k = 25; k < 40; ++k) later.add(data.groups.at(k));
  LimitInputs given;
  given.given["xbar"] = {74.001, 74.014, 73.988};
  given.given["r"] = {0.023, 0.049, 0.0};
  ChartSet set = build_xbar_r(later, Phase1{}, given, "diameter");
  for (auto &c : set.charts) c.rules = default_rules(c.family);
  evaluate_rules(set, 100, 1000);
  EXPECT_EQ(set.charts[0].source, LimitSource::given);
  EXPECT_EQ(set.charts[0].violations->first(Rule::nelson1), (std::vector<std::size_t>{11, 12, 13}));
  EXPECT_EQ(set.charts[1].violations->total(), 0u);
}

TEST(PistonRings, CapabilityAgainstSpecification) {
  // Specification 74.00 ± 0.05 mm. The textbook estimates σ̂ = R̄/d2 =
  // 0.023/2.326 = 0.0099 and Cp = 0.10/(6 × 0.0099) = 1.68: our formula on
  // those rounded inputs reproduces the printed 1.68.
  SpecLimits spec{73.95, 74.05, std::nullopt};
  EXPECT_EQ(round_to(capability_indices(74.001, 0.0099, 0.0099, spec).cp, 2), 1.68);
  // From the phase-I data with exact constants (computed with numpy/mpmath):
  // σw = R̄/d2(5) = 0.0097853, Cp 1.70323, Cpk 1.66317, Pp 1.65509,
  // Ppk 1.61616, Cpm 1.64391.
  const auto data = test::piston_rings();
  Subgroups phase1;
  for (std::size_t k = 0; k < 25; ++k) phase1.add(data.groups.at(k));
  const CapabilityStudy s = capability_study(phase1, WithinMethod::range, spec, "diameter");
  EXPECT_NEAR(s.sigma_within, 0.009785337607413183, 1e-14);
  EXPECT_NEAR(s.sigma_overall, 0.010069968126291413, 1e-14);
  EXPECT_NEAR(s.indices.cp, 1.7032285788525399, 1e-10);
  EXPECT_NEAR(s.indices.cpk, 1.6631686426773147, 1e-10);
  EXPECT_NEAR(s.indices.pp, 1.6550863376768898, 1e-10);
  EXPECT_NEAR(s.indices.ppk, 1.6161587070141332, 1e-10);
  EXPECT_NEAR(s.indices.cpm, 1.6439142488896417, 1e-10);
  EXPECT_EQ(s.observed.total, 0.0);
}

TEST(PistonRings, SpcMethodFromTheCsvTable) {
  // The same data through the method, as `qloop analyze spc --input
  // pistonrings.csv --option chart=xbar-r` sends it: columns detected
  // (diameter values, sample subgroups, trial flags).
  const Json request = {{"table", test::piston_rings_table()}, {"options", {{"chart", "xbar-r"}}}};
  const Json r = spc_method(request);
  EXPECT_EQ(r["summary"]["chart"], "xbar-r");
  EXPECT_EQ(r["summary"]["phase1_points"], 25);
  EXPECT_NEAR(r["details"]["charts"][0]["limits"]["ucl"].get<double>(), 74.01430440804378, 1e-10);
  EXPECT_EQ(r["details"]["charts"][0]["violations"]["by_rule"]["nelson1"]["points"],
            Json::array({37, 38, 39}));
  EXPECT_EQ(r["details"]["phase1_prefix"], 25);
  EXPECT_EQ(r["details"]["value_field"], "diameter");
  ASSERT_EQ(r["charts"].size(), 1u);
  EXPECT_NE(r["charts"][0]["svg"].get<std::string>().find("<svg"), std::string::npos);
}

} // namespace
} // namespace qloop::spc
