// Linear models of categorical factors (one-way, two-way, n-way ANOVA and
// general multi-level factorials), with effect (sum-to-zero) coding so that
// Type III sums of squares test the usual hypotheses on unbalanced data too.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "glm_anova.hpp"

namespace qloop::doe {

struct CategoricalData {
  std::vector<std::string> factor_names;
  std::vector<std::vector<std::string>> levels;     // per factor, in display order
  std::vector<std::vector<std::uint32_t>> level_of; // per factor, one level index per observation
  std::vector<double> y;
};

struct CategoricalOptions {
  int max_order = 1; // 1: main effects; 2: with two-factor interactions; ...
  // Instead of max_order: every interaction when it can be tested (every
  // combination of levels observed, and more observations than combinations),
  // else main effects only (CategoricalResult::note says why).
  bool auto_max_order = false;
  SsType ss_type = SsType::Adjusted;
};

struct LevelStat {
  double count = 0, mean = 0, sd = 0; // sd NaN for a single observation
};

struct TermCoefficient {
  std::string label; // "machine=M2", or "machine=M2 * operator=Bob"
  double coef = 0, se = 0;
};

struct CategoricalResult {
  GlmResult glm;
  std::vector<std::vector<int>> term_factors;
  std::vector<std::vector<TermCoefficient>> term_coefficients; // main-effect terms: every level (sum to zero)
  double grand_mean = 0;
  int max_order = 1;
  std::string note;               // why interactions were left out (auto_max_order)
  bool balanced = false;          // every cell present with the same count
  bool all_cells_present = false; // every combination of levels observed
  std::size_t cells_possible = 0;
  // Cells (observed combinations).
  std::vector<std::vector<std::uint32_t>> cell_levels;
  std::vector<LevelStat> cells;
  // Per factor, per level (raw data).
  std::vector<std::vector<LevelStat>> level_stats;
};

// Throws InvalidInput for models the data cannot support; the messages name the
// rule: every factor needs 2 or more levels; a model with interactions needs
// every combination of levels observed; there must be more observations than
// parameters (error degrees of freedom > 0).
CategoricalResult analyze_categorical(const CategoricalData &data, const CategoricalOptions &options);

// Term name from factor names: "machine*operator".
std::string term_name(const std::vector<std::string> &names, const std::vector<int> &factors);

} // namespace qloop::doe
