#include "capability.hpp"

#include <cmath>
#include <limits>

#include <boost/math/distributions/normal.hpp>
#include <qloop/plugin.hpp>

#include "stats.hpp"
#include "variables_charts.hpp"

namespace qloop::spc {
namespace {

using sdk::InvalidInput;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string fmt(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

Ppm expected_ppm(double mean, double sigma, const SpecLimits &spec) {
  Ppm p;
  if (!(sigma > 0)) return p;
  const boost::math::normal dist(mean, sigma);
  if (spec.lsl) p.below = 1e6 * boost::math::cdf(dist, *spec.lsl);
  if (spec.usl) p.above = 1e6 * boost::math::cdf(boost::math::complement(dist, *spec.usl));
  p.total = p.below + p.above;
  return p;
}

} // namespace

const char *within_method_name(WithinMethod m) {
  switch (m) {
  case WithinMethod::moving_range: return "mrbar";
  case WithinMethod::range: return "rbar";
  case WithinMethod::sd: return "sbar";
  case WithinMethod::pooled: return "pooled";
  }
  return "";
}

const char *within_method_formula(WithinMethod m) {
  switch (m) {
  case WithinMethod::moving_range: return "MR̄/d2(2)";
  case WithinMethod::range: return "R̄/d2(n)";
  case WithinMethod::sd: return "s̄/c4(n)";
  case WithinMethod::pooled: return "s_p/c4(Σ(n_i-1)+1)";
  }
  return "";
}

void validate_spec(const SpecLimits &spec) {
  if (!spec.lsl && !spec.usl)
    throw InvalidInput(
        "field 'options.lsl': give a lower (lsl) or an upper (usl) specification limit, or both");
  for (auto [v, name] : {std::pair{spec.lsl, "lsl"}, {spec.usl, "usl"}, {spec.target, "target"}})
    if (v && !std::isfinite(*v))
      throw InvalidInput(std::string("field 'options.") + name + "': must be a finite number");
  if (spec.lsl && spec.usl && !(*spec.lsl < *spec.usl))
    throw InvalidInput("field 'options.lsl': must be below 'usl' (LSL " + fmt(*spec.lsl) + " >= USL " +
                       fmt(*spec.usl) + ")");
  if (spec.target && ((spec.lsl && *spec.target < *spec.lsl) || (spec.usl && *spec.target > *spec.usl)))
    throw InvalidInput("field 'options.target': must lie within the specification limits");
}

CapabilityIndices capability_indices(double mean, double sw, double so, const SpecLimits &spec) {
  CapabilityIndices c{kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  if (spec.usl) {
    c.cpu = (*spec.usl - mean) / (3 * sw);
    c.ppu = (*spec.usl - mean) / (3 * so);
  }
  if (spec.lsl) {
    c.cpl = (mean - *spec.lsl) / (3 * sw);
    c.ppl = (mean - *spec.lsl) / (3 * so);
  }
  c.cpk = spec.usl && spec.lsl ? std::min(c.cpu, c.cpl) : (spec.usl ? c.cpu : c.cpl);
  c.ppk = spec.usl && spec.lsl ? std::min(c.ppu, c.ppl) : (spec.usl ? c.ppu : c.ppl);
  if (spec.usl && spec.lsl) {
    const double width = *spec.usl - *spec.lsl;
    c.cp = width / (6 * sw);
    c.pp = width / (6 * so);
    // Cpm = (USL - LSL) / (6 sqrt(σ² + (μ - T)²)), σ the overall sigma,
    // T the target (the middle of the specification when none is given).
    const double target = spec.target.value_or((*spec.usl + *spec.lsl) / 2);
    c.cpm = width / (6 * std::sqrt(so * so + (mean - target) * (mean - target)));
  }
  return c;
}

CapabilityStudy capability_study(const Subgroups &groups, WithinMethod within, const SpecLimits &spec,
                                 const std::string &field) {
  validate_spec(spec);
  CapabilityStudy s;
  s.n = groups.values.size();
  s.subgroups = groups.count();
  s.within = within;
  if (s.n < 2)
    throw InvalidInput("field '" + field + "': a capability study needs at least 2 values, got " +
                       std::to_string(s.n));
  s.mean = mean(groups.values);
  s.sigma_overall = sample_sd(groups.values);
  switch (within) {
  case WithinMethod::moving_range: s.sigma_within = sigma_from_moving_range(groups.values); break;
  case WithinMethod::range: s.sigma_within = sigma_from_ranges(groups); break;
  case WithinMethod::sd: s.sigma_within = sigma_from_sds(groups); break;
  case WithinMethod::pooled: s.sigma_within = sigma_pooled(groups); break;
  }
  if (!(s.sigma_overall > 0))
    throw InvalidInput("field '" + field + "': all values are equal; sigma is 0 and capability is undefined");
  if (!(s.sigma_within > 0) || !std::isfinite(s.sigma_within))
    throw InvalidInput("field '" + field + "': the within-subgroup sigma (" + within_method_formula(within) +
                       ") is 0; no variation inside subgroups");
  s.indices = capability_indices(s.mean, s.sigma_within, s.sigma_overall, spec);
  for (double v : groups.values) {
    if (spec.lsl && v < *spec.lsl) s.observed.below += 1;
    if (spec.usl && v > *spec.usl) s.observed.above += 1;
  }
  const double scale = 1e6 / static_cast<double>(s.n);
  s.observed.below *= scale;
  s.observed.above *= scale;
  s.observed.total = s.observed.below + s.observed.above;
  s.expected_within = expected_ppm(s.mean, s.sigma_within, spec);
  s.expected_overall = expected_ppm(s.mean, s.sigma_overall, spec);
  return s;
}

} // namespace qloop::spc
