// Least squares on cell means weighted by cell counts (Eigen Householder QR).
// With W = diag(n_c) and X the model matrix over cells (intercept first), the
// observation-level fit equals the weighted fit on cell means, and
//   residual SS = pure error (within cells) + lack of fit (between cells).
// Sums of squares come from z = Q' W^(1/2) (mean - grand mean): the squared
// components of z are the sequential (Type I) sums of squares of the columns in
// order, and the tail beyond rank p is the lack of fit. Nothing is formed as a
// difference of large sums.
#pragma once

#include <Eigen/Dense>

#include "cells.hpp"

namespace qloop::doe {

struct RegressionFit {
  Eigen::VectorXd coef;          // per column of X (response centred on the grand mean)
  Eigen::MatrixXd r_inverse;     // R^-1; (X'WX)^-1 = R^-1 R^-T
  Eigen::VectorXd seq_ss;        // per column: sequential sum of squares
  double ss_lack_of_fit = 0;     // weighted residual sum of squares of the cell means
  Eigen::VectorXd fitted;        // per cell, in response units
  Eigen::VectorXd cell_residual; // per cell: mean - fitted, without the common offset
  Eigen::VectorXd leverage;      // per cell: hat value of one observation of the cell
};

class CellRegression {
public:
  explicit CellRegression(CellSummary cells);

  const CellSummary &cells() const { return cells_; }
  Eigen::Index cell_count() const { return static_cast<Eigen::Index>(cells_.count.size()); }

  // X: cells x p, full column rank (choose columns with SpanTracker first).
  RegressionFit fit(const Eigen::MatrixXd &x) const;

  // Weighted column (W^(1/2) c) for rank checks.
  Eigen::VectorXd weighted(const Eigen::VectorXd &column) const { return sqrt_w_.cwiseProduct(column); }

private:
  CellSummary cells_;
  Eigen::VectorXd sqrt_w_;
  Eigen::VectorXd rhs_; // W^(1/2) (mean - grand mean), from the offset means
};

// Tracks the span of columns accepted so far, to tell whether a new column is
// estimable (not a linear combination of earlier ones). Orthonormal basis by
// classical Gram-Schmidt with one reorthogonalisation ("twice is enough",
// Giraud et al. 2005), on Eigen vectors.
class SpanTracker {
public:
  explicit SpanTracker(Eigen::Index rows) : basis_(rows, 0) {}
  // Adds the column when its part outside the current span is larger than
  // `tolerance` times its norm; returns whether it was added.
  bool try_add(const Eigen::VectorXd &column, double tolerance = 1e-9);
  bool in_span(const Eigen::VectorXd &column, double tolerance = 1e-9) const;
  Eigen::Index rank() const { return basis_.cols(); }

private:
  Eigen::VectorXd residual(const Eigen::VectorXd &column) const;
  Eigen::MatrixXd basis_;
};

} // namespace qloop::doe
