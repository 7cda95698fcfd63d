// Options of the spc method: the chart type, limits for phase II, the rule
// sets per chart, output caps, and specification limits.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "capability.hpp"
#include "chart_series.hpp"
#include "data_input.hpp"
#include "request_io.hpp"

namespace qloop::spc {

inline constexpr std::size_t kDefaultMaxViolations = 100;
inline constexpr std::size_t kDefaultMaxPoints = 5000;

// imr | xbar-r | xbar-s | p | np | c | u (a few spellings accepted); the
// default follows the shape of the data.
std::string chart_type(const Options &o, DataShape shape);
// The charts each type draws, in order.
std::vector<std::string> charts_of(const std::string &type);

// options.limits {chart: {center, ucl, lcl}} and options.standard
// {mean, sigma} | {p} | {c} | {u}.
LimitInputs limit_inputs(const Options &o, const std::string &type);

// options.lsl / usl / target, or options.spec {lsl, usl, target}. Validated
// only when a limit is present.
SpecLimits spec_limits(const Options &o);

// One rule spec: "nelson" | "we" | "western-electric" | "all" | "default" |
// "none" | a rule id | an array of rule ids or Nelson numbers.
RuleSet parse_rule_spec(const Json &spec, const std::string &field, ChartFamily family);

// Sets each chart's rules from options.rules (a spec for the first chart, or
// an object {chart: spec}); rules a chart does not allow are dropped with a
// warning.
void assign_rules(ChartSet &set, const Options &o);

} // namespace qloop::spc
