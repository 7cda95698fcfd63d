// The Pareto analysis proper: totals per category, sorted by value (ties by
// name), percent and cumulative percent, the vital few at the threshold, and
// the long tail folded into one "other" bucket when asked.
#pragma once

#include <string>
#include <vector>

#include "pareto_input.hpp"

namespace qloop::pareto {

struct Bar {
  std::string name;
  std::size_t count = 0; // rows
  double value = 0;      // rows, or the summed value column
  double percent = 0, cumulative = 0, cumulative_percent = 0;
  bool vital = false;
  std::size_t members = 1; // categories in the "other" bucket
  bool other = false;
};

struct Pareto {
  std::vector<Bar> all;   // every category, sorted
  std::vector<Bar> shown; // as tabulated and drawn: the top N plus "other" when folded
  double total = 0;
  std::size_t rows = 0;
  std::size_t vital_count = 0;
  double vital_percent = 0;                // cumulative percent the vital few reach
  std::vector<std::string> tied_at_cutoff; // outside the vital few, same value as the last vital one
};

// Vital few: the smallest leading set whose cumulative share reaches the
// threshold (>=, with a relative tolerance of 1e-12 for sums of decimals).
Pareto compute(const std::vector<Observation> &observations, const Settings &settings,
               const std::string &other_label);

} // namespace qloop::pareto
