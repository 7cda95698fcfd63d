// The statistical layer: one L2-regularised logistic regression (liblinear
// L2R_LR, one-vs-rest) per target over the tf-idf features, trained on the
// ledger's labelled history, with a probability and a readable reason per
// decision.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <linear.h>

#include "features.hpp"
#include "records.hpp"
#include "targets.hpp"
#include "vocabulary.hpp"

namespace qloop::classify {

struct LinearModelDeleter {
  void operator()(model *m) const noexcept { free_and_destroy_model(&m); }
};
using LinearModel = std::unique_ptr<model, LinearModelDeleter>;

struct TargetModel {
  LinearModel linear;
  std::vector<std::string> labels; // class id (liblinear's label value) -> name
  std::map<std::string, std::size_t> class_counts;
  std::size_t trained_on = 0;
  std::vector<int> column_of_class; // class id -> position in linear->label

  // Call after `linear` and `labels` are set (training or loading).
  void index_classes();
};

struct TrainOptions {
  FeatureOptions features;
  int min_df = 2;  // n-grams seen in one record only are mostly typos and numbers
  double C = 10.0; // inverse regularisation: mild, as unit-length tf-idf rows want; tune with classify.eval
};

// Per target, what training did with it.
struct TargetReport {
  bool trained = false;
  std::string reason; // why not, when not
  std::size_t labelled = 0;
  std::map<std::string, std::size_t> class_counts;
};

struct ModelSet {
  TrainOptions options;
  Vocabulary vocabulary;
  std::array<std::optional<TargetModel>, kTargetCount> targets;
  std::size_t records = 0;
  std::string trained_at;

  bool any() const;
};

// Trains on `rows` of `records`. A target without a label column, or with
// fewer than 2 classes among those rows, is left out with its reason.
ModelSet train_models(const Records &records, const std::vector<std::size_t> &rows,
                      const TrainOptions &options, std::array<TargetReport, kTargetCount> &report);

// Reusable buffers for predicting record after record without allocating.
struct Scratch {
  Doc doc;
  std::vector<feature_node> nodes;
  std::vector<std::uint32_t> term_of;
  std::vector<double> probabilities;
  std::vector<std::pair<double, std::uint32_t>> contributions;
};

// The decision of `target`'s model for the record whose features
// (scratch.doc) and vector (scratch.nodes, scratch.term_of) are ready: the most
// probable class, its probability, and the 3-5 features of this record that
// pushed hardest towards it (weight for that class x feature value).
Decision predict(const TargetModel &target, Scratch &scratch);

} // namespace qloop::classify
