// Charts for counts: p (fraction nonconforming), np (number nonconforming),
// c (nonconformities per constant inspection unit), u (nonconformities per
// unit, any number of units). Limits are the usual 3-sigma limits of the
// binomial or Poisson statistic, the lower clipped at zero; with unequal
// sample sizes (p, u) each point has its own limits.
#pragma once

#include <string>
#include <vector>

#include "chart_series.hpp"

namespace qloop::spc {

struct AttributeData {
  std::vector<double> counts; // nonconforming items (p, np) or nonconformities (c, u)
  std::vector<double> sizes;  // items inspected (p, np) or inspection units (u); may be empty for c
  std::string count_field = "count";
  std::string size_field = "size";
};

// chart: "p", "np", "c" or "u".
ChartSet build_attribute_chart(const std::string &chart, const AttributeData &data, const Phase1 &phase1,
                               const LimitInputs &inputs);

} // namespace qloop::spc
