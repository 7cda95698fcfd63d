#include "stats.hpp"

#include <algorithm>
#include <limits>

namespace qloop::spc {

double mean(std::span<const double> x) {
  if (x.empty()) return std::numeric_limits<double>::quiet_NaN();
  CompensatedSum s;
  for (double v : x) s.add(v);
  return s.value() / static_cast<double>(x.size());
}

double sum_squared_deviations(std::span<const double> x, double centre) {
  CompensatedSum s;
  for (double v : x) s.add((v - centre) * (v - centre));
  return s.value();
}

double sample_sd(std::span<const double> x) {
  if (x.size() < 2) return std::numeric_limits<double>::quiet_NaN();
  return std::sqrt(sum_squared_deviations(x, mean(x)) / static_cast<double>(x.size() - 1));
}

double range_of(std::span<const double> x) {
  if (x.empty()) return 0.0;
  const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
  return *hi - *lo;
}

} // namespace qloop::spc
