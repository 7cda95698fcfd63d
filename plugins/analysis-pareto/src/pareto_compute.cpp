#include "pareto_compute.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <qloop/plugin.hpp>

namespace qloop::pareto {
namespace {

// Neumaier's compensated sum: cost columns are decimals, and the total must
// not depend on the order rows arrive in.
class Sum {
public:
  void add(double v) {
    double t = sum_ + v;
    compensation_ += std::fabs(sum_) >= std::fabs(v) ? (sum_ - t) + v : (v - t) + sum_;
    sum_ = t;
  }
  double value() const { return sum_ + compensation_; }

private:
  double sum_ = 0, compensation_ = 0;
};

// Percentages in one place: the last cumulative is the total itself, so the
// line ends at exactly 100%.
void fill_percentages(std::vector<Bar> &bars, double total) {
  Sum running;
  for (auto &b : bars) {
    running.add(b.value);
    b.cumulative = running.value();
    b.percent = 100.0 * b.value / total;
    b.cumulative_percent = 100.0 * b.cumulative / total;
  }
  if (!bars.empty()) bars.back().cumulative_percent = 100.0;
}

} // namespace

Pareto compute(const std::vector<Observation> &observations, const Settings &settings,
               const std::string &other_label) {
  std::map<std::string, std::pair<std::size_t, Sum>> by_name;
  for (const auto &o : observations) {
    auto &entry = by_name[o.category];
    ++entry.first;
    entry.second.add(o.value);
  }
  Pareto p;
  p.rows = observations.size();
  for (const auto &[name, entry] : by_name) p.all.push_back({name, entry.first, entry.second.value()});
  // std::map gave name order; a stable sort by value keeps it among ties.
  std::stable_sort(p.all.begin(), p.all.end(), [](const Bar &a, const Bar &b) { return a.value > b.value; });
  Sum total;
  for (const auto &b : p.all) total.add(b.value);
  p.total = total.value();
  if (!(p.total > 0)) throw sdk::InvalidInput("field 'options.value': the values sum to 0; nothing to rank");
  fill_percentages(p.all, p.total);

  for (auto &b : p.all) {
    b.vital = true;
    ++p.vital_count;
    p.vital_percent = b.cumulative_percent;
    if (b.cumulative_percent >= settings.threshold * (1 - 1e-12)) break;
  }
  const double last_vital = p.all[p.vital_count - 1].value;
  for (std::size_t i = p.vital_count; i < p.all.size() && p.all[i].value == last_vital; ++i)
    p.tied_at_cutoff.push_back(p.all[i].name);

  // Fold only a tail of two or more: one category is better shown by name.
  const std::size_t n = settings.top_n;
  if (n == 0 || p.all.size() <= n + 1) {
    p.shown = p.all;
    return p;
  }
  p.shown.assign(p.all.begin(), p.all.begin() + static_cast<std::ptrdiff_t>(n));
  Bar other{other_label, 0, 0};
  other.other = true;
  other.members = p.all.size() - n;
  Sum rest;
  for (std::size_t i = n; i < p.all.size(); ++i) {
    other.count += p.all[i].count;
    rest.add(p.all[i].value);
  }
  other.value = rest.value();
  p.shown.push_back(other);
  fill_percentages(p.shown, p.total);
  return p;
}

} // namespace qloop::pareto
