#include "vocabulary.hpp"

#include <cmath>
#include <stdexcept>

namespace qloop::classify {

Vocabulary::Vocabulary(int hash_bits, std::vector<std::uint32_t> buckets, std::vector<double> idf)
    : hash_bits_(hash_bits), buckets_(std::move(buckets)), idf_(std::move(idf)) {
  if (buckets_.size() != idf_.size()) throw std::invalid_argument("vocabulary: one idf per bucket needed");
  lookup_.assign(std::size_t{1} << hash_bits_, -1);
  for (std::size_t i = 0; i < buckets_.size(); ++i) {
    if (buckets_[i] >= lookup_.size())
      throw std::invalid_argument("vocabulary: bucket " + std::to_string(buckets_[i]) + " out of range");
    if (i > 0 && buckets_[i] <= buckets_[i - 1])
      throw std::invalid_argument("vocabulary: buckets must be ascending");
    lookup_[buckets_[i]] = static_cast<std::int32_t>(i);
  }
}

Vocabulary Vocabulary::fit(const std::vector<std::vector<Term>> &docs, int hash_bits, int min_df) {
  std::vector<std::uint32_t> df(std::size_t{1} << hash_bits, 0);
  for (const auto &terms : docs)
    for (const Term &t : terms) ++df[t.bucket]; // terms are unique per doc
  std::vector<std::uint32_t> buckets;
  std::vector<double> idf;
  const double n = static_cast<double>(docs.size());
  for (std::uint32_t b = 0; b < df.size(); ++b) {
    if (df[b] == 0 || df[b] < static_cast<std::uint32_t>(min_df)) continue;
    buckets.push_back(b);
    idf.push_back(std::log((1.0 + n) / (1.0 + df[b])) + 1.0);
  }
  return Vocabulary(hash_bits, std::move(buckets), std::move(idf));
}

int Vocabulary::index_of(std::uint32_t bucket) const {
  return bucket < lookup_.size() ? lookup_[bucket] : -1;
}

void Vocabulary::vectorize(const std::vector<Term> &terms, std::vector<feature_node> &nodes,
                           std::vector<std::uint32_t> &term_of) const {
  nodes.clear();
  term_of.clear();
  double norm2 = 0;
  // Terms are sorted by bucket and indices follow bucket order, so the nodes
  // come out ascending as liblinear expects.
  for (std::uint32_t k = 0; k < terms.size(); ++k) {
    const Term &t = terms[k];
    const int idx = index_of(t.bucket);
    if (idx < 0) continue;
    const double v = (1.0 + std::log(static_cast<double>(t.count))) * idf_[idx];
    nodes.push_back({idx + 1, v});
    term_of.push_back(k);
    norm2 += v * v;
  }
  if (norm2 > 0) {
    const double inv = 1.0 / std::sqrt(norm2);
    for (auto &n : nodes) n.value *= inv;
  }
  nodes.push_back({static_cast<int>(buckets_.size()) + 1, 1.0});
  nodes.push_back({-1, 0.0});
}

} // namespace qloop::classify
