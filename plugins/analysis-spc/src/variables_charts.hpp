// Charts for measured values: individuals and moving range (I-MR), X̄ and
// range (X̄-R), X̄ and standard deviation (X̄-S). Phase-I limits are estimated
// from the trial subgroups; phase-II limits come from the request (given
// limits, or a known mean and sigma).
#pragma once

#include <string>
#include <vector>

#include "chart_series.hpp"

namespace qloop::spc {

// `field` names the measurement column in error messages.
ChartSet build_imr(std::vector<double> values, const Phase1 &phase1, const LimitInputs &inputs,
                   const std::string &field);
// Subgroups of one size n, 2 <= n <= kMaxRangeSubgroup.
ChartSet build_xbar_r(const Subgroups &groups, const Phase1 &phase1, const LimitInputs &inputs,
                      const std::string &field);
// Subgroups of size >= 2; unequal sizes give limits per subgroup.
ChartSet build_xbar_s(const Subgroups &groups, const Phase1 &phase1, const LimitInputs &inputs,
                      const std::string &field);

// Within-subgroup sigma estimators shared with the capability study.
// MR̄/d2(2) over consecutive values.
double sigma_from_moving_range(std::span<const double> values);
// R̄/d2(n); all subgroups of size n.
double sigma_from_ranges(const Subgroups &groups);
// s̄/c4(n) for equal sizes.
double sigma_from_sds(const Subgroups &groups);
// Pooled s_p / c4(Σ(n_i - 1) + 1), any sizes.
double sigma_pooled(const Subgroups &groups);

} // namespace qloop::spc
