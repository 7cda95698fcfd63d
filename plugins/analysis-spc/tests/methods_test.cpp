// The methods end to end on JSON requests: options, phase II limits,
// languages, output caps for long series.
#include <cmath>

#include <gtest/gtest.h>

#include "methods.hpp"
#include "test_data.hpp"

namespace qloop::spc {
namespace {

Json series(std::size_t n, double (*f)(std::size_t)) {
  Json a = Json::array();
  for (std::size_t i = 0; i < n; ++i) a.push_back(f(i));
  return a;
}

// A deterministic, bounded series (a sum of two sines) to chart.
double wiggle(std::size_t i) { return std::sin(0.7 * double(i)) + 0.3 * std::cos(2.3 * double(i)); }

TEST(SpcMethod, PhaseTwoAgainstGivenLimits) {
  const Json request = {
      {"data", {10.0, 10.2, 9.9, 13.5, 10.1, 10.0}},
      {"options",
       {{"chart", "imr"},
        {"limits",
         {{"i", {{"center", 10}, {"ucl", 11}, {"lcl", 9}}}, {"mr", {{"center", 0.4}, {"ucl", 1.3}}}}}}}};
  const Json r = spc_method(request);
  const Json &i = r["details"]["charts"][0];
  EXPECT_EQ(i["limits"]["source"], "given");
  EXPECT_EQ(i["limits"]["ucl"], 11.0);
  EXPECT_EQ(i["violations"]["by_rule"]["nelson1"]["points"], Json::array({4}));
  // The MR chart: |13.5 - 9.9| and |10.1 - 13.5| exceed 1.3 (points 4 and 5).
  EXPECT_EQ(r["details"]["charts"][1]["violations"]["by_rule"]["nelson1"]["points"], Json::array({4, 5}));
  EXPECT_EQ(r["details"]["charts"][1]["limits"]["lcl"], 0.0);
  EXPECT_FALSE(r["summary"]["in_control"].get<bool>());
  EXPECT_FALSE(r["findings"].empty());
}

TEST(SpcMethod, StandardGivenMeanAndSigma) {
  // X̄-R with μ = 74, σ = 0.01, n = 5: X̄ limits 74 ± 3(0.01)/√5, R chart
  // centre d2 σ, UCL D2 σ (Montgomery, "standards given").
  const Json request = {{"table", test::piston_rings_table()},
                        {"options", {{"chart", "xbar-r"}, {"standard", {{"mean", 74.0}, {"sigma", 0.01}}}}}};
  const Json r = spc_method(request);
  const Json &x = r["details"]["charts"][0]["limits"];
  EXPECT_EQ(x["source"], "standard");
  EXPECT_NEAR(x["ucl"].get<double>(), 74 + 0.03 / std::sqrt(5.0), 1e-12);
  EXPECT_NEAR(r["details"]["charts"][1]["limits"]["center"].get<double>(), 2.325928947281039 * 0.01, 1e-12);
}

TEST(SpcMethod, RuleSetOptionAndChineseLabels) {
  const Json request = {{"data", series(60, wiggle)},
                        {"lang", "zh-CN"},
                        {"options", {{"rules", "we"}, {"lsl", -3}, {"usl", 3}}}};
  const Json r = spc_method(request);
  EXPECT_EQ(r["details"]["charts"][0]["rules"], Json::array({"we1", "we2", "we3", "we4"}));
  EXPECT_EQ(r["details"]["charts"][1]["rules"], Json::array({"nelson1"}));
  const std::string svg = r["charts"][0]["svg"];
  EXPECT_NE(svg.find("单值 (I)"), std::string::npos);
  EXPECT_NE(svg.find("LSL=-3"), std::string::npos);
  EXPECT_EQ(r["charts"][0]["title"], "I-MR 控制图");
}

TEST(SpcMethod, LongSeriesAreCappedAndDownsampled) {
  // 20 000 points, every 10th far above: rule 1 fires 2000 times.
  auto spike = [](std::size_t i) { return i % 10 == 9 ? 50.0 : wiggle(i); };
  Json values = Json::array();
  for (std::size_t i = 0; i < 20000; ++i) values.push_back(spike(i));
  const Json request = {{"data", values},
                        {"options",
                         {{"rules", Json::array({1})},
                          {"max_violations", 5},
                          {"limits", {{"i", {{"center", 0}, {"ucl", 3}, {"lcl", -3}}}}}}}};
  const Json r = spc_method(request);
  const Json &i = r["details"]["charts"][0];
  EXPECT_EQ(i["violations"]["by_rule"]["nelson1"]["count"], 2000);
  EXPECT_EQ(i["violations"]["by_rule"]["nelson1"]["points"], Json::array({10, 20, 30, 40, 50}));
  EXPECT_TRUE(i["violations"]["by_rule"]["nelson1"]["truncated"].get<bool>());
  EXPECT_EQ(i["flagged"].size(), 5u);
  EXPECT_FALSE(i.contains("values"));
  EXPECT_FALSE(r["details"]["output_caps"]["values_listed"].get<bool>());
  const std::string svg = r["charts"][0]["svg"];
  EXPECT_NE(svg.find("downsampled"), std::string::npos);
  EXPECT_LT(svg.size(), 400000u);
  EXPECT_FALSE(r["warnings"].empty());
  // plot=false leaves the chart out.
  Json quiet = request;
  quiet["options"]["plot"] = false;
  EXPECT_TRUE(spc_method(quiet)["charts"].empty());
}

TEST(SpcMethod, XbarSWithUnequalSubgroupsHasLimitsPerSubgroup) {
  const Json request = {
      {"data", {{"subgroups", {{1.0, 2.0, 3.0}, {2.0, 3.0}, {1.5, 2.5, 2.0, 3.5}, {2.2, 2.4, 1.9}}}}},
      {"options", {{"chart", "xbar-s"}}}};
  const Json r = spc_method(request);
  EXPECT_EQ(r["summary"]["xbar_limits"], "vary with sample size");
  const Json &x = r["details"]["charts"][0]["limits"];
  EXPECT_TRUE(x["varying"].get<bool>());
  ASSERT_EQ(x["ucl"].size(), 4u);
  // Smaller subgroups get wider limits.
  EXPECT_GT(x["ucl"][1].get<double>(), x["ucl"][0].get<double>());
  EXPECT_EQ(r["details"]["sigma_method"], "pooled s/c4(Σ(n_i-1)+1)");
}

TEST(SpcMethod, PhaseOneByPositions) {
  Json values = series(30, wiggle);
  for (std::size_t i = 20; i < 30; ++i) values[i] = values[i].get<double>() + 5;
  const Json request = {{"data", values}, {"options", {{"phase1", "1-20"}}}};
  const Json r = spc_method(request);
  EXPECT_EQ(r["summary"]["phase1_points"], 20);
  EXPECT_EQ(r["details"]["phase1_prefix"], 20);
  EXPECT_GE(r["details"]["charts"][0]["violations"]["by_rule"]["nelson1"]["count"].get<int>(), 10);
}

TEST(CapabilityMethod, PistonRingsUsesTheTrialSubgroups) {
  const Json request = {{"table", test::piston_rings_table()}, {"options", {{"lsl", 73.95}, {"usl", 74.05}}}};
  const Json r = capability_method(request);
  EXPECT_EQ(r["details"]["points_used"], 25);
  EXPECT_EQ(r["details"]["capability"]["within_method"], "rbar");
  EXPECT_NEAR(r["details"]["capability"]["indices"]["cp"].get<double>(), 1.7032285788525399, 1e-10);
  EXPECT_NEAR(r["details"]["capability"]["indices"]["ppk"].get<double>(), 1.6161587070141332, 1e-10);
  EXPECT_TRUE(r["details"]["normality"]["normal"].get<bool>());
  EXPECT_EQ(r["charts"][0]["kind"], "histogram");
  // sbar instead of rbar: σw = s̄/c4(5).
  Json s = request;
  s["options"]["within"] = "sbar";
  EXPECT_NEAR(capability_method(s)["details"]["capability"]["sigma_within"].get<double>(),
              0.009829976728289327, 1e-14);
}

TEST(NormalityMethod, ReportsStatisticAndPlot) {
  const Json request = {{"data", series(40, wiggle)}};
  const Json r = normality_method(request);
  EXPECT_EQ(r["details"]["n"], 40);
  EXPECT_GT(r["details"]["a2"].get<double>(), 0);
  EXPECT_EQ(r["charts"][0]["kind"], "probability-plot");
}

} // namespace
} // namespace qloop::spc
