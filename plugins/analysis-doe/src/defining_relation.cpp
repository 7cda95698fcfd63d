#include "defining_relation.hpp"

#include <algorithm>
#include <unordered_set>

namespace qloop::doe {

std::vector<SignedWord> defining_words(const std::vector<Generator> &generators) {
  std::vector<SignedWord> basis;
  for (const auto &g : generators) basis.push_back({g.word | factor_bit(g.factor), g.sign});
  std::vector<SignedWord> out;
  const std::size_t p = basis.size();
  for (std::size_t subset = 1; subset < (std::size_t{1} << p); ++subset) {
    SignedWord w{0, 1};
    for (std::size_t i = 0; i < p; ++i)
      if (subset & (std::size_t{1} << i)) {
        w.word ^= basis[i].word;
        w.sign *= basis[i].sign;
      }
    out.push_back(w);
  }
  std::sort(out.begin(), out.end(),
            [](const SignedWord &a, const SignedWord &b) { return hierarchical_less(a.word, b.word); });
  return out;
}

int resolution(const std::vector<SignedWord> &words) {
  int r = 0;
  for (const auto &w : words)
    if (r == 0 || word_length(w.word) < r) r = word_length(w.word);
  return r;
}

std::vector<int> word_length_pattern(const std::vector<SignedWord> &words, int k) {
  std::vector<int> a(static_cast<std::size_t>(std::max(k, 0)), 0);
  for (const auto &w : words) {
    int len = word_length(w.word);
    if (len >= 1 && len <= k) ++a[static_cast<std::size_t>(len - 1)];
  }
  return a;
}

std::string roman(int n) {
  static const char *const numerals[] = {"",     "I",  "II", "III", "IV",  "V",    "VI",  "VII",
                                         "VIII", "IX", "X",  "XI",  "XII", "XIII", "XIV", "XV"};
  if (n >= 0 && n < 16) return numerals[n];
  return std::to_string(n);
}

std::vector<AliasChain> alias_chains(const std::vector<SignedWord> &words, int k, int max_order) {
  std::vector<AliasChain> chains;
  // Effects in the defining relation are aliased with the mean: no chain.
  std::unordered_set<Word> seen;
  for (const auto &w : words) seen.insert(w.word);
  for (Word leader : words_up_to(k, max_order)) {
    if (seen.count(leader)) continue;
    AliasChain chain;
    chain.members.push_back({leader, 1});
    seen.insert(leader);
    std::vector<SignedWord> others;
    for (const auto &w : words) {
      SignedWord alias{leader ^ w.word, w.sign};
      seen.insert(alias.word);
      if (word_length(alias.word) <= max_order) others.push_back(alias);
    }
    std::sort(others.begin(), others.end(),
              [](const SignedWord &a, const SignedWord &b) { return hierarchical_less(a.word, b.word); });
    chain.members.insert(chain.members.end(), others.begin(), others.end());
    chains.push_back(std::move(chain));
  }
  return chains;
}

std::string chain_text(const AliasChain &chain) {
  std::string out;
  for (std::size_t i = 0; i < chain.members.size(); ++i) {
    const auto &m = chain.members[i];
    if (i == 0)
      out += word_name(m.word);
    else
      out += (m.sign < 0 ? " - " : " + ") + word_name(m.word);
  }
  return out;
}

} // namespace qloop::doe
