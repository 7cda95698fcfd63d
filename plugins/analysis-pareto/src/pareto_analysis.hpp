// Method "pareto": a request in, the result object out (summary, the Pareto
// table, the chart, findings about the cut-off, details).
#pragma once

#include <nlohmann/json.hpp>

#include "pareto_input.hpp"

namespace qloop::pareto {

// `defaults` are the plugin's configured settings; request options override
// them. Throws qloop::sdk::InvalidInput for a bad request.
nlohmann::ordered_json analyze(const nlohmann::json &request, const Settings &defaults);

} // namespace qloop::pareto
