#include <algorithm>
#include <cmath>

#include <qloop/plugin.hpp>

#include "attribute_charts.hpp"
#include "data_input.hpp"
#include "methods.hpp"
#include "spc_options.hpp"
#include "spc_report.hpp"
#include "svg_charts.hpp"
#include "variables_charts.hpp"

namespace qloop::spc {
namespace {

// The number of leading phase-I points when phase I is exactly a prefix of
// the series (the usual trial-then-monitor layout); 0 otherwise.
std::size_t phase1_prefix(const Phase1 &p, std::size_t points) {
  if (p.mask.empty()) return 0;
  std::size_t k = 0;
  while (k < points && p.mask[k]) ++k;
  for (std::size_t i = k; i < points; ++i)
    if (p.mask[i]) return 0;
  return k;
}

} // namespace

void evaluate_rules(ChartSet &set, std::size_t max_violations, std::size_t max_points) {
  for (auto &c : set.charts) {
    const bool small = c.size() <= max_points;
    c.violations.emplace(max_violations, small, c.size(), small ? 0 : kChartBuckets);
    if (c.moving_range_of) {
      const double *x = c.moving_range_of;
      detect_rules([x](std::size_t i) { return std::fabs(x[i + 1] - x[i]); }, c.size(), c.limits, c.rules,
                   *c.violations);
    } else {
      detect_rules(c.values, c.limits, c.rules, *c.violations);
    }
  }
}

Json spc_method(const Json &request, const sdk::RecordBatch *columns) {
  const Options o(request);
  const std::string type = chart_type(o, detect_shape(request, o, columns));
  const LimitInputs limits = limit_inputs(o, type);
  SpcReportOptions report;
  report.labels = Labels::for_request(request);
  report.spec = spec_limits(o);
  report.max_violations = static_cast<std::size_t>(
      o.integer("max_violations", 0, 1'000'000).value_or(static_cast<long long>(kDefaultMaxViolations)));
  report.max_points = static_cast<std::size_t>(
      o.integer("max_points", 0, 100'000'000).value_or(static_cast<long long>(kDefaultMaxPoints)));
  report.plot = o.boolean("plot").value_or(true);

  ChartSet set;
  Phase1 phase1;
  if (type == "p" || type == "np" || type == "c" || type == "u") {
    CountData counts = read_counts(request, o, type, columns);
    phase1 = phase1_from(o, counts.trial, counts.data.counts.size());
    set = build_attribute_chart(type, counts.data, phase1, limits);
  } else {
    MeasuredData m = read_measurements(request, o, type != "imr", columns);
    const std::size_t points = type == "imr" ? m.groups.values.size() : m.groups.count();
    phase1 = phase1_from(o, m.trial, points);
    report.value_field = m.field;
    report.point_labels = std::move(m.labels);
    if (type == "imr")
      set = build_imr(std::move(m.groups.values), phase1, limits, m.field);
    else if (type == "xbar-r")
      set = build_xbar_r(m.groups, phase1, limits, m.field);
    else
      set = build_xbar_s(m.groups, phase1, limits, m.field);
  }
  if ((report.spec.lsl || report.spec.usl) && type != "imr")
    set.warnings.push_back("specification limits apply to individual values; they are drawn only on an "
                           "individuals (imr) chart");
  report.phase1_prefix = phase1_prefix(phase1, set.points);
  assign_rules(set, o);
  evaluate_rules(set, report.max_violations, report.max_points);
  return spc_result(set, report);
}

} // namespace qloop::spc
