// SLA clocks: due times and elapsed SLA time on a calendar or working clock,
// with pauses (waiting on the customer) removed, and escalation levels.
// Pure functions: no store, no current time except what is passed in.
// (Interface fixed by the lead; implementation in sla_clock.cpp.)
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/domain/time.hpp"
#include "core/workflow/sla_policy.hpp"

namespace qloop::workflow {

// A span when the clock does not run (e.g. waiting on the customer); `to`
// empty while the pause is still open.
struct Pause {
  domain::Timestamp from;
  std::optional<domain::Timestamp> to;
  std::string reason;
};

// The instant at which `target` of clock time has run from `start`, skipping
// pauses and, on a working clock, time outside working hours, weekends and
// holidays in the calendar's time zone (DST-correct). A pause still open
// means no due time yet: returns nothing.
std::optional<domain::Timestamp> due_time(const SlaPolicy &policy, ClockKind clock, domain::Timestamp start,
                                          std::chrono::minutes target, const std::vector<Pause> &pauses);

// Clock time run between start and `until`, pauses and non-working time removed.
std::chrono::seconds elapsed(const SlaPolicy &policy, ClockKind clock, domain::Timestamp start,
                             domain::Timestamp until, const std::vector<Pause> &pauses);

struct SlaState {
  SlaTarget target;
  std::chrono::minutes allowed;
  std::optional<domain::Timestamp> due;    // empty while paused
  std::chrono::seconds used;               // clock time used up to `now` or `met_at`
  double fraction;                         // used / allowed
  bool met;                                // met_at given and within target
  bool breached;                           // used > allowed (met late, or open and past due)
  std::optional<std::string> escalated_to; // highest escalation role reached, if any
};

// State of one target of one complaint at `now`. `met_at` is when the target
// was met (e.g. first response sent), if it was.
SlaState evaluate(const SlaPolicy &policy, domain::Severity severity, SlaTarget target,
                  domain::Timestamp start, std::optional<domain::Timestamp> met_at, domain::Timestamp now,
                  const std::vector<Pause> &pauses);

} // namespace qloop::workflow
