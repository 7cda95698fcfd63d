#include "block_search.hpp"

#include <algorithm>
#include <optional>

#include <qloop/plugin.hpp>

namespace qloop::doe {
namespace {

using Score = std::vector<int>; // count of confounded effects by order (index 0 = order 1)

std::vector<Word> span_of(const std::vector<Word> &gens) {
  std::vector<Word> out;
  for (std::size_t subset = 1; subset < (std::size_t{1} << gens.size()); ++subset) {
    Word w = 0;
    for (std::size_t i = 0; i < gens.size(); ++i)
      if (subset & (std::size_t{1} << i)) w ^= gens[i];
    out.push_back(w);
  }
  return out;
}

// Nothing when the generators are dependent or confound a main effect.
std::optional<Score> score(const std::vector<Word> &gens, const std::vector<SignedWord> &defining, int k) {
  Score s(static_cast<std::size_t>(k), 0);
  for (Word e : span_of(gens)) {
    if (e == 0) return std::nullopt;
    int len = word_length(shortest_alias(e, defining));
    if (len <= 1) return std::nullopt;
    ++s[static_cast<std::size_t>(len - 1)];
  }
  return s;
}

bool better(const Score &a, const Score &b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
}

double combinations(std::size_t n, std::size_t r) {
  double c = 1;
  for (std::size_t i = 0; i < r; ++i) c = c * static_cast<double>(n - i) / static_cast<double>(i + 1);
  return c;
}

} // namespace

Word shortest_alias(Word effect, const std::vector<SignedWord> &defining) {
  Word best = effect;
  for (const auto &w : defining) {
    Word alias = effect ^ w.word;
    if (hierarchical_less(alias, best)) best = alias;
  }
  return best;
}

BlockPlan choose_block_generators(int k, int p, const std::vector<SignedWord> &defining, int block_bits) {
  BlockPlan plan;
  if (block_bits <= 0) return plan;
  const int basic = k - p;
  // Candidates: words of the basic factors, longest first, so that among
  // equally good plans the one with the highest-order generators is kept.
  std::vector<Word> candidates;
  for (Word w = 1; w < (Word{1} << basic); ++w)
    if (word_length(w) >= 2) candidates.push_back(w);
  std::sort(candidates.begin(), candidates.end(), [](Word a, Word b) {
    if (word_length(a) != word_length(b)) return word_length(a) > word_length(b);
    return hierarchical_less(a, b);
  });
  const auto b = static_cast<std::size_t>(block_bits);
  std::optional<Score> best;
  std::vector<Word> best_gens;

  if (b <= candidates.size() && combinations(candidates.size(), b) <= 3e6) {
    std::vector<std::size_t> idx(b);
    for (std::size_t i = 0; i < b; ++i) idx[i] = i;
    std::vector<Word> gens(b);
    for (;;) {
      for (std::size_t i = 0; i < b; ++i) gens[i] = candidates[idx[i]];
      auto s = score(gens, defining, k);
      if (s && (!best || better(*s, *best))) {
        best = s;
        best_gens = gens;
      }
      // Next combination in lexicographic order.
      std::size_t i = b;
      while (i > 0 && idx[i - 1] == candidates.size() - b + (i - 1)) --i;
      if (i == 0) break;
      ++idx[i - 1];
      for (std::size_t j = i; j < b; ++j) idx[j] = idx[j - 1] + 1;
    }
  } else {
    std::vector<Word> gens;
    for (std::size_t step = 0; step < b; ++step) {
      std::optional<Score> step_best;
      Word pick = 0;
      for (Word c : candidates) {
        auto trial = gens;
        trial.push_back(c);
        auto s = score(trial, defining, k);
        if (s && (!step_best || better(*s, *step_best))) {
          step_best = s;
          pick = c;
        }
      }
      if (!step_best) break;
      gens.push_back(pick);
      if (step + 1 == b) {
        best = step_best;
        best_gens = gens;
      }
    }
  }
  if (!best)
    throw sdk::InvalidInput(
        "field 'options.blocks': " + std::to_string(1 << block_bits) +
        " blocks would confound a main effect with blocks in this design; use fewer blocks or "
        "more runs");
  plan.generators = best_gens;
  for (Word e : span_of(best_gens)) plan.confounded.push_back(shortest_alias(e, defining));
  std::sort(plan.confounded.begin(), plan.confounded.end(), hierarchical_less);
  return plan;
}

} // namespace qloop::doe
