#include <chrono>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "core/domain/time.hpp"
#include "core/workflow/sla_clock.hpp"
#include "core/workflow/sla_policy.hpp"
#include "test_support.hpp"

using namespace qloop::workflow;
using namespace std::chrono_literals;
using qloop::domain::Severity;
using qloop::domain::Timestamp;
using qloop::testing::TempDir;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

// Expected instants are written in UTC with the local time in a comment, so
// the tests do not reuse the time zone code they check.
Timestamp at(const std::string &iso) {
  auto t = qloop::domain::parse_iso(iso);
  if (!t) throw std::invalid_argument("bad test time " + iso);
  return *t;
}

std::string iso(std::optional<Timestamp> t) { return t ? qloop::domain::format_iso(*t) : "(none)"; }

// Mon-Fri 08:30-17:30 (9 hours) in `zone`, no holidays.
SlaPolicy policy_in(const std::string &zone) {
  SlaPolicy p = SlaPolicy::defaults();
  p.calendar.time_zone = zone;
  return p;
}

std::optional<Timestamp> due_calendar(Timestamp start, minutes target,
                                      const std::vector<Pause> &pauses = {}) {
  return due_time(SlaPolicy::defaults(), ClockKind::Calendar, start, target, pauses);
}

std::optional<Timestamp> due_working(const SlaPolicy &p, Timestamp start, minutes target,
                                     const std::vector<Pause> &pauses = {}) {
  return due_time(p, ClockKind::Working, start, target, pauses);
}

Pause closed(const std::string &from, const std::string &to) {
  return {at(from), at(to), "waiting on customer"};
}
Pause open_from(const std::string &from) { return {at(from), std::nullopt, "waiting on customer"}; }

std::filesystem::path shipped_policy() {
  return std::filesystem::path(QLOOP_SOURCE_DIR) / "config" / "sla.ini";
}

} // namespace

// ---- calendar clock --------------------------------------------------------

TEST(SlaCalendarClock, RunsDayAndNightWithoutPauses) {
  // 2026-11-27 is a Friday: the calendar clock does not care.
  EXPECT_EQ(iso(due_calendar(at("2026-11-23T10:00:00Z"), 30min)), "2026-11-23T10:30:00Z");
  EXPECT_EQ(iso(due_calendar(at("2026-11-27T20:00:00Z"), 24h)), "2026-11-28T20:00:00Z");
  EXPECT_EQ(iso(due_calendar(at("2026-11-27T20:00:07Z"), 72h)), "2026-11-30T20:00:07Z");
  EXPECT_EQ(iso(due_calendar(at("2026-11-23T10:00:00Z"), 0min)), "2026-11-23T10:00:00Z");
}

TEST(SlaCalendarClock, ClosedPausesPushTheDueTimeBack) {
  const Timestamp start = at("2026-11-23T10:00:00Z");
  EXPECT_EQ(iso(due_calendar(start, 2h, {closed("2026-11-23T10:30:00Z", "2026-11-23T11:30:00Z")})),
            "2026-11-23T13:00:00Z");
  // Overlapping pauses count once (10:30-12:00 = 1.5 h), in any order.
  EXPECT_EQ(iso(due_calendar(start, 2h,
                             {closed("2026-11-23T11:00:00Z", "2026-11-23T12:00:00Z"),
                              closed("2026-11-23T10:30:00Z", "2026-11-23T11:30:00Z")})),
            "2026-11-23T13:30:00Z");
  // Only the part of a pause after the start counts.
  EXPECT_EQ(iso(due_calendar(start, 2h, {closed("2026-11-23T09:00:00Z", "2026-11-23T10:15:00Z")})),
            "2026-11-23T12:15:00Z");
  // A pause that begins once the target has run changes nothing.
  EXPECT_EQ(iso(due_calendar(start, 2h, {closed("2026-11-23T12:00:00Z", "2026-11-23T13:00:00Z")})),
            "2026-11-23T12:00:00Z");
  // A start inside a pause waits for its end.
  EXPECT_EQ(iso(due_calendar(start, 2h, {closed("2026-11-23T09:00:00Z", "2026-11-23T11:00:00Z")})),
            "2026-11-23T13:00:00Z");
}

TEST(SlaCalendarClock, AnOpenPauseMeansNoDueTimeYet) {
  const Timestamp start = at("2026-11-23T10:00:00Z");
  EXPECT_FALSE(due_calendar(start, 2h, {open_from("2026-11-23T10:30:00Z")}));
  EXPECT_FALSE(due_calendar(start, 2h, {open_from("2026-11-23T09:00:00Z")}));
  EXPECT_FALSE(due_calendar(
      start, 2h,
      {closed("2026-11-23T10:10:00Z", "2026-11-23T10:20:00Z"), open_from("2026-11-23T11:00:00Z")}));
  // The target ran out before the pause began: the due time is already fixed.
  EXPECT_EQ(iso(due_calendar(start, 2h, {open_from("2026-11-23T13:00:00Z")})), "2026-11-23T12:00:00Z");
}

TEST(SlaCalendarClock, ElapsedRemovesPauses) {
  const SlaPolicy p = SlaPolicy::defaults();
  const Timestamp start = at("2026-11-23T10:00:00Z"), until = at("2026-11-23T14:00:00Z");
  EXPECT_EQ(elapsed(p, ClockKind::Calendar, start, until, {}), 4h);
  EXPECT_EQ(
      elapsed(p, ClockKind::Calendar, start, until, {closed("2026-11-23T10:30:00Z", "2026-11-23T11:30:00Z")}),
      3h);
  EXPECT_EQ(elapsed(p, ClockKind::Calendar, start, until, {open_from("2026-11-23T11:00:00Z")}), 1h);
  EXPECT_EQ(
      elapsed(p, ClockKind::Calendar, start, until, {closed("2026-11-23T13:00:00Z", "2026-11-23T18:00:00Z")}),
      3h);
  EXPECT_EQ(elapsed(p, ClockKind::Calendar, until, start, {}), 0s);
  EXPECT_EQ(elapsed(p, ClockKind::Calendar, start, start, {}), 0s);
}

TEST(SlaCalendarClock, APauseEndingBeforeItBeginsIsIgnored) {
  const Timestamp start = at("2026-11-23T10:00:00Z");
  EXPECT_EQ(iso(due_calendar(start, 1h, {closed("2026-11-23T10:30:00Z", "2026-11-23T10:00:00Z")})),
            "2026-11-23T11:00:00Z");
}

// ---- working clock (UTC, Mon-Fri 08:30-17:30) ------------------------------
// 2026-11-21 Sat, 22 Sun, 23 Mon ... 27 Fri, 28 Sat, 29 Sun, 30 Mon.

TEST(SlaWorkingClock, CountsOnlyWorkingHours) {
  const SlaPolicy p = policy_in("UTC");
  EXPECT_EQ(iso(due_working(p, at("2026-11-23T09:00:00Z"), 2h)), "2026-11-23T11:00:00Z");
  // Across the night.
  EXPECT_EQ(iso(due_working(p, at("2026-11-23T16:30:00Z"), 2h)), "2026-11-24T09:30:00Z");
  // Across the weekend.
  EXPECT_EQ(iso(due_working(p, at("2026-11-27T16:30:00Z"), 2h)), "2026-11-30T09:30:00Z");
  // A full working day from opening ends at closing, not next morning.
  EXPECT_EQ(iso(due_working(p, at("2026-11-23T08:30:00Z"), 9h)), "2026-11-23T17:30:00Z");
  // Five working days (5wd = 45 h) land at the same time a week later.
  EXPECT_EQ(iso(due_working(p, at("2026-11-23T10:00:00Z"), 45h)), "2026-11-30T10:00:00Z");
}

TEST(SlaWorkingClock, StartOutsideWorkingHoursWaitsForTheNextOpening) {
  const SlaPolicy p = policy_in("UTC");
  EXPECT_EQ(iso(due_working(p, at("2026-11-23T06:00:00Z"), 1h)), "2026-11-23T09:30:00Z"); // before opening
  EXPECT_EQ(iso(due_working(p, at("2026-11-23T19:00:00Z"), 1h)), "2026-11-24T09:30:00Z"); // after closing
  EXPECT_EQ(iso(due_working(p, at("2026-11-22T12:00:00Z"), 1h)), "2026-11-23T09:30:00Z"); // Sunday
  EXPECT_EQ(iso(due_working(p, at("2026-11-27T17:30:00Z"), 1h)), "2026-11-30T09:30:00Z"); // at Friday closing
  EXPECT_EQ(elapsed(p, ClockKind::Working, at("2026-11-22T12:00:00Z"), at("2026-11-23T08:30:00Z"), {}), 0s);
}

TEST(SlaWorkingClock, SkipsHolidaysAndWorksExtraWorkingDays) {
  SlaPolicy p = policy_in("UTC");
  p.calendar.holidays = {"2026-11-24"};           // Tuesday off
  p.calendar.extra_working_days = {"2026-11-28"}; // Saturday worked (调休)
  EXPECT_EQ(iso(due_working(p, at("2026-11-23T16:30:00Z"), 2h)), "2026-11-25T09:30:00Z");
  EXPECT_EQ(iso(due_working(p, at("2026-11-27T16:30:00Z"), 2h)), "2026-11-28T09:30:00Z");
  EXPECT_EQ(iso(due_working(p, at("2026-11-28T12:00:00Z"), 1h)), "2026-11-28T13:00:00Z");
  // Saturday's 9 hours count, Sunday's none.
  EXPECT_EQ(elapsed(p, ClockKind::Working, at("2026-11-27T17:30:00Z"), at("2026-11-30T08:30:00Z"), {}), 9h);
  // Mon 1 h + Tue holiday + Wed..Fri 27 h + Sat 9 h + Mon 1 h.
  EXPECT_EQ(elapsed(p, ClockKind::Working, at("2026-11-23T16:30:00Z"), at("2026-11-30T09:30:00Z"), {}), 38h);
}

TEST(SlaWorkingClock, PausesAreRemovedFromWorkingTime) {
  const SlaPolicy p = policy_in("UTC");
  // Mon 16:00-17:00 runs (1 h), paused until Tue 10:00, then 2 h more.
  EXPECT_EQ(iso(due_working(p, at("2026-11-23T16:00:00Z"), 3h,
                            {closed("2026-11-23T17:00:00Z", "2026-11-24T10:00:00Z")})),
            "2026-11-24T12:00:00Z");
  // A pause over non-working time changes nothing.
  EXPECT_EQ(iso(due_working(p, at("2026-11-23T16:30:00Z"), 2h,
                            {closed("2026-11-23T18:00:00Z", "2026-11-24T07:00:00Z")})),
            "2026-11-24T09:30:00Z");
  // Three weeks waiting on the customer are crossed in one step.
  EXPECT_EQ(iso(due_working(p, at("2026-11-23T16:30:00Z"), 2h,
                            {closed("2026-11-23T17:00:00Z", "2026-12-14T12:00:00Z")})),
            "2026-12-14T13:30:00Z");
  EXPECT_FALSE(due_working(p, at("2026-11-23T16:30:00Z"), 2h, {open_from("2026-11-23T17:00:00Z")}));
  // Opened in the night after the target ran out on Monday: due is known.
  EXPECT_EQ(iso(due_working(p, at("2026-11-23T09:00:00Z"), 2h, {open_from("2026-11-23T20:00:00Z")})),
            "2026-11-23T11:00:00Z");
  EXPECT_EQ(elapsed(p, ClockKind::Working, at("2026-11-23T16:00:00Z"), at("2026-11-25T12:00:00Z"),
                    {closed("2026-11-23T17:00:00Z", "2026-11-24T10:00:00Z")}),
            1h + (7h + 30min) + (3h + 30min));
  EXPECT_EQ(elapsed(p, ClockKind::Working, at("2026-11-23T16:00:00Z"), at("2026-11-25T12:00:00Z"),
                    {open_from("2026-11-23T17:00:00Z")}),
            1h);
}

TEST(SlaWorkingClock, ACalendarWithoutWorkingDaysNeverComesDue) {
  SlaPolicy p = policy_in("UTC");
  p.calendar.working_days.clear();
  p.calendar.extra_working_days = {"2026-11-28"};
  EXPECT_EQ(iso(due_working(p, at("2026-11-23T09:00:00Z"), 1h)), "2026-11-28T09:30:00Z");
  EXPECT_FALSE(due_working(p, at("2026-11-23T09:00:00Z"), 10h));
  EXPECT_EQ(elapsed(p, ClockKind::Working, at("2026-11-23T09:00:00Z"), at("2027-01-01T00:00:00Z"), {}), 9h);
}

TEST(SlaWorkingClock, AnUnusableCalendarIsRefused) {
  SlaPolicy p = policy_in("Mars/Olympus_Mons");
  EXPECT_THROW(due_working(p, at("2026-11-23T09:00:00Z"), 1h), std::invalid_argument);
  p = policy_in("UTC");
  p.calendar.day_end = p.calendar.day_start;
  EXPECT_THROW(due_working(p, at("2026-11-23T09:00:00Z"), 1h), std::invalid_argument);
  p = policy_in("UTC");
  p.calendar.holidays = {"2026-13-01"};
  EXPECT_THROW(elapsed(p, ClockKind::Working, at("2026-11-23T09:00:00Z"), at("2026-11-24T09:00:00Z"), {}),
               std::invalid_argument);
  // The calendar clock needs no calendar.
  EXPECT_TRUE(
      due_time(policy_in("Mars/Olympus_Mons"), ClockKind::Calendar, at("2026-11-23T09:00:00Z"), 1h, {}));
}

// ---- time zones --------------------------------------------------------------

TEST(SlaWorkingClockTimeZone, NewYorkSpringForwardKeepsLocalHours) {
  // DST starts Sunday 2026-03-08: 08:30 local is 13:30Z on Friday (EST, -5)
  // and 12:30Z on Monday (EDT, -4).
  const SlaPolicy p = policy_in("America/New_York");
  EXPECT_EQ(iso(due_working(p, at("2026-03-06T21:30:00Z"), 2h)),
            "2026-03-09T13:30:00Z"); // Fri 16:30 -> Mon 09:30
  EXPECT_EQ(iso(due_working(p, at("2026-03-06T13:30:00Z"), 18h)),
            "2026-03-09T21:30:00Z"); // 2wd: Mon 17:30 EDT
  EXPECT_EQ(elapsed(p, ClockKind::Working, at("2026-03-06T21:30:00Z"), at("2026-03-09T13:30:00Z"), {}), 2h);
}

TEST(SlaWorkingClockTimeZone, NewYorkFallBackKeepsLocalHours) {
  // DST ends Sunday 2026-11-01: Friday 16:30 EDT is 20:30Z, Monday 09:30 EST is 14:30Z.
  const SlaPolicy p = policy_in("America/New_York");
  EXPECT_EQ(iso(due_working(p, at("2026-10-30T20:30:00Z"), 2h)), "2026-11-02T14:30:00Z");
}

TEST(SlaWorkingClockTimeZone, BerlinAcrossBothChanges) {
  // Spring forward Sunday 2026-03-29 (CET +1 -> CEST +2); fall back Sunday 2026-10-25.
  const SlaPolicy p = policy_in("Europe/Berlin");
  EXPECT_EQ(iso(due_working(p, at("2026-03-27T15:30:00Z"), 2h)),
            "2026-03-30T07:30:00Z"); // Fri 16:30 -> Mon 09:30
  EXPECT_EQ(iso(due_working(p, at("2026-10-23T14:30:00Z"), 2h)),
            "2026-10-26T08:30:00Z"); // Fri 16:30 -> Mon 09:30
}

TEST(SlaWorkingClockTimeZone, AroundTheClockCalendarCountsRealTimeOverDst) {
  // Every day, 00:00-24:00: working time is all time, so a 23-hour and a
  // 25-hour local day count as such and the clock agrees with the calendar.
  SlaPolicy p = policy_in("Europe/Berlin");
  p.calendar.working_days = {1, 2, 3, 4, 5, 6, 7};
  p.calendar.day_start = 0min;
  p.calendar.day_end = 24h;
  for (auto [from, to] : {std::pair{"2026-03-28T12:00:00Z", "2026-03-30T12:00:00Z"},
                          std::pair{"2026-10-24T12:00:00Z", "2026-10-26T12:00:00Z"}}) {
    EXPECT_EQ(elapsed(p, ClockKind::Working, at(from), at(to), {}), 48h) << from;
    EXPECT_EQ(iso(due_working(p, at(from), 48h)), iso(at(to))) << from;
  }
}

TEST(SlaWorkingClockTimeZone, ShanghaiUsesLocalDays) {
  // UTC+8 all year: 08:30-17:30 local is 00:30-09:30Z.
  const SlaPolicy p = policy_in("Asia/Shanghai");
  EXPECT_EQ(iso(due_working(p, at("2026-11-23T00:00:00Z"), 1h)), "2026-11-23T01:30:00Z"); // Mon 08:00 local
  EXPECT_EQ(iso(due_working(p, at("2026-11-23T10:00:00Z"), 1h)), "2026-11-24T01:30:00Z"); // Mon 18:00 local
  // Sunday 23:00Z is already Monday 07:00 in Shanghai.
  EXPECT_EQ(iso(due_working(p, at("2026-11-22T23:00:00Z"), 1h)), "2026-11-23T01:30:00Z");
  // Friday 15:00Z is Friday 23:00 local: Monday is next.
  EXPECT_EQ(iso(due_working(p, at("2026-11-27T15:00:00Z"), 1h)), "2026-11-30T01:30:00Z");
}

TEST(SlaWorkingClockTimeZone, ShippedPolicyKnowsTheSpringFestival) {
  // 2026: Sat 02-14 is worked (调休), 02-15..02-23 are off, Tue 02-24 is back.
  const SlaPolicy p = SlaPolicy::load(shipped_policy());
  // Fri 02-13 17:00 local (09:00Z) + 1wd: 0.5 h Friday, 8.5 h Saturday.
  EXPECT_EQ(iso(due_working(p, at("2026-02-13T09:00:00Z"), 9h)), "2026-02-14T09:00:00Z");
  // Sat 17:00 local + 1 h: 0.5 h Saturday, then Tue 02-24 08:30-09:00 local.
  EXPECT_EQ(iso(due_working(p, at("2026-02-14T09:00:00Z"), 1h)), "2026-02-24T01:00:00Z");
  // National Day: Wed 09-30 17:00 local + 1 h -> 10-08 (Thu) 09:00 local.
  EXPECT_EQ(iso(due_working(p, at("2026-09-30T09:00:00Z"), 1h)), "2026-10-08T01:00:00Z");
  // Sat 10-10 is worked.
  EXPECT_EQ(iso(due_working(p, at("2026-10-09T09:00:00Z"), 1h)), "2026-10-10T01:00:00Z");
}

// ---- due_time and elapsed agree ----------------------------------------------

namespace {

void expect_inverse(const SlaPolicy &p, const char *name, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const auto first = at("2025-06-01T00:00:00Z"), last = at("2027-06-01T00:00:00Z");
  std::uniform_int_distribution<long long> when(first.time_since_epoch().count(),
                                                last.time_since_epoch().count());
  std::uniform_int_distribution<int> target_min(1, 30 * 9 * 60); // up to 30 working days
  std::uniform_int_distribution<int> pause_count(0, 3), pause_len(1, 5 * 24 * 60), offset(0, 20 * 24 * 60);
  for (int i = 0; i < 400; ++i) {
    const Timestamp start{seconds{when(rng)}};
    const minutes target{target_min(rng)};
    const ClockKind clock = i % 2 ? ClockKind::Working : ClockKind::Calendar;
    std::vector<Pause> pauses;
    for (int k = pause_count(rng); k > 0; --k) {
      const Timestamp from = start + minutes{offset(rng)} - 24h;
      pauses.push_back({from, from + minutes{pause_len(rng)}, "customer"});
    }
    auto due = due_time(p, clock, start, target, pauses);
    ASSERT_TRUE(due) << name << " start " << iso(start);
    EXPECT_EQ(elapsed(p, clock, start, *due, pauses), target)
        << name << " start " << iso(start) << " target " << target.count() << " due " << iso(due);
    // And nothing earlier would do: one second before, the target is not yet used up.
    EXPECT_EQ(elapsed(p, clock, start, *due - 1s, pauses), target - 1s) << name << " start " << iso(start);
  }
}

} // namespace

TEST(SlaClockProperty, ElapsedUntilTheDueTimeIsTheTarget) {
  expect_inverse(policy_in("UTC"), "UTC", 20261124);
  expect_inverse(policy_in("America/New_York"), "New York", 20261125);
  expect_inverse(SlaPolicy::load(shipped_policy()), "Shanghai sla.ini", 20261126);
}

TEST(SlaClockProperty, FarDueTimesAreComputedByTheDayNotByTheMinute) {
  const SlaPolicy p = SlaPolicy::load(shipped_policy());
  const Timestamp start = at("2026-01-05T02:00:00Z");
  const auto t0 = std::chrono::steady_clock::now();
  std::optional<Timestamp> due;
  for (int i = 0; i < 200; ++i) due = due_working(p, start + minutes{i}, 250 * 9h); // about a working year
  const auto per_call = (std::chrono::steady_clock::now() - t0) / 200;
  ASSERT_TRUE(due);
  EXPECT_EQ(elapsed(p, ClockKind::Working, start + 199min, *due, {}), 250 * 9h);
  // Minute by minute would be ~500 000 zone conversions per call; by the day
  // it is a few hundred. The bound is loose for sanitizer and debug builds.
  EXPECT_LT(per_call, 5ms);
}

// ---- evaluate ----------------------------------------------------------------

TEST(SlaEvaluate, MetInTime) {
  const SlaPolicy p = SlaPolicy::defaults(); // critical first response: 30 min, calendar
  const Timestamp start = at("2026-11-23T10:00:00Z");
  SlaState s = evaluate(p, Severity::Critical, SlaTarget::FirstResponse, start, at("2026-11-23T10:20:00Z"),
                        at("2026-11-23T12:00:00Z"), {});
  EXPECT_EQ(s.target, SlaTarget::FirstResponse);
  EXPECT_EQ(s.allowed, 30min);
  EXPECT_EQ(iso(s.due), "2026-11-23T10:30:00Z");
  EXPECT_EQ(s.used, 20min);
  EXPECT_DOUBLE_EQ(s.fraction, 20.0 / 30.0);
  EXPECT_TRUE(s.met);
  EXPECT_FALSE(s.breached);
  EXPECT_EQ(s.escalated_to, "owner"); // it had passed half its time when met
}

TEST(SlaEvaluate, MetLateIsBreached) {
  const SlaPolicy p = SlaPolicy::defaults();
  SlaState s = evaluate(p, Severity::Critical, SlaTarget::FirstResponse, at("2026-11-23T10:00:00Z"),
                        at("2026-11-23T10:45:00Z"), at("2026-11-23T12:00:00Z"), {});
  EXPECT_FALSE(s.met);
  EXPECT_TRUE(s.breached);
  EXPECT_EQ(s.used, 45min);
  EXPECT_DOUBLE_EQ(s.fraction, 1.5);
  EXPECT_EQ(s.escalated_to, "head_of_quality");
}

TEST(SlaEvaluate, MetExactlyAtTheDueTimeIsInTime) {
  SlaState s =
      evaluate(SlaPolicy::defaults(), Severity::Major, SlaTarget::FirstResponse, at("2026-11-23T10:00:00Z"),
               at("2026-11-23T12:00:00Z"), at("2026-11-23T12:00:00Z"), {});
  EXPECT_TRUE(s.met);
  EXPECT_FALSE(s.breached);
  EXPECT_DOUBLE_EQ(s.fraction, 1.0);
}

TEST(SlaEvaluate, OpenAndPastDue) {
  SlaState s = evaluate(SlaPolicy::defaults(), Severity::Critical, SlaTarget::FirstResponse,
                        at("2026-11-23T10:00:00Z"), std::nullopt, at("2026-11-23T11:00:00Z"), {});
  EXPECT_FALSE(s.met);
  EXPECT_TRUE(s.breached);
  EXPECT_EQ(s.used, 1h);
  EXPECT_DOUBLE_EQ(s.fraction, 2.0);
  EXPECT_EQ(iso(s.due), "2026-11-23T10:30:00Z");
  EXPECT_EQ(s.escalated_to, "head_of_quality");
}

TEST(SlaEvaluate, EscalationRolesAtEachFraction) {
  const SlaPolicy p = SlaPolicy::defaults(); // owner 0.5, manager 0.8, head_of_quality 1.0
  const Timestamp start = at("2026-11-23T10:00:00Z");
  auto at_minute = [&](int m) {
    return evaluate(p, Severity::Critical, SlaTarget::FirstResponse, start, std::nullopt, start + minutes{m},
                    {});
  };
  EXPECT_EQ(at_minute(0).escalated_to, std::nullopt);
  EXPECT_EQ(at_minute(14).escalated_to, std::nullopt);
  EXPECT_EQ(at_minute(15).escalated_to, "owner"); // 0.5 exactly
  EXPECT_EQ(at_minute(23).escalated_to, "owner");
  EXPECT_EQ(at_minute(24).escalated_to, "manager"); // 0.8 exactly
  EXPECT_EQ(at_minute(29).escalated_to, "manager");
  SlaState due_now = at_minute(30);
  EXPECT_EQ(due_now.escalated_to, "head_of_quality"); // 1.0: due now, not yet breached
  EXPECT_FALSE(due_now.breached);
  EXPECT_TRUE(at_minute(31).breached);
}

TEST(SlaEvaluate, EscalationLevelsNeedNotBeSorted) {
  SlaPolicy p = SlaPolicy::defaults();
  p.escalation = {{"director", 1.5}, {"owner", 0.25}, {"manager", 0.75}};
  const Timestamp start = at("2026-11-23T10:00:00Z");
  auto role = [&](int m) {
    return evaluate(p, Severity::Major, SlaTarget::FirstResponse, start, std::nullopt, start + minutes{m}, {})
        .escalated_to;
  };
  EXPECT_EQ(role(29), std::nullopt);
  EXPECT_EQ(role(30), "owner");
  EXPECT_EQ(role(90), "manager");
  EXPECT_EQ(role(179), "manager");
  EXPECT_EQ(role(180), "director");
}

TEST(SlaEvaluate, WhilePausedThereIsNoDueTimeAndTheClockStands) {
  const SlaPolicy p = SlaPolicy::defaults();
  const Timestamp start = at("2026-11-23T10:00:00Z");
  SlaState s = evaluate(p, Severity::Major, SlaTarget::FirstResponse, start, std::nullopt,
                        at("2026-11-23T15:00:00Z"), {open_from("2026-11-23T10:30:00Z")});
  EXPECT_FALSE(s.due);
  EXPECT_EQ(s.used, 30min);
  EXPECT_FALSE(s.breached);
  EXPECT_EQ(s.escalated_to, std::nullopt);
}

TEST(SlaEvaluate, PausesAfterTheTargetWasMetDoNotMatter) {
  // First response met at 10:20; waiting on the customer for D4 since 11:00.
  SlaState s = evaluate(SlaPolicy::defaults(), Severity::Critical, SlaTarget::FirstResponse,
                        at("2026-11-23T10:00:00Z"), at("2026-11-23T10:20:00Z"), at("2026-11-24T12:00:00Z"),
                        {open_from("2026-11-23T11:00:00Z")});
  EXPECT_EQ(iso(s.due), "2026-11-23T10:30:00Z");
  EXPECT_TRUE(s.met);
}

TEST(SlaEvaluate, WorkingClockTargetUsesWorkingTime) {
  // Major D4 = 5wd on the working clock (45 h, UTC 08:30-17:30).
  const SlaPolicy p = SlaPolicy::defaults();
  const Timestamp start = at("2026-11-27T16:30:00Z"); // Friday
  SlaState s =
      evaluate(p, Severity::Major, SlaTarget::RootCause, start, std::nullopt, at("2026-11-30T12:30:00Z"), {});
  EXPECT_EQ(s.allowed, 45h);
  EXPECT_EQ(s.used, 5h); // Fri 1 h + Mon 4 h
  EXPECT_EQ(iso(s.due), "2026-12-04T16:30:00Z");
  EXPECT_FALSE(s.breached);
  EXPECT_EQ(s.escalated_to, std::nullopt);
}

TEST(SlaEvaluate, ATargetThePolicyLacksIsAnError) {
  SlaPolicy p = SlaPolicy::defaults();
  p.targets[Severity::Minor].erase(SlaTarget::Containment);
  EXPECT_THROW(evaluate(p, Severity::Minor, SlaTarget::Containment, at("2026-11-23T10:00:00Z"), std::nullopt,
                        at("2026-11-23T11:00:00Z"), {}),
               std::invalid_argument);
}

// ---- policy ------------------------------------------------------------------

TEST(SlaPolicyDefaults, AreTheBriefsTargets) {
  const SlaPolicy p = SlaPolicy::defaults();
  EXPECT_EQ(p.calendar.time_zone, "UTC");
  EXPECT_EQ(p.targets.at(Severity::Critical).at(SlaTarget::FirstResponse), 30min);
  EXPECT_EQ(p.targets.at(Severity::Major).at(SlaTarget::FirstResponse), 2h);
  EXPECT_EQ(p.targets.at(Severity::Minor).at(SlaTarget::FirstResponse), 4h);
  for (auto sev : {Severity::Critical, Severity::Major, Severity::Minor}) {
    EXPECT_EQ(p.targets.at(sev).at(SlaTarget::Acknowledge), 24h);
    const auto &t = p.targets.at(sev);
    EXPECT_LE(t.at(SlaTarget::RootCause), t.at(SlaTarget::Closure));
  }
  EXPECT_EQ(p.targets.at(Severity::Critical).at(SlaTarget::Containment), 24h);
  EXPECT_EQ(p.targets.at(Severity::Critical).at(SlaTarget::RootCause), 3 * 9h);
  EXPECT_EQ(p.targets.at(Severity::Major).at(SlaTarget::RootCause), 5 * 9h);
  EXPECT_EQ(p.targets.at(Severity::Major).at(SlaTarget::Closure), 20 * 9h);
  EXPECT_EQ(p.clocks.at(SlaTarget::FirstResponse), ClockKind::Calendar);
  EXPECT_EQ(p.clocks.at(SlaTarget::Closure), ClockKind::Working);
  ASSERT_EQ(p.escalation.size(), 3u);
  EXPECT_EQ(p.escalation[0].role, "owner");
  EXPECT_EQ(p.escalation[1].fraction, 0.8);
  EXPECT_EQ(p.escalation[2].role, "head_of_quality");
}

TEST(SlaPolicyDefaults, TargetNamesRoundTrip) {
  for (auto t : {SlaTarget::FirstResponse, SlaTarget::Acknowledge, SlaTarget::Containment,
                 SlaTarget::RootCause, SlaTarget::Closure})
    EXPECT_EQ(parse_sla_target(sla_target_name(t)), t);
  EXPECT_STREQ(sla_target_name(SlaTarget::Containment), "d3");
  EXPECT_FALSE(parse_sla_target("d5"));
}

TEST(SlaPolicyLoad, TheShippedFileMatchesTheDefaultsInShanghai) {
  const SlaPolicy p = SlaPolicy::load(shipped_policy());
  const SlaPolicy d = SlaPolicy::defaults();
  EXPECT_EQ(p.targets, d.targets);
  EXPECT_EQ(p.clocks, d.clocks);
  EXPECT_EQ(p.calendar.time_zone, "Asia/Shanghai");
  EXPECT_EQ(p.calendar.working_days, (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_EQ(p.calendar.day_start, 8h + 30min);
  EXPECT_EQ(p.calendar.day_end, 17h + 30min);
  EXPECT_EQ(p.calendar.holidays.size(), 3u + 9 + 3 + 5 + 3 + 3 + 7);
  EXPECT_EQ(p.calendar.holidays.front(), "2026-01-01");
  EXPECT_EQ(p.calendar.extra_working_days,
            (std::vector<std::string>{"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
                                      "2026-10-10"}));
  ASSERT_EQ(p.escalation.size(), d.escalation.size());
  for (std::size_t i = 0; i < p.escalation.size(); ++i) {
    EXPECT_EQ(p.escalation[i].role, d.escalation[i].role);
    EXPECT_EQ(p.escalation[i].fraction, d.escalation[i].fraction);
  }
}

TEST(SlaPolicyLoad, ReadsEveryKey) {
  TempDir dir;
  auto file = dir.write("sla.ini", R"(; a site in Germany
[calendar]
time_zone = Europe/Berlin
working_days = mon-thu, 6
day_start = 06:00
day_end = 24:00

[holidays]
2026 = 2026-12-24..2026-12-26, 2026-12-31
christmas-again = 2026-12-25

[extra_working_days]
2026 = 2026-12-27

[clocks]
d3 = working
first_response = calendar

[escalation]
manager = 0.9
owner = 0.4

[major]
first_response = 1h30m
d3 = 2wd 4h
d8 = 90m
)");
  const SlaPolicy p = SlaPolicy::load(file);
  EXPECT_EQ(p.calendar.time_zone, "Europe/Berlin");
  EXPECT_EQ(p.calendar.working_days, (std::vector<int>{1, 2, 3, 4, 6}));
  EXPECT_EQ(p.calendar.day_start, 6h);
  EXPECT_EQ(p.calendar.day_end, 24h);
  EXPECT_EQ(p.calendar.holidays,
            (std::vector<std::string>{"2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31"}));
  EXPECT_EQ(p.calendar.extra_working_days, (std::vector<std::string>{"2026-12-27"}));
  EXPECT_EQ(p.clocks.at(SlaTarget::Containment), ClockKind::Working);
  EXPECT_EQ(p.clocks.at(SlaTarget::RootCause), ClockKind::Working); // not in the file: default
  ASSERT_EQ(p.escalation.size(), 2u);
  EXPECT_EQ(p.escalation[0].role, "owner"); // sorted by fraction
  EXPECT_EQ(p.escalation[1].role, "manager");
  ASSERT_EQ(p.targets.size(), 1u);
  const auto &major = p.targets.at(Severity::Major);
  EXPECT_EQ(major.at(SlaTarget::FirstResponse), 90min);
  EXPECT_EQ(major.at(SlaTarget::Containment), 2 * 18h + 4h); // wd = 24:00 - 06:00
  EXPECT_EQ(major.at(SlaTarget::Closure), 90min);
  EXPECT_EQ(major.count(SlaTarget::RootCause), 0u);
}

TEST(SlaPolicyLoad, SectionsLeftOutKeepTheirDefaults) {
  TempDir dir;
  const SlaPolicy p = SlaPolicy::load(dir.write("sla.ini", "[minor]\nfirst_response = 8h\n"));
  const SlaPolicy d = SlaPolicy::defaults();
  EXPECT_EQ(p.calendar.time_zone, "UTC");
  EXPECT_EQ(p.calendar.day_start, d.calendar.day_start);
  EXPECT_EQ(p.clocks, d.clocks);
  EXPECT_EQ(p.escalation.size(), 3u);
  EXPECT_EQ(p.targets.size(), 1u);
  EXPECT_EQ(p.targets.at(Severity::Minor).at(SlaTarget::FirstResponse), 8h);
  // An empty section is dropped by the INI reader: defaults stay.
  EXPECT_EQ(SlaPolicy::load(dir.write("b.ini", "[escalation]\n[minor]\nd3 = 1d\n")).escalation.size(), 3u);
  // A role switched off is not a level; with none left there is no escalation.
  EXPECT_TRUE(SlaPolicy::load(dir.write("c.ini", "[escalation]\nowner = off\n[minor]\nd3 = 1d\n"))
                  .escalation.empty());
  const auto two =
      SlaPolicy::load(dir.write("d.ini", "[escalation]\nowner = 0.5\nmanager = off\n[minor]\nd3 = 1d\n"));
  ASSERT_EQ(two.escalation.size(), 1u);
  EXPECT_EQ(two.escalation[0].role, "owner");
}

namespace {

struct BadPolicy {
  const char *name;
  std::string content;
  std::string where;    // "[section] key" as it must appear in the message
  std::string expected; // a fragment of the explanation
};

std::string load_error(const std::filesystem::path &file) {
  try {
    SlaPolicy::load(file);
  } catch (const std::runtime_error &e) {
    return e.what();
  }
  return "(loaded without error)";
}

} // namespace

TEST(SlaPolicyLoad, EveryErrorNamesFileSectionKeyAndExpectation) {
  const std::string ok = "[major]\nfirst_response = 2h\n";
  const std::vector<BadPolicy> cases = {
      {"bad duration", "[major]\nfirst_response = 2x\n", "[major] first_response",
       "expected a duration such as 30m"},
      {"number without unit", "[major]\nfirst_response = 120\n", "[major] first_response",
       "expected a duration"},
      {"empty duration", "[major]\nfirst_response =\n", "[major] first_response", "expected a duration"},
      {"negative duration", "[major]\nfirst_response = -2h\n", "[major] first_response",
       "expected a duration"},
      {"fraction", "[major]\nfirst_response = 1.5h\n", "[major] first_response", "whole numbers"},
      {"huge duration", "[major]\nd8 = 99999999999999999999wd\n", "[major] d8", "at most 10 years"},
      {"zero duration", "[major]\nfirst_response = 0m\n", "[major] first_response",
       "expected a positive duration"},
      {"d on a working clock", "[major]\nd4 = 5d\n", "[major] d4", "expected wd for working days"},
      {"wd on a calendar clock", "[major]\nfirst_response = 1wd\n", "[major] first_response",
       "or set [clocks] first_response = working"},
      {"unknown severity", ok + "[blocker]\nfirst_response = 10m\n", "[blocker]",
       "unknown section (expected calendar, holidays, extra_working_days, clocks, escalation, or a severity: "
       "critical, major, minor)"},
      {"unknown target", "[major]\nd5 = 2h\n", "[major] d5",
       "expected first_response, acknowledge, d3, d4 or d8"},
      {"unknown calendar key", ok + "[calendar]\ntimezone = UTC\n", "[calendar] timezone",
       "expected time_zone, working_days, day_start or day_end"},
      {"unknown time zone", ok + "[calendar]\ntime_zone = Asia/Shangai\n", "[calendar] time_zone",
       "unknown time zone 'Asia/Shangai' (expected an IANA name"},
      {"empty time zone", ok + "[calendar]\ntime_zone =\n", "[calendar] time_zone",
       "expected an IANA time zone"},
      {"day_end before day_start", ok + "[calendar]\nday_start = 17:30\nday_end = 08:30\n",
       "[calendar] day_end", "08:30 is not after day_start 17:30"},
      {"day_end equal to day_start", ok + "[calendar]\nday_start = 09:00\nday_end = 09:00\n",
       "[calendar] day_end", "is not after day_start"},
      {"bad time", ok + "[calendar]\nday_start = 8:30\n", "[calendar] day_start",
       "expected local time of day HH:MM"},
      {"hour 25", ok + "[calendar]\nday_end = 25:00\n", "[calendar] day_end", "HH:MM"},
      {"24:00 starts no day", ok + "[calendar]\nday_start = 24:00\n", "[calendar] day_start", "HH:MM"},
      {"bad weekday", ok + "[calendar]\nworking_days = mon, funday\n", "[calendar] working_days",
       "bad day 'funday': expected weekdays mon..sun"},
      {"weekday 8", ok + "[calendar]\nworking_days = 1-8\n", "[calendar] working_days", "bad day '1-8'"},
      {"no weekday", ok + "[calendar]\nworking_days = ,\n", "[calendar] working_days",
       "no working day given"},
      {"bad date", ok + "[holidays]\n2026 = 2026-02-30\n", "[holidays] 2026",
       "bad date '2026-02-30' (expected YYYY-MM-DD"},
      {"date in another format", ok + "[holidays]\n2026 = 2026/10/01\n", "[holidays] 2026", "bad date"},
      {"reversed range", ok + "[holidays]\n2026 = 2026-10-07..2026-10-01\n", "[holidays] 2026",
       "expected the first date not after the last"},
      {"range too long", ok + "[holidays]\n2026 = 2026-10-01..2062-10-07\n", "[holidays] 2026",
       "at most a year"},
      {"bad extra day", ok + "[extra_working_days]\n2026 = 2026-02-14x\n", "[extra_working_days] 2026",
       "bad date"},
      {"both holiday and extra day",
       ok + "[holidays]\ny = 2026-02-15..2026-02-23\n[extra_working_days]\nz = 2026-02-16\n",
       "[extra_working_days] z", "2026-02-16 is also listed in [holidays]"},
      {"bad clock", ok + "[clocks]\nd4 = sometimes\n", "[clocks] d4", "expected calendar or working"},
      {"unknown clock target", ok + "[clocks]\nd9 = working\n", "[clocks] d9", "expected first_response"},
      {"bad fraction", ok + "[escalation]\nowner = half\n", "[escalation] owner", "expected a number > 0"},
      {"zero fraction", ok + "[escalation]\nowner = 0\n", "[escalation] owner", "expected a number > 0"},
      {"same fraction twice", ok + "[escalation]\nowner = 0.5\nmanager = 0.5\n", "[escalation] manager",
       "already used by owner"},
      {"key outside a section", "first_response = 2h\n" + ok, "first_response", "key outside any section"},
      {"no targets", "[calendar]\ntime_zone = UTC\n", "", "no targets"},
      {"syntax error", ok + "[calendar\n", ":3:", "expected an INI file"},
      {"duplicate key", ok + "first_response = 3h\n", ":3:", "expected an INI file"},
  };
  TempDir dir;
  for (const auto &c : cases) {
    auto file = dir.write("sla.ini", c.content);
    std::string msg = load_error(file);
    EXPECT_EQ(msg.rfind(file.string(), 0), 0u) << c.name << ": " << msg;
    EXPECT_NE(msg.find(c.where + (c.where.empty() || c.where.front() == ':' ? "" : ":")), std::string::npos)
        << c.name << ": " << msg;
    EXPECT_NE(msg.find(c.expected), std::string::npos) << c.name << ": " << msg;
  }
}

TEST(SlaPolicyLoad, AMissingFileIsNamed) {
  TempDir dir;
  auto missing = dir.path() / "nope.ini";
  std::string msg = load_error(missing);
  EXPECT_NE(msg.find(missing.string()), std::string::npos) << msg;
}
