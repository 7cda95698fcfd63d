// Method "5why": a request in, the result object out (summary, tables, the
// tree chart, review findings, details). Independent of the plugin boundary
// so the tests call it directly.
#pragma once

#include <nlohmann/json.hpp>

#include "five_why_model.hpp"

namespace qloop::fivewhy {

// `defaults` are the plugin's configured settings; request options override
// them. Throws qloop::sdk::InvalidInput for a bad request.
nlohmann::ordered_json analyze(const nlohmann::json &request, const Settings &defaults);

} // namespace qloop::fivewhy
