// What the chart builders produce: one or two charts (location and
// dispersion, or one attribute chart), each with its plotted values, limits
// and, after rule detection, its violations.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "limits.hpp"
#include "rule_engine.hpp"
#include "rules.hpp"

namespace qloop::spc {

struct ChartSeries {
  std::string name; // i, mr, xbar, r, s, p, np, c, u
  ChartFamily family = ChartFamily::location;
  // The plotted statistic, one per point. The MR chart stores none: its
  // points |x[i+1] - x[i]| are derived from the individuals it points at
  // (the I chart's buffer in the same ChartSet), so 10^7 points need no
  // second large allocation.
  std::vector<double> values;
  const double *moving_range_of = nullptr;
  std::size_t moving_range_points = 0;
  std::size_t first_number = 1; // number of the first point (the MR chart starts at 2)
  LimitSeries limits;
  LimitSource source = LimitSource::phase1;
  RuleSet rules;
  std::optional<ViolationLog> violations;

  std::size_t size() const { return moving_range_of ? moving_range_points : values.size(); }
  double value(std::size_t i) const {
    return moving_range_of ? std::fabs(moving_range_of[i + 1] - moving_range_of[i]) : values[i];
  }
};

// Movable, not copyable: an MR chart points into its I chart's values.
struct ChartSet {
  ChartSet() = default;
  ChartSet(ChartSet &&) = default;
  ChartSet &operator=(ChartSet &&) = default;
  ChartSet(const ChartSet &) = delete;
  ChartSet &operator=(const ChartSet &) = delete;

  std::string type; // imr, xbar-r, xbar-s, p, np, c, u
  std::vector<ChartSeries> charts;
  std::size_t points = 0;        // subgroups, samples or individual values
  std::size_t phase1_points = 0; // of which in the phase-I (trial) set
  double sigma_within = 0;       // process sigma estimate (variables charts); NaN when not estimated
  std::string sigma_method;      // "MR̄/d2(2)", "R̄/d2(n)", "s̄/c4(n)", ...
  // Statistics and constants behind the limits, for `details` (name, value).
  std::vector<std::pair<std::string, double>> statistics;
  std::vector<std::pair<std::string, double>> constants;
  std::vector<std::string> warnings;
};

// Subgroups stored flat: subgroup k is values[start[k] .. start[k+1]).
struct Subgroups {
  std::vector<double> values;
  std::vector<std::size_t> start{0};
  std::size_t count() const { return start.size() - 1; }
  std::size_t size_of(std::size_t k) const { return start[k + 1] - start[k]; }
  std::span<const double> at(std::size_t k) const { return {values.data() + start[k], size_of(k)}; }
  void add(std::span<const double> group) {
    values.insert(values.end(), group.begin(), group.end());
    start.push_back(values.size());
  }
};

// Which points (subgroups, samples) form the phase-I set; empty = all.
struct Phase1 {
  std::vector<std::uint8_t> mask;
  bool includes(std::size_t k) const { return mask.empty() || mask[k] != 0; }
  std::size_t count(std::size_t points) const;
};

// Limits passed in the request, by chart name: a centre and (for variables
// charts, or fixed attribute limits) the two control limits.
struct GivenLimits {
  double center = 0;
  std::optional<double> ucl, lcl;
};

struct LimitInputs {
  std::map<std::string, GivenLimits> given;
  // Known process parameters ("standards given"): mean and sigma for
  // variables charts; p, c or u for attribute charts.
  std::optional<double> mean, sigma, attribute_value;
};

} // namespace qloop::spc
