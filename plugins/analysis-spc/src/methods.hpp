// The methods this plugin answers: each takes the parsed request and returns
// the result object (sdk/schemas/analysis-result.schema.json).
#pragma once

#include "chart_series.hpp"
#include "request_io.hpp"

namespace qloop::spc {

Json spc_method(const Json &request);
Json capability_method(const Json &request);
Json normality_method(const Json &request);

// Runs the rules of every chart of `set`; keeps the first `max_violations`
// points per rule and per-point masks when a chart has <= `max_points` points.
void evaluate_rules(ChartSet &set, std::size_t max_violations, std::size_t max_points);

} // namespace qloop::spc
