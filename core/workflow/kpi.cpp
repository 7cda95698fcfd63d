#include "core/workflow/kpi.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>
#include <stdexcept>

#include <date/tz.h>

#include "core/workflow/sla_clock.hpp"

namespace qloop::workflow {
namespace {

using domain::ComplaintFacts;
using domain::Kpi;
using domain::KpiValue;
using domain::Period;
using domain::Status;
using domain::Timestamp;

bool in(const Period &p, Timestamp t) { return t >= p.from && t < p.to; }
bool in(const Period &p, const std::optional<Timestamp> &t) { return t && in(p, *t); }

// Neither a duplicate of another complaint nor rejected as not one.
bool counts(const ComplaintFacts &f) { return f.status != Status::Duplicate && f.status != Status::Rejected; }

bool resolved(Status s) {
  return s == Status::FeedingBack || s == Status::Revisiting || s == Status::Archived;
}

std::vector<Pause> pauses_of(const ComplaintFacts &f) {
  std::vector<Pause> out;
  for (const auto &[from, to] : f.pauses) out.push_back({from, to, ""});
  return out;
}

// A share n/d; met/missed by an SLA target, with the ones not yet decided
// (open and not yet due at as_of) kept out and counted as pending.
struct Tally {
  std::int64_t hits = 0, total = 0, pending = 0;
  void add(bool hit) { ++total, hits += hit; }
  KpiValue share() const {
    KpiValue v{std::nullopt, hits, total, pending};
    if (total > 0) v.value = static_cast<double>(hits) / static_cast<double>(total);
    return v;
  }
};

// Was `target` met in time, judged at as_of: true / false, or nothing while
// it is still open and not yet due (or the policy has no such target).
std::optional<bool> target_met(const SlaPolicy &policy, const ComplaintFacts &f, SlaTarget target,
                               std::optional<Timestamp> met_at, Timestamp as_of) {
  const auto per = policy.targets.find(f.severity);
  if (per == policy.targets.end() || !per->second.count(target)) return std::nullopt;
  if (met_at && *met_at > as_of) met_at.reset();
  const SlaState s = evaluate(policy, f.severity, target, f.received_at, met_at, as_of, pauses_of(f));
  if (met_at) return !s.breached;
  if (s.breached) return false;
  return std::nullopt;
}

struct PeriodFigures {
  std::int64_t received = 0, critical = 0, major = 0;
  std::int64_t cycle_n = 0;
  double cycle_days = 0;
  Tally first_response, acknowledged, closed_on_time, eight_d_on_time, resolution, recurrence;
  std::int64_t satisfaction_n = 0, satisfied = 0;
  double satisfaction_sum = 0;
};

PeriodFigures figures(const std::vector<ComplaintFacts> &facts,
                      const std::vector<domain::RevisitFact> &revisits, const SlaPolicy &policy,
                      const Period &p, Timestamp as_of) {
  PeriodFigures g;
  for (const auto &f : facts) {
    if (in(p, f.received_at) && counts(f)) {
      ++g.received;
      g.critical += f.severity == domain::Severity::Critical;
      g.major += f.severity == domain::Severity::Major;
      auto judge = [&](Tally &t, SlaTarget target, std::optional<Timestamp> met) {
        const auto r = target_met(policy, f, target, met, as_of);
        if (r)
          t.add(*r);
        else if (policy.targets.count(f.severity) && policy.targets.at(f.severity).count(target))
          ++t.pending;
      };
      judge(g.first_response, SlaTarget::FirstResponse, f.first_response_at);
      judge(g.acknowledged, SlaTarget::Acknowledge, f.first_response_at);
      g.resolution.add(resolved(f.status));
    }
    if (f.status == Status::Archived && in(p, f.closed_at)) {
      g.cycle_days += std::chrono::duration<double>(*f.closed_at - f.received_at).count() / 86400.0;
      ++g.cycle_n;
      const auto closure = f.eight_d_closed_at ? f.eight_d_closed_at : f.closed_at;
      const auto closed = target_met(policy, f, SlaTarget::Closure, closure, as_of);
      if (closed) g.closed_on_time.add(*closed);
      const auto contained = target_met(policy, f, SlaTarget::Containment, f.contained_at, as_of);
      if (closed && contained) g.eight_d_on_time.add(*closed && *contained);
      g.recurrence.add(f.recurred);
    }
  }
  for (const auto &r : revisits) {
    if (!in(p, r.at) || r.waived || r.satisfaction < 1) continue;
    ++g.satisfaction_n;
    g.satisfaction_sum += r.satisfaction;
    g.satisfied += r.satisfaction >= 4;
  }
  return g;
}

KpiValue count(std::int64_t n) { return {static_cast<double>(n), n, 0, 0}; }
KpiValue mean(double sum, std::int64_t n) {
  KpiValue v{std::nullopt, 0, n, 0};
  if (n > 0) v.value = sum / static_cast<double>(n);
  return v;
}

Kpi kpi(std::string id, std::string unit, KpiValue current, KpiValue previous) {
  Kpi k{std::move(id), std::move(unit), current, previous, std::nullopt};
  if (current.value && previous.value) {
    if (k.unit == "count") {
      if (*previous.value != 0) k.change = (*current.value - *previous.value) / *previous.value;
    } else {
      k.change = *current.value - *previous.value;
    }
  }
  return k;
}

std::vector<domain::ParetoItem> pareto(const std::map<std::string, std::int64_t> &counts, double threshold) {
  std::vector<domain::ParetoItem> items;
  std::int64_t total = 0;
  for (const auto &[key, n] : counts) {
    items.push_back({key, n, 0, 0, false});
    total += n;
  }
  // Largest first; ties by name so the order is stable.
  std::stable_sort(items.begin(), items.end(),
                   [](const auto &a, const auto &b) { return a.count > b.count; });
  double cumulative = 0;
  for (auto &item : items) {
    item.share = total ? static_cast<double>(item.count) / static_cast<double>(total) : 0;
    // Vital few: the items that bring the cumulative share up to the
    // threshold, the one that crosses it included.
    item.vital = cumulative < threshold;
    cumulative += item.share;
    item.cumulative = cumulative;
  }
  return items;
}

std::string month_of(Timestamp t, const date::time_zone *zone) {
  const auto local = zone->to_local(t);
  const date::year_month_day ymd{date::floor<date::days>(local)};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()));
  return buf;
}

} // namespace

Period period_of_dates(const std::string &from, const std::string &to, const std::string &time_zone) {
  auto day = [](const std::string &text, const char *option) {
    date::year_month_day ymd{};
    std::istringstream in(text);
    in >> date::parse("%F", ymd);
    if (in.fail() || text.size() != 10 || !ymd.ok())
      throw std::invalid_argument(std::string(option) + ": expected a date YYYY-MM-DD, got '" + text + "'");
    return date::local_days{ymd};
  };
  const auto first = day(from, "--from"), last = day(to, "--to");
  if (last < first) throw std::invalid_argument("--to: " + to + " is before --from " + from);
  const date::time_zone *zone = date::locate_zone(time_zone);
  return {date::floor<std::chrono::seconds>(zone->to_sys(first, date::choose::earliest)),
          date::floor<std::chrono::seconds>(zone->to_sys(last + date::days{1}, date::choose::earliest))};
}

domain::KpiReport compute_kpis(store::Store &store, const SlaPolicy &policy, const Period &period,
                               Timestamp as_of, double pareto_threshold) {
  domain::KpiReport r;
  r.period = period;
  r.previous = {period.from - (period.to - period.from), period.from};
  r.as_of = as_of;
  r.time_zone = policy.calendar.time_zone;
  r.pareto_threshold = pareto_threshold;
  std::vector<ComplaintFacts> facts;
  std::vector<domain::RevisitFact> revisits;
  store.read([&] {
    facts = store.complaint_facts(r.previous.from, period.to);
    revisits = store.revisit_facts(r.previous.from, period.to);
  });
  const auto now = figures(facts, revisits, policy, period, as_of);
  const auto before = figures(facts, revisits, policy, r.previous, as_of);

  r.kpis.push_back(kpi("received", "count", count(now.received), count(before.received)));
  r.kpis.push_back(
      kpi("major", "count", count(now.major + now.critical), count(before.major + before.critical)));
  r.kpis.push_back(kpi("critical", "count", count(now.critical), count(before.critical)));
  r.kpis.push_back(kpi("average_cycle_days", "days", mean(now.cycle_days, now.cycle_n),
                       mean(before.cycle_days, before.cycle_n)));
  r.kpis.push_back(
      kpi("first_response_in_target", "share", now.first_response.share(), before.first_response.share()));
  r.kpis.push_back(
      kpi("acknowledged_in_target", "share", now.acknowledged.share(), before.acknowledged.share()));
  r.kpis.push_back(kpi("closed_on_time", "share", now.closed_on_time.share(), before.closed_on_time.share()));
  r.kpis.push_back(kpi("resolution_rate", "share", now.resolution.share(), before.resolution.share()));
  r.kpis.push_back(kpi("satisfaction", "score", mean(now.satisfaction_sum, now.satisfaction_n),
                       mean(before.satisfaction_sum, before.satisfaction_n)));
  Tally sat_now{now.satisfied, now.satisfaction_n, 0}, sat_before{before.satisfied, before.satisfaction_n, 0};
  r.kpis.push_back(kpi("revisit_satisfied", "share", sat_now.share(), sat_before.share()));
  r.kpis.push_back(kpi("recurrence_rate", "share", now.recurrence.share(), before.recurrence.share()));
  r.kpis.push_back(
      kpi("eight_d_on_time", "share", now.eight_d_on_time.share(), before.eight_d_on_time.share()));

  std::map<std::string, std::int64_t> by_category, by_product, by_defect;
  std::map<std::string, domain::MonthCount> months;
  const date::time_zone *zone = date::locate_zone(r.time_zone);
  // Every month of the period, also the empty ones.
  for (auto t = period.from; t < period.to; t += std::chrono::hours(24)) {
    const auto m = month_of(t, zone);
    months.emplace(m, domain::MonthCount{m, 0, 0});
  }
  for (const auto &f : facts) {
    if (in(period, f.received_at) && counts(f)) {
      ++by_category[f.category.empty() ? "(none)" : f.category];
      ++by_product[f.product_model.empty() ? "(none)" : f.product_model];
      ++by_defect[(f.category.empty() ? "(none)" : f.category) +
                  (f.subcategory.empty() ? "" : " / " + f.subcategory)];
      ++months[month_of(f.received_at, zone)].received;
    }
    if (f.status == Status::Archived && in(period, f.closed_at))
      ++months[month_of(*f.closed_at, zone)].closed;
  }
  r.by_category = pareto(by_category, 1.0);
  r.pareto_product = pareto(by_product, pareto_threshold);
  r.pareto_defect = pareto(by_defect, pareto_threshold);
  for (auto &[key, m] : months) r.trend.push_back(m);
  return r;
}

} // namespace qloop::workflow
