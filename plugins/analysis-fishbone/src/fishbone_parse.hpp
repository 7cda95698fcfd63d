// Reading a fishbone request: `data.effect` + `data.causes` (JSON), or a
// table (CSV) with columns category, cause, sub_cause, status, link. Every
// rule broken throws qloop::sdk::InvalidInput naming the field.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "fishbone_model.hpp"

namespace qloop::fishbone {

Diagram parse_diagram(const nlohmann::json &request);

std::string to_string(Category c);
std::string to_string(Status s);
// Display names: Man/Machine/... or 人/机/料/法/环/测; Verified/已验证 ...
std::string label(Category c, bool zh);
std::string label(Status s, bool zh);

} // namespace qloop::fishbone
