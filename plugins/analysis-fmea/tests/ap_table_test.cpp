// The AIAG & VDA action priority tables, entry by entry.
//
// Reference: AIAG & VDA FMEA Handbook, 1st edition (2019),
//   - Table "Action Priority (AP) for DFMEA and PFMEA" (one table for both), and
//   - Table "Action Priority (AP) for FMEA-MSR" (supplemental FMEA for Monitoring
//     and System Response; F frequency and M monitoring instead of O and D).
// The handbook prints each table as rows of rating ranges with an AP. The rows
// below are transcribed from the printed tables, one printed row per line, in
// print order (S band, then O/F band, then D/M band). For the transcription the
// rows were compared with public reproductions of the tables; the test expands
// them here, independently of the plugin's own data, and compares all 1000
// combinations of each table with the plugin's lookup.
//
// Totals over the 1000 combinations, counted by hand from the printed rows
// (no published count was found to compare with):
//   DFMEA/PFMEA: H 318, M 214, L 468.
//     S 9-10 (x2): H 76, M 6, L 18 each;  S 7-8 (x2): H 56, M 26, L 18 each;
//     S 4-6 (x3): H 18, M 38, L 44 each;  S 2-3 (x2): M 18, L 82 each;  S 1: L 100.
//   FMEA-MSR: H 516, M 120, L 364.
//     S 10: H 76, M 10, L 14;  S 9: H 88, L 12;  S 7-8 (x2): H 61, M 14, L 25 each;
//     S 4-6 (x3): H 50, M 22, L 28 each;  S 2-3 (x2): H 40, M 8, L 52 each;  S 1: L 100.
#include <array>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "action_priority.hpp"

namespace {

using qloop::fmea::Ap;

// "S range | O range | D range | AP", ranges "a-b" or "a".
constexpr const char *kPrintedDesignProcess = R"(
# S 9-10  Product or plant effect very high
9-10 | 8-10 | 7-10 | H
9-10 | 8-10 | 5-6  | H
9-10 | 8-10 | 2-4  | H
9-10 | 8-10 | 1    | H
9-10 | 6-7  | 7-10 | H
9-10 | 6-7  | 5-6  | H
9-10 | 6-7  | 2-4  | H
9-10 | 6-7  | 1    | H
9-10 | 4-5  | 7-10 | H
9-10 | 4-5  | 5-6  | H
9-10 | 4-5  | 2-4  | H
9-10 | 4-5  | 1    | M
9-10 | 2-3  | 7-10 | H
9-10 | 2-3  | 5-6  | M
9-10 | 2-3  | 2-4  | L
9-10 | 2-3  | 1    | L
9-10 | 1    | 1-10 | L
# S 7-8  Product or plant effect high
7-8  | 8-10 | 7-10 | H
7-8  | 8-10 | 5-6  | H
7-8  | 8-10 | 2-4  | H
7-8  | 8-10 | 1    | H
7-8  | 6-7  | 7-10 | H
7-8  | 6-7  | 5-6  | H
7-8  | 6-7  | 2-4  | H
7-8  | 6-7  | 1    | M
7-8  | 4-5  | 7-10 | H
7-8  | 4-5  | 5-6  | M
7-8  | 4-5  | 2-4  | M
7-8  | 4-5  | 1    | M
7-8  | 2-3  | 7-10 | M
7-8  | 2-3  | 5-6  | M
7-8  | 2-3  | 2-4  | L
7-8  | 2-3  | 1    | L
7-8  | 1    | 1-10 | L
# S 4-6  Product or plant effect moderate
4-6  | 8-10 | 7-10 | H
4-6  | 8-10 | 5-6  | H
4-6  | 8-10 | 2-4  | M
4-6  | 8-10 | 1    | M
4-6  | 6-7  | 7-10 | M
4-6  | 6-7  | 5-6  | M
4-6  | 6-7  | 2-4  | M
4-6  | 6-7  | 1    | L
4-6  | 4-5  | 7-10 | M
4-6  | 4-5  | 5-6  | L
4-6  | 4-5  | 2-4  | L
4-6  | 4-5  | 1    | L
4-6  | 2-3  | 7-10 | L
4-6  | 2-3  | 5-6  | L
4-6  | 2-3  | 2-4  | L
4-6  | 2-3  | 1    | L
4-6  | 1    | 1-10 | L
# S 2-3  Product or plant effect low
2-3  | 8-10 | 7-10 | M
2-3  | 8-10 | 5-6  | M
2-3  | 8-10 | 2-4  | L
2-3  | 8-10 | 1    | L
2-3  | 6-7  | 7-10 | L
2-3  | 6-7  | 5-6  | L
2-3  | 6-7  | 2-4  | L
2-3  | 6-7  | 1    | L
2-3  | 4-5  | 7-10 | L
2-3  | 4-5  | 5-6  | L
2-3  | 4-5  | 2-4  | L
2-3  | 4-5  | 1    | L
2-3  | 2-3  | 7-10 | L
2-3  | 2-3  | 5-6  | L
2-3  | 2-3  | 2-4  | L
2-3  | 2-3  | 1    | L
2-3  | 1    | 1-10 | L
# S 1  No discernible effect
1    | 1-10 | 1-10 | L
)";

// "S range | F range | M range | AP".
constexpr const char *kPrintedMsr = R"(
# S 10  Product effect high
10   | 5-10 | 1-10 | H
10   | 4    | 2-10 | H
10   | 4    | 1    | M
10   | 3    | 4-10 | H
10   | 3    | 2-3  | M
10   | 3    | 1    | L
10   | 2    | 4-10 | M
10   | 2    | 1-3  | L
10   | 1    | 1-10 | L
# S 9  Product effect high
9    | 4-10 | 1-10 | H
9    | 2-3  | 2-10 | H
9    | 2-3  | 1    | L
9    | 1    | 1-10 | L
# S 7-8  Product effect moderately high
7-8  | 6-10 | 1-10 | H
7-8  | 5    | 6-10 | H
7-8  | 5    | 1-5  | M
7-8  | 4    | 7-10 | H
7-8  | 4    | 4-6  | M
7-8  | 4    | 1-3  | L
7-8  | 3    | 9-10 | H
7-8  | 3    | 7-8  | M
7-8  | 3    | 1-6  | L
7-8  | 2    | 7-10 | M
7-8  | 2    | 1-6  | L
7-8  | 1    | 1-10 | L
# S 4-6  Product effect moderately low
4-6  | 7-10 | 1-10 | H
4-6  | 5-6  | 6-10 | H
4-6  | 5-6  | 1-5  | M
4-6  | 2-4  | 7-10 | M
4-6  | 2-4  | 1-6  | L
4-6  | 1    | 1-10 | L
# S 2-3  Product effect low
2-3  | 7-10 | 1-10 | H
2-3  | 5-6  | 7-10 | M
2-3  | 5-6  | 1-6  | L
2-3  | 2-4  | 1-10 | L
2-3  | 1    | 1-10 | L
# S 1  No discernible effect
1    | 1-10 | 1-10 | L
)";

struct Range {
  int lo = 0, hi = 0;
};

Range parse_range(std::string text) {
  text.erase(0, text.find_first_not_of(' '));
  text.erase(text.find_last_not_of(' ') + 1);
  auto dash = text.find('-');
  if (dash == std::string::npos) return {std::stoi(text), std::stoi(text)};
  return {std::stoi(text.substr(0, dash)), std::stoi(text.substr(dash + 1))};
}

// Expands the printed rows; every combination must be given exactly once.
std::array<char, 1000> expand(const char *printed) {
  std::array<char, 1000> cube{};
  std::istringstream in(printed);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::istringstream parts(line);
    std::string cell;
    while (std::getline(parts, cell, '|')) cells.push_back(cell);
    EXPECT_EQ(cells.size(), 4u) << line;
    if (cells.size() != 4) continue;
    Range s = parse_range(cells[0]), a = parse_range(cells[1]), b = parse_range(cells[2]);
    char ap = cells[3][cells[3].find_first_not_of(' ')];
    for (int i = s.lo; i <= s.hi; ++i)
      for (int j = a.lo; j <= a.hi; ++j)
        for (int k = b.lo; k <= b.hi; ++k) {
          char &slot = cube[(i - 1) * 100 + (j - 1) * 10 + (k - 1)];
          EXPECT_EQ(slot, '\0') << "printed rows overlap at " << i << "/" << j << "/" << k;
          slot = ap;
        }
  }
  for (char c : cube) EXPECT_NE(c, '\0') << "printed rows leave a combination uncovered";
  return cube;
}

struct Totals {
  int h = 0, m = 0, l = 0;
};

Totals totals(const std::array<char, 1000> &cube) {
  Totals t;
  for (char c : cube) (c == 'H' ? t.h : c == 'M' ? t.m : t.l)++;
  return t;
}

TEST(ApTable, DesignProcessEveryEntryMatchesThePrintedTable) {
  const auto expected = expand(kPrintedDesignProcess);
  int compared = 0;
  for (int s = 1; s <= 10; ++s)
    for (int o = 1; o <= 10; ++o)
      for (int d = 1; d <= 10; ++d) {
        const char want = expected[(s - 1) * 100 + (o - 1) * 10 + (d - 1)];
        EXPECT_EQ(qloop::fmea::ap_letter(qloop::fmea::ap_design_process(s, o, d)), want)
            << "S=" << s << " O=" << o << " D=" << d;
        ++compared;
      }
  EXPECT_EQ(compared, 1000);
}

TEST(ApTable, MsrEveryEntryMatchesThePrintedTable) {
  const auto expected = expand(kPrintedMsr);
  int compared = 0;
  for (int s = 1; s <= 10; ++s)
    for (int f = 1; f <= 10; ++f)
      for (int m = 1; m <= 10; ++m) {
        const char want = expected[(s - 1) * 100 + (f - 1) * 10 + (m - 1)];
        EXPECT_EQ(qloop::fmea::ap_letter(qloop::fmea::ap_msr(s, f, m)), want)
            << "S=" << s << " F=" << f << " M=" << m;
        ++compared;
      }
  EXPECT_EQ(compared, 1000);
}

TEST(ApTable, TotalsOverAllCombinations) {
  // Hand counts from the printed rows (see the header comment).
  Totals dp = totals(expand(kPrintedDesignProcess));
  EXPECT_EQ(dp.h, 318);
  EXPECT_EQ(dp.m, 214);
  EXPECT_EQ(dp.l, 468);
  auto plugin_dp = qloop::fmea::count_cube(qloop::fmea::kDesignProcessCube);
  EXPECT_EQ(plugin_dp.h, 318);
  EXPECT_EQ(plugin_dp.m, 214);
  EXPECT_EQ(plugin_dp.l, 468);

  Totals msr = totals(expand(kPrintedMsr));
  EXPECT_EQ(msr.h, 516);
  EXPECT_EQ(msr.m, 120);
  EXPECT_EQ(msr.l, 364);
  auto plugin_msr = qloop::fmea::count_cube(qloop::fmea::kMsrCube);
  EXPECT_EQ(plugin_msr.h, 516);
  EXPECT_EQ(plugin_msr.m, 120);
  EXPECT_EQ(plugin_msr.l, 364);
}

TEST(ApTable, CornersAndBandEdgesReadStraightFromTheBook) {
  using qloop::fmea::ap_design_process;
  using qloop::fmea::ap_msr;
  // A high severity with the cause prevented (O = 1) is L, not H.
  EXPECT_EQ(ap_design_process(10, 1, 10), Ap::L);
  EXPECT_EQ(ap_design_process(10, 4, 1), Ap::M);
  EXPECT_EQ(ap_design_process(10, 4, 2), Ap::H);
  EXPECT_EQ(ap_design_process(9, 2, 4), Ap::L);
  EXPECT_EQ(ap_design_process(9, 2, 5), Ap::M);
  EXPECT_EQ(ap_design_process(9, 2, 7), Ap::H);
  EXPECT_EQ(ap_design_process(7, 4, 6), Ap::M);
  EXPECT_EQ(ap_design_process(7, 4, 7), Ap::H);
  EXPECT_EQ(ap_design_process(4, 6, 1), Ap::L);
  EXPECT_EQ(ap_design_process(4, 6, 2), Ap::M);
  EXPECT_EQ(ap_design_process(2, 8, 4), Ap::L);
  EXPECT_EQ(ap_design_process(2, 8, 5), Ap::M);
  EXPECT_EQ(ap_design_process(1, 10, 10), Ap::L);
  // FMEA-MSR treats S = 9 and S = 10 differently.
  EXPECT_EQ(ap_msr(10, 3, 1), Ap::L);
  EXPECT_EQ(ap_msr(10, 3, 2), Ap::M);
  EXPECT_EQ(ap_msr(9, 3, 2), Ap::H);
  EXPECT_EQ(ap_msr(10, 2, 10), Ap::M);
  EXPECT_EQ(ap_msr(9, 2, 10), Ap::H);
  EXPECT_EQ(ap_msr(8, 5, 5), Ap::M);
  EXPECT_EQ(ap_msr(8, 5, 6), Ap::H);
  EXPECT_EQ(ap_msr(2, 7, 1), Ap::H);
}

TEST(ApTable, RuleLookupNamesThePrintedRow) {
  const auto &r = qloop::fmea::design_process_rule(8, 5, 3);
  EXPECT_EQ(r.s.lo, 7);
  EXPECT_EQ(r.s.hi, 8);
  EXPECT_EQ(r.second.lo, 4);
  EXPECT_EQ(r.second.hi, 5);
  EXPECT_EQ(r.third.lo, 2);
  EXPECT_EQ(r.third.hi, 4);
  EXPECT_EQ(r.ap, Ap::M);
}

TEST(ApTable, OutOfRangeLookupThrows) {
  EXPECT_THROW(qloop::fmea::ap_design_process(0, 5, 5), std::out_of_range);
  EXPECT_THROW(qloop::fmea::ap_msr(5, 11, 5), std::out_of_range);
}

} // namespace
