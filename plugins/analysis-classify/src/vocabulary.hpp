// The buckets a model was trained on, with their idf, and the tf-idf vector
// of a record in liblinear's sparse format.
//
// Only buckets seen in training get a feature index: liblinear stores one
// weight per feature and class densely, so indexing all 2^20 buckets would
// make every model file tens of megabytes of zeros.
#pragma once

#include <cstdint>
#include <vector>

#include <linear.h>

#include "features.hpp"

namespace qloop::classify {

class Vocabulary {
public:
  Vocabulary() = default;
  // `buckets` ascending and unique, one idf each.
  Vocabulary(int hash_bits, std::vector<std::uint32_t> buckets, std::vector<double> idf);

  // Buckets present in at least `min_df` of `docs`, with the smoothed idf
  // ln((1 + N) / (1 + df)) + 1 (never 0, so a term in every record still
  // counts a little).
  // `docs` holds each record's terms (Doc::terms).
  static Vocabulary fit(const std::vector<std::vector<Term>> &docs, int hash_bits, int min_df);

  std::size_t size() const { return buckets_.size(); }
  int hash_bits() const { return hash_bits_; }
  const std::vector<std::uint32_t> &buckets() const { return buckets_; }
  const std::vector<double> &idf() const { return idf_; }
  // 0-based feature index of a bucket, or -1 when training never saw it.
  int index_of(std::uint32_t bucket) const;

  // The liblinear row of `doc`: (1 + ln tf) * idf per known term, L2
  // normalized, ascending 1-based indices, then the bias node (index
  // size() + 1, value 1) and the -1 terminator. `term_of[k]` is the index in
  // doc.terms of node k (bias and terminator excluded).
  void vectorize(const std::vector<Term> &terms, std::vector<feature_node> &nodes,
                 std::vector<std::uint32_t> &term_of) const;
  void vectorize(const Doc &doc, std::vector<feature_node> &nodes,
                 std::vector<std::uint32_t> &term_of) const {
    vectorize(doc.terms, nodes, term_of);
  }

private:
  int hash_bits_ = 0;
  std::vector<std::uint32_t> buckets_;
  std::vector<double> idf_;
  std::vector<std::int32_t> lookup_; // bucket -> index, dense: one load per term
};

} // namespace qloop::classify
