// One-way ANOVA against the NIST Statistical Reference Datasets (StRD), ANOVA
// section: SiRstv (lower difficulty), SmLs01-03 (lower), SmLs04-06 (average:
// the same designs with 10^6 added to every value). Certified values are read
// from the header of each file (tests/reference/nist-anova/*.dat, lines 41-47):
// between/within df, SS, MS, the F statistic, R^2 and the residual SD.
// Source: https://www.itl.nist.gov/div898/strd/anova/anova.html (public domain).
#include <algorithm>
#include <cstdio>
#include <map>

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <gtest/gtest.h>

#include "general_factorial.hpp"
#include "nist_data.hpp"

namespace qloop::doe {
namespace {

using test::digits;

double between_ss_of(const CategoricalResult &r) { return r.glm.terms.at(0).ss; }

struct Case {
  const char *file;
  double required_digits; // lowest agreeing digits accepted over all certified values
};

class NistAnovaTest : public ::testing::TestWithParam<Case> {};

TEST_P(NistAnovaTest, MatchesCertifiedValues) {
  const Case c = GetParam();
  const auto nist = test::read_nist(std::string(QLOOP_REFERENCE_DIR) + "/nist-anova/" + c.file);
  ASSERT_GT(nist.y.size(), 20u);

  CategoricalData d;
  d.factor_names = {"treatment"};
  int groups = *std::max_element(nist.group.begin(), nist.group.end());
  d.levels.emplace_back();
  for (int g = 1; g <= groups; ++g) d.levels[0].push_back(std::to_string(g));
  d.level_of.emplace_back();
  for (int g : nist.group) d.level_of[0].push_back(static_cast<std::uint32_t>(g - 1));
  d.y = nist.y;

  const auto r = analyze_categorical(d, CategoricalOptions{});
  const auto &between = r.glm.terms.at(0);
  const auto &within = r.glm.error;
  EXPECT_EQ(between.df, nist.between_df);
  EXPECT_EQ(within.df, nist.within_df);

  const double got[] = {between.ss, between.ms,      between.f,        within.ss,
                        within.ms,  r.glm.r_squared, r.glm.residual_sd};
  const double want[] = {nist.between_ss, nist.between_ms, nist.f,          nist.within_ss,
                         nist.within_ms,  nist.r_squared,  nist.residual_sd};
  const char *names[] = {"between SS", "between MS", "F", "within SS", "within MS", "R^2", "residual SD"};
  double lowest = 15;
  for (int i = 0; i < 7; ++i) {
    const double dg = digits(got[i], want[i]);
    lowest = std::min(lowest, dg);
    std::printf("[ NIST     ] %s %-11s got %.15g certified %.15g -> %.1f digits\n", c.file, names[i], got[i],
                want[i], dg);
    EXPECT_GE(dg, c.required_digits) << c.file << " " << names[i];
  }
  RecordProperty("lowest_digits", std::to_string(lowest));

  // The data as stored are binary doubles: 1000000.4 is not exactly 1000000.4,
  // and for SmLs04-06 that alone moves the certified values in the 10th digit.
  // Against the exact ANOVA of the stored doubles (50-digit arithmetic), the
  // algorithm itself must lose almost nothing.
  using Big = boost::multiprecision::cpp_bin_float_50;
  std::map<int, std::pair<Big, Big>> sums; // group -> (n, sum)
  for (std::size_t i = 0; i < nist.y.size(); ++i) {
    sums[nist.group[i]].first += 1;
    sums[nist.group[i]].second += Big(nist.y[i]);
  }
  Big total = 0, n = 0;
  for (const auto &[g, s] : sums) {
    total += s.second;
    n += s.first;
  }
  const Big grand = total / n;
  Big big_between = 0, big_within = 0;
  for (const auto &[g, s] : sums) {
    const Big m = s.second / s.first;
    big_between += s.first * (m - grand) * (m - grand);
  }
  for (std::size_t i = 0; i < nist.y.size(); ++i) {
    const auto &s = sums[nist.group[i]];
    const Big d = Big(nist.y[i]) - s.second / s.first;
    big_within += d * d;
  }
  const double exact_between = static_cast<double>(big_between),
               exact_within = static_cast<double>(big_within);
  const double dg_between = digits(between_ss_of(r), exact_between);
  const double dg_within = digits(r.glm.error.ss, exact_within);
  std::printf("[ NIST     ] %s vs exact ANOVA of the stored doubles: between %.1f, within %.1f digits\n",
              c.file, dg_between, dg_within);
  EXPECT_GE(dg_between, 12);
  EXPECT_GE(dg_within, 12);
}

// Lower difficulty: at least 9 digits required (the brief); reached: 12.9 or
// more. Average difficulty (10^6 offset): reached 9.9 or more; the rest is the
// binary representation of the decimal data (1000000.4 is stored 2e-11 off),
// as the comparison with the exact ANOVA of the stored doubles shows (13.7+).
INSTANTIATE_TEST_SUITE_P(Strd, NistAnovaTest,
                         ::testing::Values(Case{"SiRstv.dat", 9}, Case{"SmLs01.dat", 9},
                                           Case{"SmLs02.dat", 9}, Case{"SmLs03.dat", 9},
                                           Case{"SmLs04.dat", 9.5}, Case{"SmLs05.dat", 9.5},
                                           Case{"SmLs06.dat", 9.5}),
                         [](const auto &info) {
                           std::string n = info.param.file;
                           return n.substr(0, n.find('.'));
                         });

} // namespace
} // namespace qloop::doe
