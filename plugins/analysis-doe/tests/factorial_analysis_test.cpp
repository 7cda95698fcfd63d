// Two-level factorial analysis against published examples.
//
// 1. Montgomery, D. C., Design and Analysis of Experiments (8th ed., Wiley
//    2013), Example 6.2: the filtration-rate 2^4 (unreplicated), data in
//    tests/reference/doe/filtration-2x4.csv. Published: the 15 effect estimates
//    (Table 6.11), and the reduced model A, C, D, AC, AD with error SS 195.125
//    on 10 df (Table 6.12/6.13), whose F values the book gives as A 95.86,
//    C 19.99, D 43.85, AC 67.34, AD 56.66, R^2 0.9660, adj R^2 0.9489 and
//    pred R^2 0.9128.
// 2. Lenth (1989) on the same effects, computed by hand in the test comment.
// 3. Montgomery Example 8.1: the one-half fraction (I = ABCD) of the same
//    data; published alias-chain estimates A+BCD 19.00, B+ACD 1.50, C+ABD
//    14.00, D+ABC 16.50, AB+CD -1.00, AC+BD -18.50, AD+BC 19.00 (Table 8.4).
// 3b. Montgomery Example 7.2: the same 2^4 run in two blocks with ABCD
//    confounded, block 1 ((1), ab, ac, bc, ad, bd, cd, abcd) 20 units lower:
//    published block SS 1387.5625; every other effect unchanged.
// 4. NIST/SEMATECH e-Handbook of Statistical Methods, case study 5.6.1 "Eddy
//    current probe sensitivity" (https://www.itl.nist.gov/div898/handbook/pri/
//    section6/pri61.htm), a 2^3 with published coefficients (the handbook's R
//    output: intercept 2.65875, x1 1.55125, x2 -0.43375, x3 0.10625, x1:x2
//    0.06375, x1:x3 0.12375, x2:x3 0.14875, x1:x2:x3 0.07125), and the reduced
//    model x1 + x2: residual SE 0.3043 on 5 df, R^2 0.9782, adj R^2 0.9695,
//    coefficient SE 0.1076, t 14.419 and -4.032, p 2.89e-05 and 0.01.
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "two_level_analysis.hpp"

namespace qloop::doe {
namespace {

TwoLevelData read_filtration() {
  std::ifstream in(std::string(QLOOP_REFERENCE_DIR) + "/doe/filtration-2x4.csv");
  TwoLevelData d;
  std::string line;
  std::getline(in, line); // header
  d.factor_names = {"temperature", "pressure", "formaldehyde", "stirring_rate"};
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::istringstream s(line);
    std::string cell;
    std::vector<int> x;
    for (int j = 0; j < 4; ++j) {
      std::getline(s, cell, ',');
      x.push_back(std::stoi(cell));
    }
    std::getline(s, cell, ',');
    d.coded.push_back(x);
    d.y.push_back(std::stod(cell));
  }
  return d;
}

std::map<std::string, double> effects_by_name(const std::vector<EffectEstimate> &effects) {
  std::map<std::string, double> out;
  for (const auto &e : effects) out[word_name(e.word)] = e.effect;
  return out;
}

Word w(const char *letters) { return *parse_letters(letters, 4); }

TEST(FiltrationExample62, EffectEstimatesMatchMontgomery) {
  const auto d = read_filtration();
  ASSERT_EQ(d.y.size(), 16u);
  const auto r = analyze_two_level(d, TwoLevelOptions{});
  const std::map<std::string, double> published = {
      {"A", 21.625},   {"B", 3.125},   {"C", 9.875},    {"D", 14.625},   {"AB", 0.125},
      {"AC", -18.125}, {"AD", 16.625}, {"BC", 2.375},   {"BD", -0.375},  {"CD", -1.125},
      {"ABC", 1.875},  {"ABD", 4.125}, {"ACD", -1.625}, {"BCD", -2.625}, {"ABCD", 1.375}};
  auto got = effects_by_name(r.screening.effects);
  ASSERT_EQ(got.size(), 15u);
  for (const auto &[name, value] : published) EXPECT_NEAR(got[name], value, 1e-12) << name;
  EXPECT_TRUE(r.full_factorial);
  EXPECT_TRUE(r.orthogonal);
  EXPECT_EQ(r.screening.glm.error.df, 0);
  // Intercept: the grand mean 70.0625 (Montgomery's fitted model).
  EXPECT_NEAR(r.screening.glm.intercept, 70.0625, 1e-12);
}

TEST(FiltrationExample62, LenthByHand) {
  // |effects| sorted: .125 .375 1.125 1.375 1.625 1.875 2.375 2.625 3.125
  // 4.125 9.875 14.625 16.625 18.125 21.625. Median (8th) 2.625, s0 = 3.9375;
  // 2.5 s0 = 9.84375 keeps the first ten, whose median is (1.625+1.875)/2 =
  // 1.75, so PSE = 1.5 * 1.75 = 2.625 on d = 15/3 = 5 df. ME = t(0.975, 5) PSE
  // = 2.5706 * 2.625 = 6.748 (t from any t table); SME uses gamma =
  // (1 + 0.95^(1/15)) / 2 = 0.998293.
  const auto r = analyze_two_level(read_filtration(), TwoLevelOptions{});
  ASSERT_TRUE(r.lenth);
  EXPECT_DOUBLE_EQ(r.lenth->s0, 3.9375);
  EXPECT_DOUBLE_EQ(r.lenth->pse, 2.625);
  EXPECT_DOUBLE_EQ(r.lenth->df, 5.0);
  EXPECT_NEAR(r.lenth->me, 2.570582 * 2.625, 1e-5);
  EXPECT_GT(r.lenth->sme, r.lenth->me);
  // The five effects Montgomery keeps are exactly those beyond ME.
  int beyond = 0;
  for (const auto &e : r.screening.effects) beyond += std::fabs(e.effect) > r.lenth->me;
  EXPECT_EQ(beyond, 5);
}

TEST(FiltrationExample62, ReducedModelPoolsTheRestIntoError) {
  TwoLevelOptions o;
  o.terms = std::vector<Word>{w("A"), w("C"), w("D"), w("AC"), w("AD")};
  const auto r = analyze_two_level(read_filtration(), o);
  const auto &g = r.model.glm;
  EXPECT_TRUE(r.reduced);
  EXPECT_NEAR(g.error.ss, 195.125, 1e-10);
  EXPECT_EQ(g.error.df, 10);
  EXPECT_NEAR(g.total.ss, 5730.9375, 1e-10);
  // Sums of squares: (effect^2) * 16 / 4.
  const std::map<std::string, double> ss = {
      {"A", 1870.5625}, {"C", 390.0625}, {"D", 855.5625}, {"AC", 1314.0625}, {"AD", 1105.5625}};
  const std::map<std::string, double> f = {
      {"A", 95.86}, {"C", 19.99}, {"D", 43.85}, {"AC", 67.34}, {"AD", 56.66}};
  ASSERT_EQ(g.terms.size(), 5u);
  for (const auto &row : g.terms) {
    EXPECT_NEAR(row.ss, ss.at(row.source), 1e-9) << row.source;
    EXPECT_NEAR(row.f, f.at(row.source), 0.005) << row.source; // book rounds to 2 decimals
    EXPECT_LT(row.p, 0.0013) << row.source;                    // book: all <= 0.0012
  }
  EXPECT_NEAR(g.r_squared, 0.9660, 5e-5);
  EXPECT_NEAR(g.adj_r_squared, 0.9489, 5e-5);
  EXPECT_NEAR(g.pred_r_squared, 0.9128, 5e-5);
  // Regression model in coded units: 70.06 + 10.81 x1 + 4.94 x3 + 7.31 x4
  // - 9.06 x1x3 + 8.31 x1x4.
  EXPECT_NEAR(g.intercept, 70.0625, 1e-12);
  auto eff = effects_by_name(r.model.effects);
  EXPECT_NEAR(eff["A"] / 2, 10.8125, 1e-12);
  EXPECT_NEAR(eff["AC"] / 2, -9.0625, 1e-12);
}

TEST(FiltrationExample81, HalfFractionAliasChains) {
  // Runs of the 2^4 with D = ABC (the principal half fraction, I = ABCD).
  const auto full = read_filtration();
  TwoLevelData half;
  half.factor_names = full.factor_names;
  for (std::size_t i = 0; i < full.y.size(); ++i) {
    const auto &x = full.coded[i];
    if (x[3] == x[0] * x[1] * x[2]) {
      half.coded.push_back(x);
      half.y.push_back(full.y[i]);
    }
  }
  ASSERT_EQ(half.y.size(), 8u);
  const auto r = analyze_two_level(half, TwoLevelOptions{});
  auto got = effects_by_name(r.screening.effects);
  const std::map<std::string, double> published = {{"A", 19.0},  {"B", 1.5},    {"C", 14.0}, {"D", 16.5},
                                                   {"AB", -1.0}, {"AC", -18.5}, {"AD", 19.0}};
  ASSERT_EQ(got.size(), 7u);
  for (const auto &[name, value] : published) EXPECT_NEAR(got[name], value, 1e-12) << name;
  // The other words are reported as aliases: CD = AB, BD = AC, BC = AD, ...
  std::map<std::string, std::string> dropped;
  for (const auto &x : r.screening.dropped) dropped[word_name(x.word)] = x.reason;
  EXPECT_EQ(dropped["BC"], "aliased with AD");
  EXPECT_EQ(dropped["BD"], "aliased with AC");
  EXPECT_EQ(dropped["CD"], "aliased with AB");
  EXPECT_EQ(dropped["BCD"], "aliased with A");
  EXPECT_EQ(dropped["ABCD"], "aliased with I (the mean)");
  EXPECT_FALSE(r.full_factorial);
}

TEST(FiltrationExample72, BlocksConfoundedWithABCD) {
  auto d = read_filtration();
  d.block_labels = {"1", "2"};
  for (std::size_t i = 0; i < d.y.size(); ++i) {
    const auto &x = d.coded[i];
    const bool block1 = x[0] * x[1] * x[2] * x[3] == 1;
    d.block.push_back(block1 ? 0 : 1);
    if (block1) d.y[i] -= 20;
  }
  TwoLevelOptions o;
  o.terms = std::vector<Word>{w("A"), w("C"), w("D"), w("AC"), w("AD")};
  const auto r = analyze_two_level(d, o);
  ASSERT_TRUE(r.model.has_blocks);
  const auto &blocks = r.model.glm.terms.at(0);
  EXPECT_EQ(blocks.source, "Blocks");
  EXPECT_NEAR(blocks.ss, 1387.5625, 1e-9);
  // Error: Example 6.2's 195.125 less ABCD's 7.5625 (now the block contrast).
  EXPECT_NEAR(r.model.glm.error.ss, 187.5625, 1e-9);
  EXPECT_EQ(r.model.glm.error.df, 9);
  auto eff = effects_by_name(r.model.effects);
  EXPECT_NEAR(eff["A"], 21.625, 1e-12);
  EXPECT_NEAR(eff["AC"], -18.125, 1e-12);
  // The full model reports ABCD as confounded with blocks.
  bool abcd_dropped = false;
  for (const auto &x : r.screening.dropped)
    abcd_dropped |= word_name(x.word) == "ABCD" && x.reason == "confounded with blocks";
  EXPECT_TRUE(abcd_dropped);
}

TEST(NistEddyCurrent, CoefficientsAndReducedModel) {
  // Standard order x1, x2, x3; responses from the handbook's table.
  TwoLevelData d;
  d.factor_names = {"number_of_turns", "winding_distance", "wire_gauge"};
  const double y[] = {1.70, 4.57, 0.55, 3.39, 1.51, 4.59, 0.67, 4.29};
  for (int i = 0; i < 8; ++i) {
    d.coded.push_back({(i & 1) ? 1 : -1, (i & 2) ? 1 : -1, (i & 4) ? 1 : -1});
    d.y.push_back(y[i]);
  }
  const auto full = analyze_two_level(d, TwoLevelOptions{});
  std::map<std::string, double> coef;
  for (const auto &e : full.screening.effects) coef[word_name(e.word)] = e.coef;
  EXPECT_NEAR(full.screening.glm.intercept, 2.65875, 1e-12);
  EXPECT_NEAR(coef["A"], 1.55125, 1e-12);
  EXPECT_NEAR(coef["B"], -0.43375, 1e-12);
  EXPECT_NEAR(coef["C"], 0.10625, 1e-12);
  EXPECT_NEAR(coef["AB"], 0.06375, 1e-12);
  EXPECT_NEAR(coef["AC"], 0.12375, 1e-12);
  EXPECT_NEAR(coef["BC"], 0.14875, 1e-12);
  EXPECT_NEAR(coef["ABC"], 0.07125, 1e-12);

  TwoLevelOptions o;
  o.terms = std::vector<Word>{*parse_letters("A", 3), *parse_letters("B", 3)};
  const auto r = analyze_two_level(d, o);
  const auto &g = r.model.glm;
  EXPECT_EQ(g.error.df, 5);
  EXPECT_NEAR(g.residual_sd, 0.3043, 5e-5);
  EXPECT_NEAR(g.r_squared, 0.9782, 5e-5);
  EXPECT_NEAR(g.adj_r_squared, 0.9695, 5e-5);
  EXPECT_NEAR(g.model.f, 112.1, 0.05);
  ASSERT_EQ(r.model.effects.size(), 2u);
  EXPECT_NEAR(r.model.effects[0].se / 2, 0.1076, 5e-5);
  EXPECT_NEAR(r.model.effects[0].t, 14.419, 5e-4);
  EXPECT_NEAR(r.model.effects[1].t, -4.032, 5e-4);
  EXPECT_NEAR(r.model.effects[0].p, 2.89e-05, 5e-8);
  EXPECT_NEAR(r.model.effects[1].p, 0.01, 5e-4);
  // Two-term model with 8 runs: the pseudo-replication SD of the handbook for
  // the model with all two-factor interactions is 0.2015254.
  TwoLevelOptions o2;
  o2.max_order = 2;
  const auto r2 = analyze_two_level(d, o2);
  EXPECT_NEAR(r2.model.glm.residual_sd, 0.2015254, 5e-8);
}

TEST(TwoLevelAnalysis, CentrePointsGiveCurvatureAndPureError) {
  // 2^2 with 5 centre points (Montgomery Example 6.7, process yield):
  // factorial 39.3 40.9 40.0 41.5, centre 40.3 40.5 40.7 40.2 40.6. Published
  // (Montgomery Table 6.22): SS_curvature 0.0027, SS_pure error 0.1720 on
  // 4 df, effects A 1.55, B 0.65, AB -0.05.
  TwoLevelData d;
  d.factor_names = {"time", "temperature"};
  const int xs[4][2] = {{-1, -1}, {1, -1}, {-1, 1}, {1, 1}};
  const double yf[4] = {39.3, 40.9, 40.0, 41.5};
  for (int i = 0; i < 4; ++i) {
    d.coded.push_back({xs[i][0], xs[i][1]});
    d.y.push_back(yf[i]);
  }
  for (double yc : {40.3, 40.5, 40.7, 40.2, 40.6}) {
    d.coded.push_back({0, 0});
    d.y.push_back(yc);
  }
  const auto r = analyze_two_level(d, TwoLevelOptions{});
  auto eff = effects_by_name(r.model.effects);
  EXPECT_NEAR(eff["A"], 1.55, 1e-12);
  EXPECT_NEAR(eff["B"], 0.65, 1e-12);
  EXPECT_NEAR(eff["AB"], -0.05, 1e-12);
  ASSERT_TRUE(r.model.has_curvature);
  double curvature_ss = -1;
  for (const auto &row : r.model.glm.terms)
    if (row.source == "Curvature") curvature_ss = row.ss;
  // n_F n_C (ybar_F - ybar_C)^2 / (n_F + n_C) = 4*5*(40.425-40.46)^2/9.
  EXPECT_NEAR(curvature_ss, 4.0 * 5.0 * (40.425 - 40.46) * (40.425 - 40.46) / 9.0, 1e-12);
  EXPECT_NEAR(curvature_ss, 0.0027, 5e-5);
  EXPECT_NEAR(r.model.glm.pure_error.ss, 0.1720, 5e-5);
  EXPECT_EQ(r.model.glm.pure_error.df, 4);
  EXPECT_EQ(r.model.glm.error.df, 4);
  EXPECT_EQ(r.center_runs, 5);
}

} // namespace
} // namespace qloop::doe
