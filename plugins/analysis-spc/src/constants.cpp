#include "constants.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>

#include <boost/math/quadrature/gauss.hpp>
#include <boost/math/special_functions/gamma.hpp>

namespace qloop::spc {
namespace {

// Lower and upper normal tail areas, each accurate in its own tail (no 1 - Φ
// cancellation): lower(x) = Φ(x), upper(x) = 1 - Φ(x).
double lower_tail(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }
double upper_tail(double x) { return 0.5 * std::erfc(x / std::sqrt(2.0)); }

// 1 - (1 - p)^n without losing digits when p is small.
double one_minus_power_of_complement(double p, int n) { return -std::expm1(n * std::log1p(-p)); }

// P(W > 0 crossing x) integrand for d2: 1 - Φ(x)^n - (1 - Φ(x))^n, written for
// x >= 0 (the integrand is even) so that both powers are of accurate tails.
double d2_integrand(double x, int n) {
  const double q = upper_tail(x);
  return one_minus_power_of_complement(q, n) - std::pow(q, n);
}

// P(min <= s and max > t) for s < t, the integrand of E[W²]/2. With a = Φ(s)
// and b = 1 - Φ(t): 1 - (1-a)^n - (1-b)^n + (1-a-b)^n, rearranged as
// [1 - (1-a)^n] - (1-b)^n [1 - (1 - a/(1-b))^n] so that the absolute error
// shrinks with a and b and the integral over the infinite plane converges.
double range_square_integrand(double s, double t, int n) {
  const double a = lower_tail(s), b = upper_tail(t);
  const double first = one_minus_power_of_complement(a, n);
  const double second = std::pow(1.0 - b, n) * one_minus_power_of_complement(a / (1.0 - b), n);
  return std::max(0.0, first - second);
}

// Both integrands vanish faster than exp(-x²/2) outside [-kReach, kReach]:
// Φ(-12) is about 2e-33, far below double precision of the results.
constexpr double kReach = 12.0;
// Width of one Gauss-Legendre panel. The integrands are smooth (entire
// functions of the limits), so 20 nodes per panel of width 1.5 converge to
// full double precision; checked against the closed forms for n = 2 and 3.
constexpr double kPanel = 1.5;

// ∫_a^b f by composite 20-point Gauss-Legendre over panels of width <= kPanel.
template <class F> double integrate(F f, double a, double b) {
  if (!(b > a)) return 0.0;
  const int panels = std::max(1, static_cast<int>(std::ceil((b - a) / kPanel)));
  const double width = (b - a) / panels;
  double total = 0.0;
  for (int k = 0; k < panels; ++k)
    total += boost::math::quadrature::gauss<double, 20>::integrate(f, a + k * width, a + (k + 1) * width);
  return total;
}

double integrate_d2(int n) {
  return 2.0 * integrate([n](double x) { return d2_integrand(x, n); }, 0.0, kReach);
}

double integrate_range_square(int n) {
  auto inner = [n](double t) {
    return integrate([n, t](double s) { return range_square_integrand(s, t, n); }, -kReach, t);
  };
  return 2.0 * integrate(inner, -kReach, kReach);
}

struct Moments {
  double d2, d3;
};

// Integration costs milliseconds per n; keep each result once computed.
const Moments &range_moments(int n) {
  if (n < 2 || n > kMaxRangeSubgroup)
    throw std::invalid_argument("range constants need 2 <= n <= " + std::to_string(kMaxRangeSubgroup));
  static std::mutex mutex;
  static std::array<std::optional<Moments>, kMaxRangeSubgroup + 1> cache;
  std::lock_guard lock(mutex);
  auto &slot = cache[static_cast<std::size_t>(n)];
  if (!slot) {
    const double mean = integrate_d2(n);
    const double second = integrate_range_square(n);
    slot = Moments{mean, std::sqrt(second - mean * mean)};
  }
  return *slot;
}

} // namespace

double d2(int n) { return range_moments(n).d2; }
double d3(int n) { return range_moments(n).d3; }

double c4(int n) {
  if (n < 2) throw std::invalid_argument("c4 needs n >= 2");
  // Γ(n/2)/Γ((n-1)/2) as a ratio, which stays finite for large n.
  return std::sqrt(2.0 / (n - 1)) * boost::math::tgamma_ratio(n / 2.0, (n - 1) / 2.0);
}

const RangeConstants &range_constants(int n) {
  const Moments &m = range_moments(n);
  static std::mutex mutex;
  static std::array<std::optional<RangeConstants>, kMaxRangeSubgroup + 1> cache;
  std::lock_guard lock(mutex);
  auto &slot = cache[static_cast<std::size_t>(n)];
  if (!slot) {
    RangeConstants k;
    k.n = n;
    k.d2 = m.d2;
    k.d3 = m.d3;
    k.A2 = 3.0 / (m.d2 * std::sqrt(static_cast<double>(n)));
    k.D3 = std::max(0.0, 1.0 - 3.0 * m.d3 / m.d2);
    k.D4 = 1.0 + 3.0 * m.d3 / m.d2;
    k.D1 = std::max(0.0, m.d2 - 3.0 * m.d3);
    k.D2 = m.d2 + 3.0 * m.d3;
    k.E2 = 3.0 / m.d2;
    slot = k;
  }
  return *slot;
}

SdConstants sd_constants(int n) {
  SdConstants k;
  k.n = n;
  k.c4 = c4(n);
  const double root_n = std::sqrt(static_cast<double>(n));
  const double spread = std::sqrt(1.0 - k.c4 * k.c4);
  k.A = 3.0 / root_n;
  k.A3 = 3.0 / (k.c4 * root_n);
  k.B3 = std::max(0.0, 1.0 - 3.0 * spread / k.c4);
  k.B4 = 1.0 + 3.0 * spread / k.c4;
  k.B5 = std::max(0.0, k.c4 - 3.0 * spread);
  k.B6 = k.c4 + 3.0 * spread;
  return k;
}

} // namespace qloop::spc
