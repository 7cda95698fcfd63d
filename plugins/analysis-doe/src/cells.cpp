#include "cells.hpp"

namespace qloop::doe::detail {

void finish_summary(CellSummary &s, const std::vector<double> &sum_d) {
  const std::size_t cells = s.count.size();
  for (std::size_t c = 0; c < cells; ++c) {
    s.ss_within[c] -= sum_d[c] * sum_d[c] / s.count[c];
    if (s.ss_within[c] < 0) s.ss_within[c] = 0;
    s.ss_pure_error += s.ss_within[c];
    s.n += s.count[c];
  }
  // Grand mean as a weighted mean of cell means about the first cell mean,
  // then the between-cell sum of squares, corrected the same way.
  if (cells == 0) return;
  const double base = s.offset_mean[0];
  double acc = 0;
  for (std::size_t c = 0; c < cells; ++c) acc += s.count[c] * (s.offset_mean[c] - base);
  s.offset_grand_mean = base + acc / s.n;
  s.grand_mean = s.reference + s.offset_grand_mean;
  double sum = 0, sum_sq = 0;
  for (std::size_t c = 0; c < cells; ++c) {
    const double d = s.offset_mean[c] - s.offset_grand_mean;
    sum += s.count[c] * d;
    sum_sq += s.count[c] * d * d;
  }
  s.ss_total = s.ss_pure_error + std::max(0.0, sum_sq - sum * sum / s.n);
}

} // namespace qloop::doe::detail
