#include "distributions.hpp"

#include <cmath>
#include <limits>

#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/policies/policy.hpp>

namespace qloop::doe {
namespace {

// Domain and overflow errors give NaN / infinity rather than exceptions; the
// callers check their inputs and report NaN as "not available".
using Policy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::evaluation_error<boost::math::policies::ignore_error>>;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

double f_upper_tail(double f, double df1, double df2) {
  if (!(df1 > 0) || !(df2 > 0) || std::isnan(f)) return kNaN;
  if (f <= 0) return 1.0;
  if (std::isinf(f)) return 0.0;
  boost::math::fisher_f_distribution<double, Policy> dist(df1, df2);
  return boost::math::cdf(boost::math::complement(dist, f));
}

double t_two_sided(double t, double df) {
  if (!(df > 0) || std::isnan(t)) return kNaN;
  if (std::isinf(t)) return 0.0;
  boost::math::students_t_distribution<double, Policy> dist(df);
  return 2 * boost::math::cdf(boost::math::complement(dist, std::fabs(t)));
}

double t_quantile(double q, double df) {
  if (!(df > 0) || !(q > 0) || !(q < 1)) return kNaN;
  boost::math::students_t_distribution<double, Policy> dist(df);
  return boost::math::quantile(dist, q);
}

double normal_quantile(double q) {
  if (!(q > 0) || !(q < 1)) return kNaN;
  boost::math::normal_distribution<double, Policy> dist(0.0, 1.0);
  return boost::math::quantile(dist, q);
}

} // namespace qloop::doe
