#include "normality.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <boost/math/distributions/normal.hpp>

#include "stats.hpp"

namespace qloop::spc {
namespace {

// log Φ(z) without underflow for very negative z (Φ(-40) underflows double).
double log_normal_cdf(double z) {
  if (z > -30) return std::log(0.5 * std::erfc(-z / std::sqrt(2.0)));
  // Mills ratio asymptotics: Φ(z) ≈ φ(z)/|z| (1 - 1/z² + 3/z⁴).
  const double z2 = z * z;
  return -0.5 * z2 - std::log(-z) - 0.5 * std::log(2 * M_PI) + std::log1p(-1 / z2 + 3 / (z2 * z2));
}

} // namespace

double anderson_darling_p(double a) {
  // D'Agostino & Stephens (1986), Table 4.9, case 3 (normal, mean and
  // variance estimated), on the adjusted statistic.
  double p;
  if (a < 0.2)
    p = 1 - std::exp(-13.436 + 101.14 * a - 223.73 * a * a);
  else if (a < 0.34)
    p = 1 - std::exp(-8.318 + 42.796 * a - 59.938 * a * a);
  else if (a < 0.6)
    p = std::exp(0.9177 - 4.279 * a - 1.38 * a * a);
  else if (a < 153.467)
    p = std::exp(1.2937 - 5.709 * a + 0.0186 * a * a);
  else
    p = 0; // past the minimum of the fitted parabola the formula turns upward
  return std::clamp(p, 0.0, 1.0);
}

AndersonDarling anderson_darling(std::span<const double> x) {
  if (x.size() < kMinAndersonDarling)
    throw std::invalid_argument("the Anderson-Darling test needs at least 8 values");
  AndersonDarling r;
  r.n = x.size();
  r.mean = mean(x);
  r.sd = sample_sd(x);
  if (!(r.sd > 0))
    throw std::invalid_argument("the Anderson-Darling test needs values that are not all equal");
  std::vector<double> z(x.begin(), x.end());
  std::sort(z.begin(), z.end());
  for (double &v : z) v = (v - r.mean) / r.sd;
  const std::size_t n = z.size();
  CompensatedSum s;
  for (std::size_t i = 0; i < n; ++i) {
    // ln Φ(z_i) + ln(1 - Φ(z_{n+1-i})), the second as ln Φ(-z) (no cancellation).
    const double term = log_normal_cdf(z[i]) + log_normal_cdf(-z[n - 1 - i]);
    s.add((2.0 * static_cast<double>(i) + 1.0) * term);
  }
  const double dn = static_cast<double>(n);
  r.a2 = -dn - s.value() / dn;
  r.a2_adjusted = r.a2 * (1 + 0.75 / dn + 2.25 / (dn * dn));
  r.p_value = anderson_darling_p(r.a2_adjusted);
  return r;
}

std::vector<ProbabilityPoint> normal_probability_points(std::span<const double> x) {
  std::vector<double> sorted(x.begin(), x.end());
  std::sort(sorted.begin(), sorted.end());
  const boost::math::normal standard;
  const double n = static_cast<double>(sorted.size());
  std::vector<ProbabilityPoint> out;
  out.reserve(sorted.size());
  for (std::size_t i = 0; i < sorted.size(); ++i)
    out.push_back(
        {sorted[i], boost::math::quantile(standard, (static_cast<double>(i) + 1 - 0.375) / (n + 0.25))});
  return out;
}

} // namespace qloop::spc
