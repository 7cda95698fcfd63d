#include "glm_anova.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "distributions.hpp"

namespace qloop::doe {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool strictly_contains(const std::vector<int> &outer, const std::vector<int> &inner) {
  if (outer.size() <= inner.size()) return false;
  return std::all_of(inner.begin(), inner.end(),
                     [&](int f) { return std::find(outer.begin(), outer.end(), f) != outer.end(); });
}

// Sum of the sequential SS of the last `q` columns when `last` enters after
// `before` (plus the intercept).
double ss_entered_last(const CellRegression &reg, const std::vector<const ModelTerm *> &before,
                       const ModelTerm &last) {
  std::vector<ModelTerm> ordered;
  for (const auto *t : before) ordered.push_back(*t);
  ordered.push_back(last);
  auto fit = reg.fit(model_matrix(reg.cell_count(), ordered));
  return fit.seq_ss.tail(last.columns.cols()).sum();
}

void finish_row(AnovaRow &row, double ms_error, double df_error) {
  row.ms = row.df > 0 ? row.ss / row.df : kNaN;
  if (df_error > 0 && ms_error > 0 && row.df > 0) {
    row.f = row.ms / ms_error;
    row.p = f_upper_tail(row.f, row.df, df_error);
  } else {
    row.f = row.p = kNaN;
  }
}

} // namespace

Eigen::MatrixXd model_matrix(Eigen::Index cells, const std::vector<ModelTerm> &terms) {
  Eigen::Index p = 1;
  for (const auto &t : terms) p += t.columns.cols();
  Eigen::MatrixXd x(cells, p);
  x.col(0).setOnes();
  Eigen::Index at = 1;
  for (const auto &t : terms) {
    x.middleCols(at, t.columns.cols()) = t.columns;
    at += t.columns.cols();
  }
  return x;
}

GlmResult fit_glm(const CellRegression &reg, const std::vector<ModelTerm> &terms, SsType type) {
  GlmResult g;
  const auto &cells = reg.cells();
  const Eigen::MatrixXd x = model_matrix(reg.cell_count(), terms);
  g.fit = reg.fit(x);
  const auto p = x.cols();
  const double n = cells.n;

  g.error.source = "Error";
  g.error.df = n - static_cast<double>(p);
  g.error.ss = g.fit.ss_lack_of_fit + cells.ss_pure_error;
  g.error.ms = g.error.df > 0 ? g.error.ss / g.error.df : kNaN;
  g.error.f = g.error.p = kNaN;
  g.pure_error = {"Pure error", n - static_cast<double>(reg.cell_count()), cells.ss_pure_error, kNaN, kNaN,
                  kNaN};
  g.lack_of_fit = {"Lack of fit", static_cast<double>(reg.cell_count() - p), g.fit.ss_lack_of_fit, kNaN, kNaN,
                   kNaN};
  g.lack_of_fit_tested = g.lack_of_fit.df > 0 && g.pure_error.df > 0;
  if (g.pure_error.df > 0) g.pure_error.ms = g.pure_error.ss / g.pure_error.df;
  if (g.lack_of_fit.df > 0) g.lack_of_fit.ms = g.lack_of_fit.ss / g.lack_of_fit.df;
  if (g.lack_of_fit_tested && g.pure_error.ms > 0) {
    g.lack_of_fit.f = g.lack_of_fit.ms / g.pure_error.ms;
    g.lack_of_fit.p = f_upper_tail(g.lack_of_fit.f, g.lack_of_fit.df, g.pure_error.df);
  }
  g.total = {"Total", n - 1, cells.ss_total, kNaN, kNaN, kNaN};

  Eigen::Index at = 1;
  for (std::size_t t = 0; t < terms.size(); ++t) {
    const auto q = terms[t].columns.cols();
    g.first_column.push_back(at);
    AnovaRow row;
    row.source = terms[t].name;
    row.df = static_cast<double>(q);
    if (type == SsType::Sequential) {
      row.ss = g.fit.seq_ss.segment(at, q).sum();
    } else if (type == SsType::Adjusted) {
      // Wald form b' V^-1 b with V = (X'WX)^-1 restricted to the term: equal to
      // the increase in residual SS when the term is dropped (Type III).
      const Eigen::MatrixXd r_block = g.fit.r_inverse.middleRows(at, q);
      const Eigen::MatrixXd v = r_block * r_block.transpose();
      const Eigen::VectorXd b = g.fit.coef.segment(at, q);
      row.ss = b.dot(v.ldlt().solve(b));
    } else {
      std::vector<const ModelTerm *> before;
      for (std::size_t s = 0; s < terms.size(); ++s)
        if (s != t && !strictly_contains(terms[t].factors, terms[s].factors) &&
            !strictly_contains(terms[s].factors, terms[t].factors))
          before.push_back(&terms[s]);
      // Terms contained in T come before it as well (they are in every model
      // that holds T); terms containing T are left out.
      for (std::size_t s = 0; s < terms.size(); ++s)
        if (s != t && strictly_contains(terms[t].factors, terms[s].factors)) before.push_back(&terms[s]);
      row.ss = ss_entered_last(reg, before, terms[t]);
    }
    g.terms.push_back(row);
    at += q;
  }
  for (auto &row : g.terms) finish_row(row, g.error.ms, g.error.df);

  g.model.source = "Model";
  g.model.df = static_cast<double>(p - 1);
  g.model.ss = p > 1 ? g.fit.seq_ss.tail(p - 1).sum() : 0.0;
  finish_row(g.model, g.error.ms, g.error.df);

  g.intercept = g.fit.coef[0] + cells.grand_mean;
  g.r_squared = cells.ss_total > 0 ? g.model.ss / cells.ss_total : kNaN;
  g.adj_r_squared =
      (cells.ss_total > 0 && g.error.df > 0) ? 1 - g.error.ms / (cells.ss_total / g.total.df) : kNaN;
  g.residual_sd = g.error.df > 0 ? std::sqrt(g.error.ms) : kNaN;

  // PRESS from the hat values: an observation of cell c has residual
  // y - fitted_c and leave-one-out residual (y - fitted_c) / (1 - h_c).
  double press = 0;
  bool press_ok = true;
  for (Eigen::Index c = 0; c < reg.cell_count(); ++c) {
    const auto i = static_cast<std::size_t>(c);
    const double h = g.fit.leverage[c];
    if (!(h < 1 - 1e-10)) {
      press_ok = false;
      break;
    }
    const double d = g.fit.cell_residual[c];
    press += (cells.ss_within[i] + cells.count[i] * d * d) / ((1 - h) * (1 - h));
  }
  g.press = press_ok ? press : kNaN;
  g.pred_r_squared = press_ok && cells.ss_total > 0 ? 1 - press / cells.ss_total : kNaN;

  g.coef_se = Eigen::VectorXd::Constant(p, kNaN);
  if (g.error.df > 0)
    g.coef_se = (g.fit.r_inverse.rowwise().squaredNorm().array() * g.error.ms).sqrt().matrix();
  return g;
}

} // namespace qloop::doe
