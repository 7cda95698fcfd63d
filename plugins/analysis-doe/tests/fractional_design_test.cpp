// Fractional factorials: generators, resolution and alias structure against
// Montgomery, Design and Analysis of Experiments (8th ed.), Table 8.14
// ("Selected 2^(k-p) fractional factorial designs", after Box, Hunter and
// Hunter, Statistics for Experimenters, 1978, Table 12.15) and Section 8.5
// (the 2^(7-4)_III design with D = AB, E = AC, F = BC, G = ABC and its alias
// relationships "ignoring interactions of three or more factors":
// A = BD = CE = FG, B = AD = CF = EG, C = AE = BF = DG, D = AB = CG = EF,
// E = AC = BG = DF, F = BC = AG = DE, G = CD = BE = AF).
#include <algorithm>
#include <bit>
#include <set>

#include <gtest/gtest.h>

#include "defining_relation.hpp"
#include "design.hpp"
#include "generators.hpp"

namespace qloop::doe {
namespace {

std::vector<Generator> standard(int k, int p) {
  std::vector<Generator> g;
  const auto texts = standard_generators(k, p).value();
  for (const auto &t : texts) g.push_back(parse_generator(t, k, p, "test"));
  return g;
}

std::set<std::string> chain_set(const AliasChain &c) {
  std::set<std::string> s;
  for (const auto &m : c.members) s.insert(word_name(m.word));
  return s;
}

TEST(FractionalDesign, SevenFactorsInEightRunsResolutionThree) {
  const auto gens = standard(7, 4);
  ASSERT_EQ(gens.size(), 4u);
  EXPECT_EQ(generator_text(gens[0]), "D = AB");
  EXPECT_EQ(generator_text(gens[1]), "E = AC");
  EXPECT_EQ(generator_text(gens[2]), "F = BC");
  EXPECT_EQ(generator_text(gens[3]), "G = ABC");
  const auto words = defining_words(gens);
  EXPECT_EQ(words.size(), 15u);
  EXPECT_EQ(resolution(words), 3);
  EXPECT_EQ(roman(resolution(words)), "III");
  // I = ABD = ACE = BCF = CDG = BEG = AFG = DEF = ... = ABCDEFG
  const auto wlp = word_length_pattern(words, 7);
  EXPECT_EQ(wlp[2], 7);
  EXPECT_EQ(wlp[3], 7);
  EXPECT_EQ(wlp[6], 1);
  const std::vector<std::set<std::string>> textbook = {
      {"A", "BD", "CE", "FG"}, {"B", "AD", "CF", "EG"}, {"C", "AE", "BF", "DG"}, {"D", "AB", "CG", "EF"},
      {"E", "AC", "BG", "DF"}, {"F", "AG", "BC", "DE"}, {"G", "AF", "BE", "CD"}};
  const auto chains = alias_chains(words, 7, 2);
  // Seven chains hold every main effect and every two-factor interaction.
  ASSERT_EQ(chains.size(), 7u);
  for (std::size_t i = 0; i < 7; ++i) EXPECT_EQ(chain_set(chains[i]), textbook[i]) << chain_text(chains[i]);
  EXPECT_EQ(chain_text(chains[0]), "A + BD + CE + FG");
}

TEST(FractionalDesign, FiveFactorsInSixteenRunsResolutionFive) {
  const auto gens = standard(5, 1);
  ASSERT_EQ(gens.size(), 1u);
  EXPECT_EQ(generator_text(gens[0]), "E = ABCD");
  const auto words = defining_words(gens);
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(word_name(words[0].word), "ABCDE");
  EXPECT_EQ(resolution(words), 5);
  // Up to two-factor interactions nothing is aliased: 15 single chains.
  const auto two = alias_chains(words, 5, 2);
  EXPECT_EQ(two.size(), 15u);
  for (const auto &c : two) EXPECT_EQ(c.members.size(), 1u);
  // Up to order 3: each two-factor interaction with a three-factor one.
  const auto three = alias_chains(words, 5, 3);
  EXPECT_EQ(three.size(), 15u);
  bool found = false;
  for (const auto &c : three)
    if (chain_text(c) == "AB + CDE") found = true;
  EXPECT_TRUE(found);
  // Full chains: A + BCDE.
  const auto full = alias_chains(words, 5, 5);
  EXPECT_EQ(chain_text(full[0]), "A + BCDE");
}

TEST(FractionalDesign, NegativeGeneratorGivesNegativeWords) {
  const auto g = parse_generator("E = -ABCD", 5, 1, "test");
  const auto words = defining_words({g});
  EXPECT_EQ(words[0].sign, -1);
  EXPECT_EQ(chain_text(alias_chains(words, 5, 5)[0]), "A - BCDE");
}

TEST(FractionalDesign, TableResolutionsMatchMontgomery) {
  // (k, p, resolution) as printed in Table 8.14.
  const int expected[][3] = {
      {3, 1, 3},  {4, 1, 4},  {5, 1, 5},  {5, 2, 3},  {6, 1, 6},  {6, 2, 4},  {6, 3, 3}, {7, 1, 7}, {7, 2, 4},
      {7, 3, 4},  {7, 4, 3},  {8, 2, 5},  {8, 3, 4},  {8, 4, 4},  {9, 2, 6},  {9, 3, 4}, {9, 4, 4}, {9, 5, 3},
      {10, 3, 5}, {10, 4, 4}, {10, 5, 4}, {10, 6, 3}, {11, 5, 4}, {11, 6, 4}, {11, 7, 3}};
  for (const auto &e : expected)
    EXPECT_EQ(resolution(defining_words(standard(e[0], e[1]))), e[2]) << "k=" << e[0] << " p=" << e[1];
}

// Word length pattern of the design whose generators are `cols` (words of the
// basic factors) for added factors k-p .. k-1: every product of generators,
// walked in Gray-code order so each step is one XOR (the search below visits
// millions of designs).
std::vector<int> pattern(const std::vector<Word> &cols, int k) {
  const int basic = k - static_cast<int>(cols.size());
  std::vector<int> a(static_cast<std::size_t>(k), 0);
  Word w = 0;
  const std::size_t p = cols.size();
  for (std::size_t i = 1; i < (std::size_t{1} << p); ++i) {
    const int bit = std::countr_zero(i);
    w ^= cols[static_cast<std::size_t>(bit)] | factor_bit(basic + bit);
    ++a[static_cast<std::size_t>(word_length(w) - 1)];
  }
  return a;
}

TEST(FractionalDesign, TableEntriesAreMinimumAberration) {
  // Exhaustive search over every choice of p distinct interaction columns of
  // the k-p basic factors: no design has a lexicographically smaller word
  // length pattern (A1, A2, A3, ...) than the table's.
  for (int k = 3; k <= 11; ++k)
    for (int p : standard_fractions(k)) {
      const int basic = k - p;
      std::vector<Word> candidates;
      for (Word w = 1; w < (Word{1} << basic); ++w)
        if (word_length(w) >= 2) candidates.push_back(w);
      const auto table = pattern(
          [&] {
            std::vector<Word> cols;
            for (const auto &g : standard(k, p)) cols.push_back(g.word);
            return cols;
          }(),
          k);
      std::vector<int> best = table;
      std::vector<std::size_t> idx(static_cast<std::size_t>(p));
      for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
      std::vector<Word> cols(idx.size());
      const std::size_t n = candidates.size(), r = idx.size();
      for (;;) {
        for (std::size_t i = 0; i < r; ++i) cols[i] = candidates[idx[i]];
        auto wlp = pattern(cols, k);
        if (wlp < best) best = wlp;
        std::size_t i = r;
        while (i > 0 && idx[i - 1] == n - r + (i - 1)) --i;
        if (i == 0) break;
        ++idx[i - 1];
        for (std::size_t j = i; j < r; ++j) idx[j] = idx[j - 1] + 1;
      }
      EXPECT_EQ(table, best) << "2^(" << k << "-" << p << ") is not minimum aberration";
    }
}

TEST(FractionalDesign, RunsSatisfyTheGenerators) {
  DesignSpec spec;
  for (int j = 0; j < 7; ++j) spec.factors.push_back({factor_letter(j), {{"-1", -1.0}, {"1", 1.0}}});
  spec.fractional = true;
  spec.p = 4;
  spec.randomize = false;
  const auto d = build_design(spec);
  ASSERT_EQ(d.runs.size(), 8u);
  EXPECT_EQ(d.resolution, 3);
  std::set<std::vector<int>> distinct;
  for (const auto &run : d.runs) {
    const auto &x = run.coded;
    EXPECT_EQ(x[3], x[0] * x[1]);
    EXPECT_EQ(x[4], x[0] * x[2]);
    EXPECT_EQ(x[5], x[1] * x[2]);
    EXPECT_EQ(x[6], x[0] * x[1] * x[2]);
    distinct.insert(x);
  }
  EXPECT_EQ(distinct.size(), 8u);
  // Standard order: A changes fastest.
  EXPECT_EQ(d.runs[0].coded[0], -1);
  EXPECT_EQ(d.runs[1].coded[0], 1);
  EXPECT_EQ(d.runs[1].coded[1], -1);
}

} // namespace
} // namespace qloop::doe
