// Severity grades of a complaint (分级响应) and their names.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace qloop::domain {

enum class Severity { Critical, Major, Minor };

const char *severity_name(Severity s); // "critical", "major", "minor"
std::optional<Severity> parse_severity(const std::string &name);

NLOHMANN_JSON_SERIALIZE_ENUM(Severity, {{Severity::Critical, "critical"},
                                        {Severity::Major, "major"},
                                        {Severity::Minor, "minor"}})

} // namespace qloop::domain
