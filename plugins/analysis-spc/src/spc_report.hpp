// The result object of the spc method: summary, tables, the chart SVG,
// findings per rule violated, and machine-readable details.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "capability.hpp"
#include "chart_series.hpp"
#include "labels.hpp"
#include "request_io.hpp"

namespace qloop::spc {

struct SpcReportOptions {
  Labels labels;
  SpecLimits spec;
  std::size_t max_violations = 100;
  std::size_t max_points = 5000;
  bool plot = true;
  std::size_t phase1_prefix = 0;
  std::string value_field;
  std::vector<std::string> point_labels; // subgroup ids, when the data named them
};

Json spc_result(const ChartSet &set, const SpcReportOptions &o);

} // namespace qloop::spc
