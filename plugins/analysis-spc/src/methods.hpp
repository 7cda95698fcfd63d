// The methods this plugin answers: each takes the parsed request and returns
// the result object (sdk/schemas/analysis-result.schema.json).
#pragma once

#include "chart_series.hpp"
#include "request_io.hpp"

namespace qloop::spc {

// `columns`: the request's table as host columns (ABI 1.3 path), or null.
Json spc_method(const Json &request, const sdk::RecordBatch *columns);
Json capability_method(const Json &request, const sdk::RecordBatch *columns);
Json normality_method(const Json &request, const sdk::RecordBatch *columns);
inline Json spc_method(const Json &request) { return spc_method(request, nullptr); }
inline Json capability_method(const Json &request) { return capability_method(request, nullptr); }
inline Json normality_method(const Json &request) { return normality_method(request, nullptr); }

// Runs the rules of every chart of `set`; keeps the first `max_violations`
// points per rule and per-point masks when a chart has <= `max_points` points.
void evaluate_rules(ChartSet &set, std::size_t max_violations, std::size_t max_points);

} // namespace qloop::spc
