// Method "fishbone": a request in, the result object out (summary, counts per
// category and status, the cause list, the diagram, review findings).
#pragma once

#include <nlohmann/json.hpp>

namespace qloop::fishbone {

// Throws qloop::sdk::InvalidInput for a bad request.
nlohmann::ordered_json analyze(const nlohmann::json &request);

} // namespace qloop::fishbone
