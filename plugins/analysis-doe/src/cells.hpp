// Observations grouped into cells (groups of identical settings). Every model
// this plugin fits is constant within a cell, so the cell counts, means and
// within-cell sums of squares are all a fit needs: the within-cell part is the
// pure error, and the fit itself is a weighted regression on the cell means.
// That keeps a one-way ANOVA of 10^7 points to two passes over the data.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <vector>

namespace qloop::doe {

struct CellSummary {
  std::vector<double> count; // n_c
  std::vector<double> mean;  // cell means (for display and fitted values)
  // Cell means minus `reference` (the first observation), kept apart so that a
  // large common offset (10^6 in NIST SmLs04-06) does not round the deviations
  // between cells: the double nearest to 1000000.43 is 1.2e-10 off, which is
  // 1e-9 of a 0.1 difference. The fits use these.
  std::vector<double> offset_mean;
  double reference = 0;
  std::vector<double> ss_within; // sum over the cell of (y - mean_c)^2
  double n = 0;
  double grand_mean = 0;
  double offset_grand_mean = 0; // grand_mean - reference, computed as offset_mean are
  double ss_total = 0;          // sum of (y - grand_mean)^2
  double ss_pure_error = 0;     // sum of ss_within
};

namespace detail {
void finish_summary(CellSummary &s, const std::vector<double> &sum_d);
}

// cell_of(i) in [0, cells) for every observation i; every cell must hold at
// least one. Numerics: each cell mean is taken about a shift (the cell's first
// value) and the within-cell sum of squares is the corrected two-pass sum
// sum(d^2) - (sum d)^2 / n with d = y - mean (Chan, Golub and LeVeque 1983),
// so offsets such as the 10^6 of NIST SmLs04-06 cost no digits. The total sum
// of squares is the pure error plus the between-cell sum about the grand mean,
// also centred, never sum(y^2) - n*mean^2. The cell index comes from a
// callable so that large inputs need no per-observation index array.
template <class CellOf>
CellSummary summarize_cells_by(CellOf &&cell_of, std::span<const double> y, std::size_t cells) {
  CellSummary s;
  s.count.assign(cells, 0.0);
  s.mean.assign(cells, 0.0);
  s.offset_mean.assign(cells, 0.0);
  s.ss_within.assign(cells, 0.0);
  if (y.empty()) return s;
  s.reference = y[0];
  const double ref = s.reference;
  std::vector<double> shift(cells, 0.0), sum_dev(cells, 0.0);
  // Pass 1: counts and sums about the first value of each cell (all values
  // taken relative to the reference).
  for (std::size_t i = 0; i < y.size(); ++i) {
    const std::size_t c = cell_of(i);
    const double v = y[i] - ref;
    if (s.count[c] == 0) shift[c] = v;
    s.count[c] += 1;
    sum_dev[c] += v - shift[c];
  }
  for (std::size_t c = 0; c < cells; ++c) {
    if (s.count[c] == 0) throw std::logic_error("summarize_cells: empty cell");
    s.offset_mean[c] = shift[c] + sum_dev[c] / s.count[c];
    s.mean[c] = ref + s.offset_mean[c];
  }
  // Pass 2: corrected two-pass sums about the cell means.
  std::vector<double> sum_d(cells, 0.0);
  for (std::size_t i = 0; i < y.size(); ++i) {
    const std::size_t c = cell_of(i);
    const double d = (y[i] - ref) - s.offset_mean[c];
    sum_d[c] += d;
    s.ss_within[c] += d * d;
  }
  detail::finish_summary(s, sum_d);
  return s;
}

inline CellSummary summarize_cells(std::span<const std::uint32_t> cell_of, std::span<const double> y,
                                   std::size_t cells) {
  if (cell_of.size() != y.size()) throw std::logic_error("summarize_cells: sizes differ");
  return summarize_cells_by([&](std::size_t i) { return cell_of[i]; }, y, cells);
}

} // namespace qloop::doe
