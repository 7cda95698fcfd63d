#include "rule_engine.hpp"

#include <algorithm>

namespace qloop::spc {

ViolationLog::ViolationLog(std::size_t cap, bool keep_point_masks, std::size_t points, std::size_t buckets)
    : cap_(cap), points_(points) {
  if (keep_point_masks) masks_.assign(points, 0);
  if (buckets > 0 && points > 0) bucket_masks_.assign(std::min(buckets, points), 0);
}

std::size_t ViolationLog::total() const {
  std::size_t t = 0;
  for (auto c : counts_) t += c;
  return t;
}

void detect_rules(const std::vector<double> &values, const LimitSeries &limits, RuleSet rules,
                  ViolationLog &log) {
  const double *p = values.data();
  detect_rules([p](std::size_t i) { return p[i]; }, values.size(), limits, rules, log);
}

} // namespace qloop::spc
