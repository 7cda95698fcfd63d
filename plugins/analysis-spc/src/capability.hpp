// Process capability: Cp, Cpk (within-subgroup sigma) against Pp, Ppk
// (overall sigma), Cpm (Taguchi, around a target), and the fraction out of
// specification observed and expected under normality.
#pragma once

#include <optional>
#include <string>

#include "chart_series.hpp"

namespace qloop::spc {

struct SpecLimits {
  std::optional<double> lsl, usl, target;
};

// How the within-subgroup (short-term) sigma is estimated.
enum class WithinMethod {
  moving_range, // MR̄/d2(2), individual values
  range,        // R̄/d2(n), equal subgroups
  sd,           // s̄/c4(n), equal subgroups
  pooled,       // s_p/c4(Σ(n_i-1)+1), any subgroups
};
const char *within_method_name(WithinMethod m);
const char *within_method_formula(WithinMethod m);

// Indices from summary statistics; NaN where a limit needed is missing
// (Cp, Pp and Cpm need both limits).
struct CapabilityIndices {
  double cp, cpl, cpu, cpk;
  double pp, ppl, ppu, ppk;
  double cpm;
};
CapabilityIndices capability_indices(double mean, double sigma_within, double sigma_overall,
                                     const SpecLimits &spec);

// Parts per million below LSL, above USL and in total.
struct Ppm {
  double below = 0, above = 0, total = 0;
};

struct CapabilityStudy {
  std::size_t n = 0;
  std::size_t subgroups = 0;
  double mean = 0;
  double sigma_within = 0;
  double sigma_overall = 0;
  WithinMethod within = WithinMethod::moving_range;
  CapabilityIndices indices{};
  Ppm observed, expected_within, expected_overall;
};

// `groups` holds subgroups (size 1 each for individual values, in time
// order). Throws InvalidInput (naming `field`) when sigma cannot be estimated.
CapabilityStudy capability_study(const Subgroups &groups, WithinMethod within, const SpecLimits &spec,
                                 const std::string &field);

// Checks LSL < USL, at least one limit, target inside; throws InvalidInput.
void validate_spec(const SpecLimits &spec);

} // namespace qloop::spc
