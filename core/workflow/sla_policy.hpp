// SLA policy: response and due-time targets per severity, the clock they run
// on (calendar, or a working calendar with time zone, working week, hours and
// holidays) and escalation levels. Loaded from config/sla.ini.
// (Interface fixed by the lead; implementation in sla_policy.cpp.)
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/severity.hpp"

namespace qloop::workflow {

// The SLA targets a complaint runs against.
enum class SlaTarget { FirstResponse, Acknowledge, Containment /*D3*/, RootCause /*D4*/, Closure /*D8*/ };
const char *sla_target_name(SlaTarget t); // "first_response", "acknowledge", "d3", "d4", "d8"
// The inverse of sla_target_name; nothing for any other text.
std::optional<SlaTarget> parse_sla_target(const std::string &name);

struct WorkingCalendar {
  std::string time_zone = "UTC";                // IANA name, e.g. "Asia/Shanghai"
  std::vector<int> working_days{1, 2, 3, 4, 5}; // ISO weekday numbers, Monday = 1
  std::chrono::minutes day_start{8 * 60 + 30};  // local time of day
  std::chrono::minutes day_end{17 * 60 + 30};
  std::vector<std::string> holidays;           // "YYYY-MM-DD" local dates that are not worked
  std::vector<std::string> extra_working_days; // "YYYY-MM-DD" weekend dates that are worked (调休)
};

enum class ClockKind { Calendar, Working };

struct EscalationLevel {
  std::string role; // "owner", "manager", "head_of_quality"
  double fraction;  // of the target elapsed, e.g. 0.5, 0.8, 1.0
};

struct SlaPolicy {
  // targets[severity][target]; a missing entry means no such target.
  std::map<domain::Severity, std::map<SlaTarget, std::chrono::minutes>> targets;
  // Which clock each target runs on (first response usually Calendar, D-steps Working).
  std::map<SlaTarget, ClockKind> clocks;
  WorkingCalendar calendar;
  std::vector<EscalationLevel> escalation; // ascending fractions

  // Reads an INI file; throws std::runtime_error naming file, section, key
  // and what was expected.
  static SlaPolicy load(const std::filesystem::path &file);
  // The defaults of the brief: Critical 30 min, Major 2 h, Minor 4 h first
  // response; acknowledgement 24 h for all; D3/D4/D8 per severity.
  static SlaPolicy defaults();
};

} // namespace qloop::workflow
