// The Western Electric and Nelson rules on synthetic series built so that
// each rule fires exactly where its definition says, and not one point
// early. Centre 0, sigma 1, limits ±3 throughout.
//
// Definitions: L. S. Nelson (1984), "The Shewhart control chart — tests for
// special causes", J. Quality Technology 16(4), 237-239; Western Electric
// Statistical Quality Control Handbook (1956); NIST/SEMATECH e-Handbook
// §6.3.2 (WECO rules).
#include <vector>

#include <gtest/gtest.h>

#include "request_io.hpp"
#include "rule_engine.hpp"
#include "spc_options.hpp"

namespace qloop::spc {
namespace {

using Points = std::vector<std::size_t>;

ViolationLog run(const std::vector<double> &x, RuleSet rules) {
  ViolationLog log(1000, true, x.size());
  detect_rules(x, LimitSeries::constant(ControlLimits::three_sigma(0, 1, -HUGE_VAL)), rules, log);
  return log;
}

RuleSet only(Rule r) {
  RuleSet s;
  s.add(r);
  return s;
}

Points flagged(const std::vector<double> &x, Rule r) { return run(x, only(r)).first(r); }

std::vector<double> repeat(double v, std::size_t n) { return std::vector<double>(n, v); }

std::vector<double> alternating(double a, double b, std::size_t n) {
  std::vector<double> x;
  for (std::size_t i = 0; i < n; ++i) x.push_back(i % 2 ? b : a);
  return x;
}

TEST(Rules, OneBeyondThreeSigma) {
  // A point exactly on a limit is not beyond it.
  const std::vector<double> x = {0, 3.5, -3.2, 3.0, -3.0, 2.9};
  EXPECT_EQ(flagged(x, Rule::nelson1), (Points{1, 2}));
  EXPECT_EQ(flagged(x, Rule::we1), (Points{1, 2}));
}

TEST(Rules, NineOnOneSideNotEight) {
  auto eight = repeat(0.5, 8);
  eight.push_back(-0.5);
  EXPECT_TRUE(flagged(eight, Rule::nelson2).empty());
  EXPECT_EQ(flagged(repeat(-0.5, 9), Rule::nelson2), (Points{8}));
  // The run keeps signalling while it lasts.
  EXPECT_EQ(flagged(repeat(0.5, 11), Rule::nelson2), (Points{8, 9, 10}));
  // A point on the centre line breaks the run.
  auto broken = repeat(0.5, 5);
  broken.push_back(0.0);
  for (int i = 0; i < 8; ++i) broken.push_back(0.5);
  EXPECT_TRUE(flagged(broken, Rule::nelson2).empty());
}

TEST(Rules, WesternElectricFourIsEightOnOneSide) {
  EXPECT_TRUE(flagged(repeat(0.5, 7), Rule::we4).empty());
  EXPECT_EQ(flagged(repeat(0.5, 8), Rule::we4), (Points{7}));
  EXPECT_EQ(flagged(repeat(-0.2, 9), Rule::we4), (Points{7, 8}));
}

TEST(Rules, SixIncreasingOrDecreasing) {
  // Six points rising = five increases: the sixth point signals.
  EXPECT_EQ(flagged({0.0, 0.1, 0.2, 0.3, 0.4, 0.5}, Rule::nelson3), (Points{5}));
  EXPECT_TRUE(flagged({0.0, 0.1, 0.2, 0.3, 0.4}, Rule::nelson3).empty());
  EXPECT_EQ(flagged({2.0, 1.0, 0.0, -0.5, -1.0, -2.0, -2.5}, Rule::nelson3), (Points{5, 6}));
  // A tie is not an increase: it restarts the count.
  EXPECT_TRUE(flagged({0.0, 0.1, 0.2, 0.2, 0.3, 0.4, 0.5}, Rule::nelson3).empty());
}

TEST(Rules, FourteenAlternating) {
  // Fourteen points = thirteen differences alternating in sign.
  EXPECT_EQ(flagged(alternating(0.5, -0.5, 14), Rule::nelson4), (Points{13}));
  EXPECT_TRUE(flagged(alternating(0.5, -0.5, 13), Rule::nelson4).empty());
  // Alternation need not cross the centre line.
  EXPECT_EQ(flagged(alternating(0.2, 0.8, 15), Rule::nelson4), (Points{13, 14}));
  // An equal neighbour breaks it.
  auto x = alternating(0.5, -0.5, 10);
  x.push_back(x.back());
  for (int i = 0; i < 6; ++i) x.push_back(i % 2 ? -0.5 : 0.5);
  EXPECT_TRUE(flagged(x, Rule::nelson4).empty());
}

TEST(Rules, TwoOfThreeBeyondTwoSigmaSameSide) {
  for (Rule r : {Rule::nelson5, Rule::we2}) {
    EXPECT_EQ(flagged({0, 2.5, 0, 2.5}, r), (Points{3})) << rule_info(r).id;
    EXPECT_EQ(flagged({0, 2.5, 2.2}, r), (Points{2}));
    // Only the points beyond 2 sigma are flagged, not the quiet third one.
    EXPECT_EQ(flagged({2.5, 2.5, 0.0}, r), (Points{1}));
    // Two of four is not two of three.
    EXPECT_TRUE(flagged({2.5, 0, 0, 2.5}, r).empty());
    // Opposite sides do not count together.
    EXPECT_TRUE(flagged({2.5, -2.5, 0, -0.1}, r).empty());
    EXPECT_EQ(flagged({-2.1, 0, -2.6}, r), (Points{2}));
    // Exactly 2 sigma is not beyond.
    EXPECT_TRUE(flagged({2.0, 2.0, 2.0}, r).empty());
  }
}

TEST(Rules, FourOfFiveBeyondOneSigmaSameSide) {
  for (Rule r : {Rule::nelson6, Rule::we3}) {
    EXPECT_EQ(flagged({1.5, 1.5, 0, 1.5, 1.5}, r), (Points{4})) << rule_info(r).id;
    EXPECT_TRUE(flagged({1.5, 1.5, 0, 0, 1.5, 1.5}, r).empty());
    EXPECT_EQ(flagged({-1.2, -1.5, -1.1, -2.5}, r), (Points{3}));
    EXPECT_TRUE(flagged({1.5, -1.5, 1.5, -1.5, 1.5}, r).empty());
  }
}

TEST(Rules, FifteenWithinOneSigma) {
  EXPECT_EQ(flagged(alternating(0.5, -0.5, 15), Rule::nelson7), (Points{14}));
  EXPECT_TRUE(flagged(alternating(0.5, -0.5, 14), Rule::nelson7).empty());
  auto x = alternating(0.5, -0.5, 10);
  x.push_back(1.5); // one point outside 1 sigma restarts the count
  for (int i = 0; i < 14; ++i) x.push_back(i % 2 ? 0.3 : -0.3);
  EXPECT_TRUE(flagged(x, Rule::nelson7).empty());
}

TEST(Rules, EightBeyondOneSigmaBothSides) {
  EXPECT_EQ(flagged(alternating(1.5, -1.5, 8), Rule::nelson8), (Points{7}));
  EXPECT_TRUE(flagged(alternating(1.5, -1.5, 7), Rule::nelson8).empty());
  // All eight on one side is a shift (rules 2, 6), not a mixture.
  EXPECT_TRUE(flagged(repeat(1.5, 8), Rule::nelson8).empty());
  // Seven above then one below: both sides are present in the eight.
  auto x = repeat(1.5, 7);
  x.push_back(-1.5);
  EXPECT_EQ(flagged(x, Rule::nelson8), (Points{7}));
  // A point inside 1 sigma breaks the run.
  auto y = alternating(1.5, -1.5, 4);
  y.push_back(0.5);
  for (double v : alternating(1.5, -1.5, 7)) y.push_back(v);
  EXPECT_TRUE(flagged(y, Rule::nelson8).empty());
}

TEST(Rules, AllRulesInOnePassMatchSingleRuleRuns) {
  // A mixed series: every rule evaluated alone gives the same points as all
  // rules evaluated together.
  std::vector<double> x = {0.2, -0.3, 3.4, 0.1,  2.5, 2.6,  0.4, 1.2,  1.4, 1.3,  1.6, 0.2,  0.5, 0.6,  0.7,
                           0.8, 0.9,  1.0, -1.5, 1.5, -1.5, 1.5, -1.5, 1.5, -1.5, 1.5, -0.2, 0.2, -0.2, 0.2};
  const ViolationLog all = run(x, RuleSet(0x0FFF));
  for (std::size_t k = 0; k < kRuleCount; ++k)
    EXPECT_EQ(all.first(rule_at(k)), flagged(x, rule_at(k))) << rule_info(rule_at(k)).id;
  EXPECT_GT(all.total(), 0u);
}

TEST(Rules, PerPointLimitsUseEachPointsSigma) {
  // A p chart with unequal samples: the same value 0.2 is inside the wide
  // limits of a small sample (sigma 0.05) and beyond the narrow limits of a
  // large one (sigma 0.01).
  std::vector<ControlLimits> per = {ControlLimits::three_sigma(0.1, 0.05, 0),
                                    ControlLimits::three_sigma(0.1, 0.01, 0)};
  ViolationLog log(10, false, 2);
  detect_rules({0.2, 0.2}, LimitSeries::varying(per), only(Rule::nelson1), log);
  EXPECT_EQ(log.first(Rule::nelson1), (Points{1}));
}

TEST(Rules, CountsAndCapsAreSeparate) {
  ViolationLog log(2, false, 20);
  detect_rules(repeat(5.0, 20), LimitSeries::constant(ControlLimits::three_sigma(0, 1, -HUGE_VAL)),
               only(Rule::nelson1), log);
  EXPECT_EQ(log.count(Rule::nelson1), 20u);
  EXPECT_EQ(log.first(Rule::nelson1), (Points{0, 1}));
  EXPECT_EQ(log.points_flagged(), 20u);
  EXPECT_FALSE(log.has_masks());
}

TEST(RuleSets, DefaultsAndAllowedPerChartFamily) {
  EXPECT_EQ(default_rules(ChartFamily::location), RuleSet::nelson());
  EXPECT_EQ(default_rules(ChartFamily::moving_range).ids(), (std::vector<std::string>{"nelson1"}));
  EXPECT_EQ(default_rules(ChartFamily::dispersion).ids(),
            (std::vector<std::string>{"nelson1", "nelson2", "nelson3", "nelson4"}));
  EXPECT_FALSE(allowed_rules(ChartFamily::dispersion).has(Rule::nelson5));
  EXPECT_FALSE(allowed_rules(ChartFamily::moving_range).has(Rule::nelson2));
  EXPECT_TRUE(allowed_rules(ChartFamily::attribute).has(Rule::nelson8));
}

TEST(RuleSets, ParseSpecsAndDropRulesAChartDoesNotAllow) {
  EXPECT_EQ(parse_rule_spec(Json("we"), "f", ChartFamily::location), RuleSet::western_electric());
  EXPECT_EQ(parse_rule_spec(Json::array({1, "nelson5", "we4"}), "f", ChartFamily::location).ids(),
            (std::vector<std::string>{"nelson1", "nelson5", "we4"}));
  EXPECT_TRUE(parse_rule_spec(Json("none"), "f", ChartFamily::location).empty());

  ChartSet set;
  set.type = "imr";
  set.charts.resize(2);
  set.charts[0].name = "i";
  set.charts[0].family = ChartFamily::location;
  set.charts[1].name = "mr";
  set.charts[1].family = ChartFamily::moving_range;
  const Json request = {{"options", {{"rules", {{"i", "we"}, {"mr", "nelson"}}}}}};
  assign_rules(set, Options(request));
  EXPECT_EQ(set.charts[0].rules, RuleSet::western_electric());
  EXPECT_EQ(set.charts[1].rules.ids(), (std::vector<std::string>{"nelson1"}));
  ASSERT_EQ(set.warnings.size(), 1u);
  EXPECT_NE(set.warnings[0].find("nelson2"), std::string::npos);
}

} // namespace
} // namespace qloop::spc
