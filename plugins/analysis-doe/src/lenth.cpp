#include "lenth.hpp"

#include <algorithm>
#include <cmath>

#include "distributions.hpp"

namespace qloop::doe {
namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

} // namespace

std::optional<LenthResult> lenth(const std::vector<double> &effects, double alpha) {
  if (effects.size() < 3) return std::nullopt;
  std::vector<double> abs_effects;
  for (double e : effects) abs_effects.push_back(std::fabs(e));
  LenthResult r;
  r.effects = static_cast<int>(effects.size());
  r.s0 = 1.5 * median(abs_effects);
  std::vector<double> trimmed;
  for (double a : abs_effects)
    if (a < 2.5 * r.s0) trimmed.push_back(a);
  r.pse = trimmed.empty() ? r.s0 : 1.5 * median(trimmed);
  r.df = static_cast<double>(r.effects) / 3.0;
  r.me = t_quantile(1 - alpha / 2, r.df) * r.pse;
  const double gamma = (1 + std::pow(1 - alpha, 1.0 / r.effects)) / 2;
  r.sme = t_quantile(gamma, r.df) * r.pse;
  return r;
}

} // namespace qloop::doe
