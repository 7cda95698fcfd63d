// Two-way ANOVA against published tables.
//
// 1. Balanced, replicated: Montgomery, Design and Analysis of Experiments
//    (8th ed.), Example 5.1, battery life (material type x temperature, 3 x 3,
//    n = 4). Published ANOVA (Table 5.5): material SS 10683.72 (2 df, F 7.91,
//    p 0.0020), temperature SS 39118.72 (2 df, F 28.97), interaction SS
//    9613.78 (4 df, F 3.56, p 0.0186), error SS 18230.75 (27 df), total SS
//    77646.97 (35 df).
// 2. Unbalanced with empty cells in the data: SAS/STAT User's Guide, The GLM
//    Procedure, Example "Unbalanced ANOVA for Two-Way Design with Interaction"
//    (data from Kutner 1974, p. 98; Afifi and Azen 1972), drug (4) x disease
//    (3), 58 observations. Published Type I, II and III sums of squares:
//      Type I:   drug 3133.238506, disease 418.833741, drug*disease 707.266259
//      Type II:  drug 3063.432863, disease 418.833741, drug*disease 707.266259
//      Type III: drug 2997.471860, disease 415.873046, drug*disease 707.266259
//    error 5080.816667 (46 df), corrected total 9340.155172 (57 df), R^2
//    0.456024, root MSE 10.50964, model F 3.51.
// 3. Unbalanced, Neter, Wasserman and Kutner (growth by sex and development),
//    as run in Minitab (Stanford ED257 course log): Seq SS sex 0.0029,
//    devpt 4.3960, sex*devpt 0.0754; Adj SS sex 0.1200, devpt 4.1897,
//    interaction 0.0754; error 1.3000 on 8 df; total 5.7743 on 13 df.
#include <algorithm>
#include <sstream>

#include <gtest/gtest.h>

#include "general_factorial.hpp"

namespace qloop::doe {
namespace {

struct Obs {
  int a, b;
  double y;
};

CategoricalData make(const std::vector<Obs> &obs, int levels_a, int levels_b, const char *na,
                     const char *nb) {
  CategoricalData d;
  d.factor_names = {na, nb};
  d.levels.resize(2);
  for (int i = 1; i <= levels_a; ++i) d.levels[0].push_back(std::to_string(i));
  for (int i = 1; i <= levels_b; ++i) d.levels[1].push_back(std::to_string(i));
  d.level_of.resize(2);
  for (const auto &o : obs) {
    d.level_of[0].push_back(static_cast<std::uint32_t>(o.a - 1));
    d.level_of[1].push_back(static_cast<std::uint32_t>(o.b - 1));
    d.y.push_back(o.y);
  }
  return d;
}

std::vector<Obs> battery() {
  const double life[3][3][4] = {{{130, 155, 74, 180}, {34, 40, 80, 75}, {20, 70, 82, 58}},
                                {{150, 188, 159, 126}, {136, 122, 106, 115}, {25, 70, 58, 45}},
                                {{138, 110, 168, 160}, {174, 120, 150, 139}, {96, 104, 82, 60}}};
  std::vector<Obs> out;
  for (int m = 0; m < 3; ++m)
    for (int t = 0; t < 3; ++t)
      for (double v : life[m][t]) out.push_back({m + 1, t + 1, v});
  return out;
}

TEST(TwoWayAnova, MontgomeryBatteryLifeBalanced) {
  CategoricalOptions o;
  o.max_order = 2;
  for (auto type : {SsType::Sequential, SsType::Hierarchical, SsType::Adjusted}) {
    o.ss_type = type;
    const auto r = analyze_categorical(make(battery(), 3, 3, "material", "temperature"), o);
    ASSERT_EQ(r.glm.terms.size(), 3u);
    EXPECT_TRUE(r.balanced);
    EXPECT_NEAR(r.glm.terms[0].ss, 10683.72, 0.005);
    EXPECT_NEAR(r.glm.terms[1].ss, 39118.72, 0.005);
    EXPECT_NEAR(r.glm.terms[2].ss, 9613.78, 0.005);
    EXPECT_NEAR(r.glm.error.ss, 18230.75, 0.005);
    EXPECT_NEAR(r.glm.total.ss, 77646.97, 0.005);
    EXPECT_EQ(r.glm.terms[2].df, 4);
    EXPECT_EQ(r.glm.error.df, 27);
    EXPECT_NEAR(r.glm.terms[0].f, 7.91, 0.005);
    EXPECT_NEAR(r.glm.terms[1].f, 28.97, 0.005);
    EXPECT_NEAR(r.glm.terms[2].f, 3.56, 0.005);
    EXPECT_NEAR(r.glm.terms[0].p, 0.0020, 5e-5);
    EXPECT_NEAR(r.glm.terms[2].p, 0.0186, 5e-5);
    EXPECT_EQ(r.glm.terms[2].source, "material*temperature");
  }
}

std::vector<Obs> kutner() {
  // SAS layout: drug disease y1..y6, '.' = missing (left out here).
  const char *rows[] = {"1 1 42 44 36 13 19 22", "1 2 33 . 26 . 33 21",   "1 3 31 -3 . 25 25 24",
                        "2 1 28 . 23 34 42 13",  "2 2 . 34 33 31 . 36",   "2 3 3 26 28 32 4 16",
                        "3 1 . . 1 29 . 19",     "3 2 . 11 9 7 1 -6",     "3 3 21 1 . 9 3 .",
                        "4 1 24 . 9 22 -2 15",   "4 2 27 12 12 -5 16 15", "4 3 22 7 25 5 12 ."};
  std::vector<Obs> out;
  for (const char *row : rows) {
    std::istringstream s(row);
    int a = 0, b = 0;
    s >> a >> b;
    std::string v;
    while (s >> v)
      if (v != ".") out.push_back({a, b, std::stod(v)});
  }
  return out;
}

TEST(TwoWayAnova, SasKutnerUnbalancedTypesOneTwoThree) {
  const auto data = make(kutner(), 4, 3, "drug", "disease");
  ASSERT_EQ(data.y.size(), 58u);
  struct Want {
    SsType type;
    double drug, disease, inter;
  };
  for (const Want &w : {Want{SsType::Sequential, 3133.238506, 418.833741, 707.266259},
                        Want{SsType::Hierarchical, 3063.432863, 418.833741, 707.266259},
                        Want{SsType::Adjusted, 2997.471860, 415.873046, 707.266259}}) {
    CategoricalOptions o;
    o.max_order = 2;
    o.ss_type = w.type;
    const auto r = analyze_categorical(data, o);
    EXPECT_FALSE(r.balanced);
    EXPECT_NEAR(r.glm.terms[0].ss, w.drug, 5e-6) << static_cast<int>(w.type);
    EXPECT_NEAR(r.glm.terms[1].ss, w.disease, 5e-6) << static_cast<int>(w.type);
    EXPECT_NEAR(r.glm.terms[2].ss, w.inter, 5e-6) << static_cast<int>(w.type);
    EXPECT_NEAR(r.glm.error.ss, 5080.816667, 5e-6);
    EXPECT_EQ(r.glm.error.df, 46);
    EXPECT_NEAR(r.glm.total.ss, 9340.155172, 5e-6);
    EXPECT_NEAR(r.glm.model.ss, 4259.338506, 5e-6);
    EXPECT_NEAR(r.glm.model.f, 3.51, 0.005);
    EXPECT_NEAR(r.glm.r_squared, 0.456024, 5e-7);
    EXPECT_NEAR(r.glm.residual_sd, 10.50964, 5e-6);
  }
}

TEST(TwoWayAnova, NeterWassermanKutnerUnequalN) {
  // sex (2) x development (3), growth.
  const std::vector<Obs> obs = {{1, 1, 1.4}, {1, 1, 2.4}, {1, 1, 2.2}, {2, 1, 2.4}, {1, 2, 2.1},
                                {1, 2, 1.7}, {2, 2, 2.5}, {2, 2, 1.8}, {2, 2, 2.0}, {1, 3, 0.7},
                                {1, 3, 1.1}, {2, 3, 0.5}, {2, 3, 0.9}, {2, 3, 1.3}};
  CategoricalOptions o;
  o.max_order = 2;
  o.ss_type = SsType::Sequential;
  auto seq = analyze_categorical(make(obs, 2, 3, "sex", "devpt"), o);
  EXPECT_NEAR(seq.glm.terms[0].ss, 0.0029, 5e-5);
  EXPECT_NEAR(seq.glm.terms[1].ss, 4.3960, 5e-5);
  EXPECT_NEAR(seq.glm.terms[2].ss, 0.0754, 5e-5);
  o.ss_type = SsType::Adjusted;
  auto adj = analyze_categorical(make(obs, 2, 3, "sex", "devpt"), o);
  EXPECT_NEAR(adj.glm.terms[0].ss, 0.1200, 5e-5);
  EXPECT_NEAR(adj.glm.terms[1].ss, 4.1897, 5e-5);
  EXPECT_NEAR(adj.glm.terms[2].ss, 0.0754, 5e-5);
  EXPECT_NEAR(adj.glm.error.ss, 1.3000, 5e-5);
  EXPECT_EQ(adj.glm.error.df, 8);
  EXPECT_NEAR(adj.glm.total.ss, 5.7743, 5e-5);
  EXPECT_NEAR(adj.glm.terms[1].f, 12.89, 0.005);
}

TEST(TwoWayAnova, AdditiveModelWhenUnreplicated) {
  // Battery data reduced to one observation per cell: interaction not
  // estimable with error, so auto fits the additive model and says why.
  std::vector<Obs> one;
  for (const auto &o : battery())
    if (std::none_of(one.begin(), one.end(), [&](const Obs &x) { return x.a == o.a && x.b == o.b; }))
      one.push_back(o);
  CategoricalOptions o;
  o.auto_max_order = true;
  auto r = analyze_categorical(make(one, 3, 3, "material", "temperature"), o);
  EXPECT_EQ(r.max_order, 1);
  EXPECT_EQ(r.glm.terms.size(), 2u);
  EXPECT_EQ(r.glm.error.df, 4);
  EXPECT_FALSE(r.note.empty());
}

} // namespace
} // namespace qloop::doe
