// Time in the domain: instants are UTC seconds (std::chrono::sys_seconds);
// text is ISO 8601. Local time zones matter only to SLA calendars.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace qloop::domain {

using Timestamp = std::chrono::sys_seconds;

// "2026-11-24T08:15:00Z"
std::string format_iso(Timestamp t);
// Accepts "YYYY-MM-DDTHH:MM[:SS][.fff](Z|±HH:MM)" and "YYYY-MM-DD HH:MM[:SS]" (taken as UTC);
// nothing when the text is not such a time.
std::optional<Timestamp> parse_iso(const std::string &text);

} // namespace qloop::domain
