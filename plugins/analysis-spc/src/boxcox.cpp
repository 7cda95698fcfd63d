#include "boxcox.hpp"

#include <cmath>
#include <cstdint>
#include <stdexcept>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/tools/minima.hpp>
#include <boost/math/tools/roots.hpp>

#include "stats.hpp"

namespace qloop::spc {
namespace {

// Log-data centred on its mean: transforming x/g (g the geometric mean)
// instead of x changes ℓ only by a constant and keeps x^λ from overflowing.
struct CentredLogs {
  std::vector<double> u;
  double mean_log = 0;
};

CentredLogs centred_logs(std::span<const double> x) {
  CentredLogs c;
  c.u.reserve(x.size());
  CompensatedSum s;
  for (double v : x) {
    if (!(v > 0)) throw std::invalid_argument("the Box-Cox transformation needs every value > 0");
    s.add(std::log(v));
  }
  c.mean_log = s.value() / static_cast<double>(x.size());
  for (double v : x) c.u.push_back(std::log(v) - c.mean_log);
  return c;
}

// -n/2 ln Var((x/g)^λ transformed) - n ln g: equal to ℓ(λ) (see header).
double profile(const CentredLogs &c, double lambda) {
  std::vector<double> y(c.u.size());
  for (std::size_t i = 0; i < y.size(); ++i)
    y[i] = lambda == 0 ? c.u[i] : std::expm1(lambda * c.u[i]) / lambda;
  const double n = static_cast<double>(y.size());
  const double variance = sum_squared_deviations(y, mean(y)) / n;
  return -0.5 * n * std::log(variance) - n * c.mean_log;
}

} // namespace

double boxcox_log_likelihood(std::span<const double> x, double lambda) {
  return profile(centred_logs(x), lambda);
}

BoxCoxFit boxcox_fit(std::span<const double> x) {
  if (x.size() < 3) throw std::invalid_argument("the Box-Cox fit needs at least 3 values");
  const CentredLogs c = centred_logs(x);
  bool varies = false;
  for (double u : c.u) varies = varies || u != c.u.front();
  if (!varies) throw std::invalid_argument("the Box-Cox fit needs values that are not all equal");

  // The profile likelihood is smooth and usually unimodal; a grid first
  // guards against starting Brent in a wrong basin.
  constexpr double step = 0.05;
  double best = kBoxCoxLambdaMin, best_value = -HUGE_VAL;
  for (double l = kBoxCoxLambdaMin; l <= kBoxCoxLambdaMax + 1e-9; l += step) {
    const double v = profile(c, l);
    if (v > best_value) best_value = v, best = l;
  }
  const double lo = std::max(kBoxCoxLambdaMin, best - step), hi = std::min(kBoxCoxLambdaMax, best + step);
  std::uintmax_t iterations = 200;
  auto [lambda, neg] = boost::math::tools::brent_find_minima(
      [&c](double l) { return -profile(c, l); }, lo, hi, std::numeric_limits<double>::digits / 2, iterations);
  BoxCoxFit fit;
  fit.lambda = std::fabs(lambda) < 1e-12 ? 0.0 : lambda;
  fit.log_likelihood = -neg;
  fit.at_search_bound = lambda <= kBoxCoxLambdaMin + step || lambda >= kBoxCoxLambdaMax - step;

  const double cut = fit.log_likelihood - 0.5 * boost::math::quantile(boost::math::chi_squared(1.0), 0.95);
  auto gap = [&](double l) { return profile(c, l) - cut; };
  auto tolerance = boost::math::tools::eps_tolerance<double>(40);
  if (gap(kBoxCoxLambdaMin) < 0) {
    std::uintmax_t it = 100;
    auto r = boost::math::tools::toms748_solve(gap, kBoxCoxLambdaMin, fit.lambda, tolerance, it);
    fit.lambda_low = (r.first + r.second) / 2;
  }
  if (gap(kBoxCoxLambdaMax) < 0) {
    std::uintmax_t it = 100;
    auto r = boost::math::tools::toms748_solve(gap, fit.lambda, kBoxCoxLambdaMax, tolerance, it);
    fit.lambda_high = (r.first + r.second) / 2;
  }
  return fit;
}

double boxcox_transform(double x, double lambda) {
  return lambda == 0 ? std::log(x) : std::expm1(lambda * std::log(x)) / lambda;
}

std::vector<double> boxcox_transform(std::span<const double> x, double lambda) {
  std::vector<double> y;
  y.reserve(x.size());
  for (double v : x) y.push_back(boxcox_transform(v, lambda));
  return y;
}

} // namespace qloop::spc
