// p, np, c and u charts against textbook examples with published limits.
// Data as distributed with the R package qcc (datasets orangejuice, circuit,
// pcmanufact, dyedcloth), which cites the Montgomery pages.
#include <cmath>

#include <gtest/gtest.h>

#include "attribute_charts.hpp"
#include "data_input.hpp"
#include "methods.hpp"
#include "rule_engine.hpp"

namespace qloop::spc {
namespace {

double round_to(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
}

// Montgomery, Introduction to SQC, orange-juice cans (Example 7.1; 2nd ed.
// pp. 152-155): 30 trial samples of n = 50 cans, then 24 after an adjustment.
const std::vector<double> kOrangeJuice = {12, 15, 8,  10, 4,  7,  16, 9,  14, 10, 5, 6, 17, 12, 22, 8, 10, 5,
                                          13, 11, 20, 18, 24, 15, 9,  12, 7,  13, 9, 6, 9,  6,  12, 5, 6,  4,
                                          6,  3,  7,  6,  2,  4,  3,  6,  5,  4,  8, 5, 6,  7,  5,  6, 3,  5};

AttributeData orange_juice() {
  AttributeData d;
  d.counts = kOrangeJuice;
  d.sizes.assign(kOrangeJuice.size(), 50);
  return d;
}

Phase1 first(std::size_t k, std::size_t n) {
  Phase1 p;
  p.mask.assign(n, 0);
  for (std::size_t i = 0; i < k; ++i) p.mask[i] = 1;
  return p;
}

ViolationLog run_rules(ChartSet &set) {
  set.charts[0].rules = default_rules(ChartFamily::attribute);
  evaluate_rules(set, 100, 1000);
  return *set.charts[0].violations;
}

TEST(AttributeCharts, PChartOrangeJuice) {
  // Published: p̄ = 0.2313, UCL = 0.4102, LCL = 0.0524 (Montgomery; also the
  // NIST/SEMATECH e-Handbook §6.3.3.2 wafer example, "the average of the
  // proportions is .2313"). Samples 15 and 23 are beyond the UCL.
  ChartSet set = build_attribute_chart("p", orange_juice(), first(30, 54), {});
  const ControlLimits &l = set.charts[0].limits.first();
  EXPECT_TRUE(set.charts[0].limits.is_constant());
  EXPECT_EQ(round_to(l.center, 4), 0.2313);
  EXPECT_EQ(round_to(l.ucl, 4), 0.4102);
  EXPECT_EQ(round_to(l.lcl, 4), 0.0524);
  EXPECT_NEAR(l.center, 347.0 / 1500.0, 1e-15);
  EXPECT_NEAR(l.ucl, 347.0 / 1500 + 3 * std::sqrt(347.0 / 1500 * (1 - 347.0 / 1500) / 50), 1e-15);
  const ViolationLog v = run_rules(set);
  const auto &beyond = v.first(Rule::nelson1);
  ASSERT_GE(beyond.size(), 2u);
  EXPECT_EQ(beyond[0], 14u); // sample 15
  EXPECT_EQ(beyond[1], 22u); // sample 23
}

TEST(AttributeCharts, PChartRevisedLimitsWithoutSamples15And23) {
  // Montgomery's revised limits with samples 15 and 23 removed from the
  // trial set: p̄ = 0.2150, UCL = 0.3893, LCL = 0.0407.
  Phase1 p = first(30, 54);
  p.mask[14] = p.mask[22] = 0;
  ChartSet set = build_attribute_chart("p", orange_juice(), p, {});
  const ControlLimits &l = set.charts[0].limits.first();
  EXPECT_EQ(round_to(l.center, 4), 0.2150);
  EXPECT_EQ(round_to(l.ucl, 4), 0.3893);
  EXPECT_EQ(round_to(l.lcl, 4), 0.0407);
}

TEST(AttributeCharts, NpChartOrangeJuice) {
  // np limits are n times the p limits: 50 × (0.2313, 0.4102, 0.0524) =
  // 11.57, 20.51, 2.62 (Montgomery prints the np chart with these).
  ChartSet set = build_attribute_chart("np", orange_juice(), first(30, 54), {});
  const ControlLimits &l = set.charts[0].limits.first();
  EXPECT_EQ(round_to(l.center, 2), 11.57);
  EXPECT_EQ(round_to(l.ucl, 2), 20.51);
  EXPECT_EQ(round_to(l.lcl, 2), 2.62);
  EXPECT_EQ(run_rules(set).first(Rule::nelson1).front(), 14u);
}

TEST(AttributeCharts, CChartCircuitBoards) {
  // Montgomery (Example 7.3; 2nd ed. pp. 173-175): nonconformities in 26
  // samples of 100 boards. Published c̄ = 19.85, UCL = 33.22, LCL = 6.48;
  // samples 6 and 20 are outside. The printed limits use the rounded c̄ =
  // 19.85; the exact c̄ = 516/26 = 19.846 gives UCL 33.211 and LCL 6.481.
  AttributeData d;
  d.counts = {21, 24, 16, 12, 15, 5,  28, 20, 31, 25, 20, 24, 16,
              19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19, 17, 15};
  ChartSet set = build_attribute_chart("c", d, Phase1{}, {});
  const ControlLimits &l = set.charts[0].limits.first();
  EXPECT_EQ(round_to(l.center, 2), 19.85);
  EXPECT_NEAR(l.center, 516.0 / 26, 1e-14);
  EXPECT_NEAR(l.ucl, 516.0 / 26 + 3 * std::sqrt(516.0 / 26), 1e-13);
  EXPECT_EQ(round_to(l.lcl, 2), 6.48);
  EXPECT_EQ(run_rules(set).first(Rule::nelson1), (std::vector<std::size_t>{5, 19}));
  LimitInputs printed;
  printed.attribute_value = 19.85;
  const ChartSet book = build_attribute_chart("c", d, Phase1{}, printed);
  EXPECT_EQ(round_to(book.charts[0].limits.first().ucl, 2), 33.22);
  EXPECT_EQ(round_to(book.charts[0].limits.first().lcl, 2), 6.48);
}

TEST(AttributeCharts, UChartPersonalComputers) {
  // Montgomery (2nd ed. pp. 181-182): 20 samples of 5 computers. Published
  // ū = 1.93, UCL = 3.79, LCL = 0.07.
  AttributeData d;
  d.counts = {10, 12, 8, 14, 10, 16, 11, 7, 10, 15, 9, 5, 7, 11, 12, 6, 8, 10, 7, 5};
  d.sizes.assign(20, 5);
  ChartSet set = build_attribute_chart("u", d, Phase1{}, {});
  const ControlLimits &l = set.charts[0].limits.first();
  EXPECT_EQ(round_to(l.center, 2), 1.93);
  EXPECT_EQ(round_to(l.ucl, 2), 3.79);
  EXPECT_EQ(round_to(l.lcl, 2), 0.07);
  EXPECT_EQ(run_rules(set).count(Rule::nelson1), 0u);
}

TEST(AttributeCharts, UChartVariableUnitsDyedCloth) {
  // Montgomery (2nd ed. pp. 183-184): dyed cloth, defects in 10 rolls of
  // 8-13 inspection units (50 m² each). ū = 153/107.5 = 1.42, limits
  // 1.42 ± 3 √(1.42/n_i): n = 10 → 2.55 / 0.29, n = 8 → 2.68 / 0.16,
  // n = 13 → 2.41 / 0.43 (with the printed ū = 1.42).
  AttributeData d;
  d.counts = {14, 12, 20, 11, 7, 10, 21, 16, 19, 23};
  d.sizes = {10, 8, 13, 10, 9.5, 10, 12, 10.5, 12, 12.5};
  ChartSet set = build_attribute_chart("u", d, Phase1{}, {});
  ASSERT_FALSE(set.charts[0].limits.is_constant());
  EXPECT_NEAR(set.charts[0].limits.at(0).center, 153 / 107.5, 1e-15);
  EXPECT_EQ(round_to(set.charts[0].limits.at(0).center, 2), 1.42);
  // The textbook's limits follow from its rounded ū = 1.42 (standard given):
  LimitInputs standard;
  standard.attribute_value = 1.42;
  ChartSet printed = build_attribute_chart("u", d, Phase1{}, standard);
  const auto &L = printed.charts[0].limits;
  EXPECT_EQ(round_to(L.at(0).ucl, 2), 2.55);
  EXPECT_EQ(round_to(L.at(0).lcl, 2), 0.29);
  EXPECT_EQ(round_to(L.at(1).ucl, 2), 2.68);
  EXPECT_EQ(round_to(L.at(1).lcl, 2), 0.16);
  EXPECT_EQ(round_to(L.at(2).ucl, 2), 2.41);
  EXPECT_EQ(round_to(L.at(2).lcl, 2), 0.43);
  // Exact limits per roll from ū = 153/107.5.
  const double u = 153 / 107.5;
  for (std::size_t i = 0; i < d.sizes.size(); ++i)
    EXPECT_NEAR(set.charts[0].limits.at(i).ucl, u + 3 * std::sqrt(u / d.sizes[i]), 1e-14);
  EXPECT_EQ(run_rules(set).count(Rule::nelson1), 0u);
}

TEST(AttributeCharts, PChartVariableSampleSizePeaches) {
  // Pyzdek, The Handbook for Quality Management, Table 9.6: bruised peaches
  // in 25 shipments of one crate (250 peaches) or two (500); totals 1544 of
  // 8000, so p̄ = 0.193. Limits 0.193 ± 3 √(0.193 × 0.807 / n_i): n = 250 →
  // 0.2679 / 0.1181, n = 500 → 0.2459 / 0.1401. No point is outside.
  AttributeData d;
  d.counts = {47, 42, 55, 51, 46, 61, 39, 44, 41,  51, 88,  101, 101,
              40, 48, 47, 50, 48, 57, 45, 43, 105, 98, 100, 96};
  d.sizes = {250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 500, 500, 500,
             250, 250, 250, 250, 250, 250, 250, 250, 500, 500, 500, 500};
  ChartSet set = build_attribute_chart("p", d, Phase1{}, {});
  const auto &L = set.charts[0].limits;
  ASSERT_FALSE(L.is_constant());
  EXPECT_NEAR(L.at(0).center, 0.193, 1e-15);
  EXPECT_EQ(round_to(L.at(0).ucl, 4), 0.2679);
  EXPECT_EQ(round_to(L.at(0).lcl, 4), 0.1181);
  EXPECT_EQ(round_to(L.at(10).ucl, 4), 0.2459);
  EXPECT_EQ(round_to(L.at(10).lcl, 4), 0.1401);
  EXPECT_EQ(run_rules(set).count(Rule::nelson1), 0u);
  // The same shipments as a u chart per crate (Pyzdek p. 184): ū = 1544/32 =
  // 48.25, one crate 48.25 ± 3√48.25 = 69.09 / 27.41.
  AttributeData u = d;
  for (auto &s : u.sizes) s /= 250;
  ChartSet uset = build_attribute_chart("u", u, Phase1{}, {});
  EXPECT_NEAR(uset.charts[0].limits.at(0).center, 48.25, 1e-12);
  EXPECT_EQ(round_to(uset.charts[0].limits.at(0).ucl, 2), 69.09);
  EXPECT_EQ(round_to(uset.charts[0].limits.at(0).lcl, 2), 27.41);
}

TEST(AttributeCharts, StandardGivenPhaseTwo) {
  // Phase II against a known p = 0.2 (n = 50): 0.2 ± 3√(0.2·0.8/50).
  LimitInputs standard;
  standard.attribute_value = 0.2;
  ChartSet set = build_attribute_chart("p", orange_juice(), Phase1{}, standard);
  EXPECT_EQ(set.charts[0].source, LimitSource::standard);
  EXPECT_NEAR(set.charts[0].limits.first().ucl, 0.2 + 3 * std::sqrt(0.2 * 0.8 / 50), 1e-15);
}

TEST(AttributeCharts, PChartThroughTheMethodWithTrialColumn) {
  Json rows = Json::array();
  for (std::size_t i = 0; i < kOrangeJuice.size(); ++i)
    rows.push_back({i + 1, kOrangeJuice[i], 50, i < 30 ? "TRUE" : "FALSE"});
  const Json request = {{"table", {{"columns", {"sample", "D", "size", "trial"}}, {"rows", rows}}},
                        {"options", {{"chart", "p"}, {"count_column", "D"}}}};
  const Json r = spc_method(request);
  EXPECT_EQ(r["summary"]["phase1_points"], 30);
  EXPECT_NEAR(r["details"]["charts"][0]["limits"]["ucl"].get<double>(), 0.41024, 1e-4);
  EXPECT_EQ(r["details"]["charts"][0]["violations"]["by_rule"]["nelson1"]["points"][0], 15);
}

} // namespace
} // namespace qloop::spc
