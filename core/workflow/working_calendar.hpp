// Private to the SLA code: a WorkingCalendar prepared for stepping (zone looked
// up once, dates parsed and sorted) and an iterator over its working spans in
// UTC, one working day at a time. Not part of the public workflow interface.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <date/tz.h>

#include "core/domain/time.hpp"
#include "core/workflow/sla_policy.hpp"

namespace qloop::workflow::detail {

using domain::Timestamp;

// A half-open span [from, to) of UTC time.
struct Span {
  Timestamp from;
  Timestamp to;
};

// Stands for "never": the end of an open pause, the end of a calendar clock.
inline constexpr Timestamp kForever = Timestamp::max();

// "YYYY-MM-DD" exactly, a real date; nothing otherwise.
std::optional<date::local_days> parse_local_date(std::string_view text);

class CompiledCalendar {
public:
  // Throws std::invalid_argument when the calendar cannot be used (unknown
  // zone, day_end <= day_start, weekday outside 1..7, bad date); the loader
  // reports these with file and key before a policy ever gets here.
  explicit CompiledCalendar(const WorkingCalendar &calendar);

  bool is_working_day(date::local_days day) const;
  // True when no day after `day` can be a working day (empty working week and
  // no extra working day left), so a search for working time must stop.
  bool no_working_day_after(date::local_days day) const;
  // The working hours of a working day, in UTC.
  Span working_span(date::local_days day) const;
  date::local_days local_day(Timestamp t) const;

private:
  const date::time_zone *zone_;
  unsigned weekday_mask_ = 0; // bit n set: ISO weekday n is worked
  std::chrono::minutes day_start_;
  std::chrono::minutes day_end_;
  std::vector<date::local_days> holidays_;   // sorted
  std::vector<date::local_days> extra_days_; // sorted
};

// Working spans in time order, starting with the local day that contains `from`
// (the caller clips the first span to its own start).
class WorkingSpans {
public:
  WorkingSpans(const CompiledCalendar &calendar, Timestamp from);
  // The next working span; {kForever, kForever} when there is none.
  Span next();
  // Jump ahead to the local day containing `t` (no-op if already past it), so
  // a long pause is crossed in one step instead of day by day.
  void skip_to(Timestamp t);

private:
  const CompiledCalendar &calendar_;
  date::local_days day_;
};

} // namespace qloop::workflow::detail
