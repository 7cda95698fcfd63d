// Analysis of variance of a linear model over cells: one row per term with
// sequential (Type I), hierarchical (Type II) or adjusted (Type III) sums of
// squares, error split into lack of fit and pure error, R^2, adjusted and
// predicted R^2, and the coefficient table.
#pragma once

#include <string>
#include <vector>

#include "cell_regression.hpp"

namespace qloop::doe {

enum class SsType { Sequential = 1, Hierarchical = 2, Adjusted = 3 };

struct ModelTerm {
  std::string name;
  std::vector<int>
      factors; // which factors it involves; Type II: T is contained in S when factors(T) < factors(S)
  Eigen::MatrixXd columns; // cells x df
};

// f and p are NaN when there is no test (no error degrees of freedom).
struct AnovaRow {
  std::string source;
  double df = 0, ss = 0, ms = 0, f = 0, p = 0;
};

struct GlmResult {
  std::vector<AnovaRow> terms; // in model order
  AnovaRow model, error, lack_of_fit, pure_error, total;
  bool lack_of_fit_tested = false; // both lack-of-fit and pure-error df > 0
  double r_squared = 0, adj_r_squared = 0, pred_r_squared = 0, press = 0, residual_sd = 0;
  RegressionFit fit;
  std::vector<Eigen::Index>
      first_column;     // per term, its first column in fit.coef (column 0 is the intercept)
  double intercept = 0; // in response units
  // Standard error of each coefficient (NaN without error df).
  Eigen::VectorXd coef_se;
};

// Fits intercept + terms (the caller has checked estimability) and builds the
// table. Every F uses the residual mean square.
GlmResult fit_glm(const CellRegression &reg, const std::vector<ModelTerm> &terms, SsType type);

// Builds the model matrix: a column of ones, then the terms' columns.
Eigen::MatrixXd model_matrix(Eigen::Index cells, const std::vector<ModelTerm> &terms);

} // namespace qloop::doe
