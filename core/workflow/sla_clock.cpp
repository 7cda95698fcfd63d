#include "core/workflow/sla_clock.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/workflow/working_calendar.hpp"

namespace qloop::workflow {
namespace {

using detail::kForever;
using detail::Span;
using domain::Timestamp;
using std::chrono::seconds;

// Pauses as sorted, disjoint spans; an open pause runs to kForever. A pause
// whose end is not after its start stops nothing and is dropped.
std::vector<Span> merged_pauses(const std::vector<Pause> &pauses) {
  std::vector<Span> spans;
  spans.reserve(pauses.size());
  for (const auto &p : pauses) {
    Timestamp to = p.to.value_or(kForever);
    if (p.from < to) spans.push_back({p.from, to});
  }
  std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) { return a.from < b.from; });
  std::vector<Span> merged;
  for (const auto &s : spans) {
    if (!merged.empty() && s.from <= merged.back().to)
      merged.back().to = std::max(merged.back().to, s.to);
    else
      merged.push_back(s);
  }
  return merged;
}

// Hands `visit` the parts of `span` outside the pauses, in order. `next` is
// the index of the first pause that may still matter; it only moves forward,
// so a whole walk touches each pause once. False when `visit` asked to stop
// or an open pause stopped the clock for good.
template <class Visit>
bool visit_unpaused(Span span, const std::vector<Span> &pauses, std::size_t &next, Visit &visit) {
  Timestamp t = span.from;
  while (t < span.to) {
    while (next < pauses.size() && pauses[next].to <= t) ++next;
    if (next == pauses.size() || pauses[next].from >= span.to) return visit(Span{t, span.to});
    if (pauses[next].from > t && !visit(Span{t, pauses[next].from})) return false;
    if (pauses[next].to == kForever) return false;
    t = pauses[next].to;
  }
  return true;
}

// Walks the spans during which `clock` runs from `start` on, in time order,
// calling visit(span) until it returns false, the spans reach `limit`, or an
// open pause stops the clock. due_time() and elapsed() share this walk, which
// is what keeps them exact inverses of each other.
template <class Visit>
void walk_running_time(const SlaPolicy &policy, ClockKind clock, Timestamp start, Timestamp limit,
                       const std::vector<Span> &pauses, Visit visit) {
  std::size_t next_pause = 0;
  if (clock == ClockKind::Calendar) {
    visit_unpaused(Span{start, kForever}, pauses, next_pause, visit);
    return;
  }
  detail::CompiledCalendar calendar(policy.calendar);
  detail::WorkingSpans days(calendar, start);
  for (;;) {
    Span day = days.next();
    if (day.from >= limit) return; // also the end of a calendar with no working days left
    day.from = std::max(day.from, start);
    if (day.from < day.to && !visit_unpaused(day, pauses, next_pause, visit)) return;
    // Inside a long pause: jump to the day it ends instead of stepping through it.
    while (next_pause < pauses.size() && pauses[next_pause].to <= day.to) ++next_pause;
    if (next_pause < pauses.size() && pauses[next_pause].from <= day.to && pauses[next_pause].to != kForever)
      days.skip_to(pauses[next_pause].to);
  }
}

ClockKind clock_of(const SlaPolicy &policy, SlaTarget target) {
  auto it = policy.clocks.find(target);
  return it == policy.clocks.end() ? ClockKind::Calendar : it->second;
}

std::chrono::minutes allowed_for(const SlaPolicy &policy, domain::Severity severity, SlaTarget target) {
  auto sev = policy.targets.find(severity);
  if (sev != policy.targets.end()) {
    auto it = sev->second.find(target);
    if (it != sev->second.end()) return it->second;
  }
  throw std::invalid_argument(std::string("SLA policy has no ") + sla_target_name(target) + " target for " +
                              domain::severity_name(severity) + " complaints");
}

// What was known at `horizon`: pauses that began later cannot have stopped
// the clock before it, and must not hide a due time that already passed.
std::vector<Pause> pauses_begun_by(const std::vector<Pause> &pauses, Timestamp horizon) {
  std::vector<Pause> out;
  for (const auto &p : pauses)
    if (p.from < horizon) out.push_back(p);
  return out;
}

std::optional<std::string> escalation_reached(const SlaPolicy &policy, double fraction) {
  const EscalationLevel *highest = nullptr;
  for (const auto &level : policy.escalation)
    if (fraction >= level.fraction && (!highest || level.fraction > highest->fraction)) highest = &level;
  if (!highest) return std::nullopt;
  return highest->role;
}

} // namespace

std::optional<Timestamp> due_time(const SlaPolicy &policy, ClockKind clock, Timestamp start,
                                  std::chrono::minutes target, const std::vector<Pause> &pauses) {
  if (target <= std::chrono::minutes{0}) return start;
  seconds remaining = target;
  std::optional<Timestamp> due;
  walk_running_time(policy, clock, start, kForever, merged_pauses(pauses), [&](Span s) {
    // Compared as from + remaining <= to: `to` may be kForever, and to - from would overflow.
    if (s.from + remaining <= s.to) {
      due = s.from + remaining;
      return false;
    }
    remaining -= s.to - s.from;
    return true;
  });
  return due; // empty: an open pause (or a calendar without working days) stopped the clock first
}

seconds elapsed(const SlaPolicy &policy, ClockKind clock, Timestamp start, Timestamp until,
                const std::vector<Pause> &pauses) {
  seconds total{0};
  if (until <= start) return total;
  walk_running_time(policy, clock, start, until, merged_pauses(pauses), [&](Span s) {
    if (s.from >= until) return false;
    total += std::min(s.to, until) - s.from;
    return s.to < until;
  });
  return total;
}

SlaState evaluate(const SlaPolicy &policy, domain::Severity severity, SlaTarget target, Timestamp start,
                  std::optional<Timestamp> met_at, Timestamp now, const std::vector<Pause> &pauses) {
  SlaState st{};
  st.target = target;
  st.allowed = allowed_for(policy, severity, target);
  // A met_at later than `now` had not happened yet at `now`.
  const bool met = met_at && *met_at <= now;
  const Timestamp horizon = met ? *met_at : now;
  const ClockKind clock = clock_of(policy, target);
  const auto known = pauses_begun_by(pauses, horizon);
  st.due = due_time(policy, clock, start, st.allowed, known);
  st.used = elapsed(policy, clock, start, horizon, known);
  st.fraction = static_cast<double>(st.used.count()) / static_cast<double>(seconds{st.allowed}.count());
  st.breached = st.used > st.allowed;
  st.met = met && !st.breached;
  st.escalated_to = escalation_reached(policy, st.fraction);
  return st;
}

} // namespace qloop::workflow
