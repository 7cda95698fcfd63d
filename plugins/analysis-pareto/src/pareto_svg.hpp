// The Pareto chart: bars sorted in descending order on the left axis (0 to
// the total, so bars and line share one scale), the cumulative percentage as
// a line on the right-hand axis (0-100%), a dashed threshold line, and the
// vital few set apart by colour and a divider.
#pragma once

#include <string>

#include "pareto_compute.hpp"

namespace qloop::pareto {

struct ChartText {
  std::string title, value_axis, category_axis;
  bool zh = false;
};

std::string pareto_svg(const Pareto &p, double threshold, const ChartText &text);

} // namespace qloop::pareto
