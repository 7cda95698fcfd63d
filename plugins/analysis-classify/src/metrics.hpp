// How good the learned models are on held-out records: the seeded split,
// accuracy, per-class precision/recall/F1, macro-F1 and the confusion matrix.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "records.hpp"

namespace qloop::classify {

// The label shown for a record nothing decided.
inline constexpr const char *kNoDecision = "(none)";

struct ClassScore {
  std::string name;
  std::size_t support = 0;   // records of this class in the truth
  std::size_t predicted = 0; // records predicted as this class
  std::size_t correct = 0;
  double precision = 0, recall = 0, f1 = 0; // 0 where undefined (nothing predicted / P+R = 0)
};

struct Scores {
  std::size_t total = 0, correct = 0;
  double accuracy = 0;
  // Mean F1 over the classes present in the truth: a class the model never
  // predicts counts 0, one that only appears among predictions not at all.
  double macro_f1 = 0;
  std::vector<ClassScore> classes; // every class in truth or predictions, by name
  // Rows: truth, columns: predicted, both over `labels`, plus a last
  // kNoDecision column when some record got no decision.
  std::vector<std::string> labels;
  bool has_undecided = false;
  std::vector<std::vector<std::size_t>> confusion;
};

// `truth` and `predicted` pair up; an empty prediction is "no decision".
Scores score(const std::vector<std::string> &truth, const std::vector<std::string> &predicted);

struct Split {
  std::vector<std::size_t> train, test; // row numbers, ascending
};

// A seeded split that keeps each stratum's share: rows are grouped by their
// category label (else the first label column there is), each group is
// shuffled with a splitmix64 stream from `seed` and round(fraction x size)
// of it (never all of it) goes to the test part. Plain 64-bit arithmetic,
// so the same seed splits the same on every platform.
Split split_rows(const Records &records, double test_fraction, std::uint64_t seed);

} // namespace qloop::classify
