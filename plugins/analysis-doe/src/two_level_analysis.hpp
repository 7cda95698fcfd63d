// Analysis of two-level factorials (full or fractional, with blocks, centre
// points and replicates): effects and coefficients, ANOVA with curvature, lack
// of fit and pure error, Lenth's PSE, and reduced models whose dropped terms
// are pooled into error.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "glm_anova.hpp"
#include "lenth.hpp"
#include "words.hpp"

namespace qloop::doe {

struct TwoLevelData {
  std::vector<std::string> factor_names;
  std::vector<std::vector<int>> coded; // N x k: -1 / +1, or all 0 for a centre point
  std::vector<std::uint32_t> block;    // N block indices from 0, or empty (one block)
  std::vector<std::string> block_labels;
  std::vector<double> y;
};

struct TwoLevelOptions {
  std::optional<std::vector<Word>> terms; // reduced model; nothing: every estimable effect
  int max_order = 0;                      // 0: all orders when k <= 8, else up to 3
  bool curvature = true;                  // a curvature term when there are centre points
  SsType ss_type = SsType::Adjusted;
  double alpha = 0.05;
};

struct EffectEstimate {
  Word word = 0;
  double effect = 0, coef = 0, se = 0, t = 0, p = 0; // se, t, p NaN without error df
};

struct DroppedTerm {
  Word word = 0;
  std::string reason; // "aliased with AB", "aliased with -AB", "aliased with I", ...
};

struct TwoLevelModel {
  GlmResult glm;
  std::vector<EffectEstimate> effects; // the factorial terms, in model order
  std::vector<DroppedTerm> dropped;    // candidates that could not be estimated
  bool has_blocks = false, has_curvature = false;
  double curvature_coef = 0, curvature_se = 0; // centre mean - factorial mean (model based)
};

struct TwoLevelResult {
  int k = 0, runs = 0, factorial_runs = 0, center_runs = 0, distinct_points = 0, blocks = 1, max_order = 0;
  bool full_factorial = false; // every one of the 2^k points was run
  bool orthogonal = false;     // the factorial columns are mutually orthogonal with equal weights
  TwoLevelModel screening;     // every estimable effect up to max_order
  TwoLevelModel model;         // the fitted model (= screening unless terms were given)
  bool reduced = false;
  std::optional<LenthResult> lenth; // on the screening effects
  // Cells (distinct block x point) for plots: coded settings, counts, means.
  std::vector<std::vector<int>> cell_coded;
  std::vector<double> cell_count, cell_mean;
};

// Throws InvalidInput for data a two-level analysis cannot use (too few runs,
// partial centre points, a requested term that is not estimable).
TwoLevelResult analyze_two_level(const TwoLevelData &data, const TwoLevelOptions &options);

} // namespace qloop::doe
