// Reading a 5 Why request: the JSON `data` into the model, `options` over the
// plugin's configured defaults into Settings. Every rule broken throws
// qloop::sdk::InvalidInput naming the field.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "five_why_model.hpp"

namespace qloop::fivewhy {

Analysis parse_analysis(const nlohmann::json &request);

Settings parse_settings(const nlohmann::json &request, Settings defaults);

// Names as they appear in requests and results.
std::string to_string(ChainKind kind);
std::string to_string(CauseType type);

// The text form of a cause type, in English or Chinese (人/机/料/法/环/测).
std::string cause_type_label(CauseType type, bool zh);

} // namespace qloop::fivewhy
