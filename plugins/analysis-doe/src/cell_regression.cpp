#include "cell_regression.hpp"

#include <stdexcept>

namespace qloop::doe {

CellRegression::CellRegression(CellSummary cells) : cells_(std::move(cells)) {
  const auto m = cell_count();
  sqrt_w_.resize(m);
  rhs_.resize(m);
  for (Eigen::Index c = 0; c < m; ++c) {
    const auto i = static_cast<std::size_t>(c);
    sqrt_w_[c] = std::sqrt(cells_.count[i]);
    rhs_[c] = sqrt_w_[c] * (cells_.offset_mean[i] - cells_.offset_grand_mean);
  }
}

RegressionFit CellRegression::fit(const Eigen::MatrixXd &x) const {
  const auto m = cell_count();
  const auto p = x.cols();
  if (x.rows() != m || p > m) throw std::logic_error("CellRegression::fit: bad model matrix shape");
  Eigen::MatrixXd a = sqrt_w_.asDiagonal() * x;
  Eigen::HouseholderQR<Eigen::MatrixXd> qr(a);
  Eigen::VectorXd z = qr.householderQ().adjoint() * rhs_;
  RegressionFit f;
  const auto r = qr.matrixQR().topLeftCorner(p, p).triangularView<Eigen::Upper>();
  f.coef = r.solve(z.head(p));
  f.r_inverse = r.solve(Eigen::MatrixXd::Identity(p, p));
  f.seq_ss = z.head(p).array().square();
  f.ss_lack_of_fit = z.tail(m - p).squaredNorm();
  const Eigen::VectorXd fitted_offset = x * f.coef; // about the grand mean
  f.fitted = fitted_offset.array() + cells_.grand_mean;
  f.cell_residual.resize(m);
  for (Eigen::Index c = 0; c < m; ++c)
    f.cell_residual[c] =
        (cells_.offset_mean[static_cast<std::size_t>(c)] - cells_.offset_grand_mean) - fitted_offset[c];
  // Hat value of an observation in cell c: x_c' (X'WX)^-1 x_c = |R^-T x_c|^2.
  f.leverage = (x * f.r_inverse).rowwise().squaredNorm();
  return f;
}

Eigen::VectorXd SpanTracker::residual(const Eigen::VectorXd &column) const {
  Eigen::VectorXd r = column;
  if (basis_.cols() == 0) return r;
  for (int pass = 0; pass < 2; ++pass) r -= basis_ * (basis_.transpose() * r);
  return r;
}

bool SpanTracker::in_span(const Eigen::VectorXd &column, double tolerance) const {
  const double norm = column.norm();
  if (norm == 0) return true;
  return residual(column).norm() <= tolerance * norm;
}

bool SpanTracker::try_add(const Eigen::VectorXd &column, double tolerance) {
  const double norm = column.norm();
  if (norm == 0) return false;
  Eigen::VectorXd r = residual(column);
  const double rn = r.norm();
  if (rn <= tolerance * norm) return false;
  basis_.conservativeResize(Eigen::NoChange, basis_.cols() + 1);
  basis_.col(basis_.cols() - 1) = r / rn;
  return true;
}

} // namespace qloop::doe
