#include "core/workflow/sla_watch.hpp"

#include <map>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

namespace qloop::workflow {
namespace {

using domain::Timestamp;

// When each target counts as met: the first outbound contact answers the
// first-response and acknowledgement targets, the first D3 action that is
// done the containment one, D8's closure the closure one. The root-cause
// target is met once an occurrence cause is recorded (no time is kept for
// it, so it is taken as met now).
std::optional<Timestamp> met_at(const ComplaintFile &file, SlaTarget target, Timestamp now) {
  switch (target) {
  case SlaTarget::FirstResponse:
  case SlaTarget::Acknowledge:
    for (const auto &k : file.contacts)
      if (k.direction == domain::Direction::Outbound) return k.at;
    return std::nullopt;
  case SlaTarget::Containment:
    if (!file.eight_d.d3.empty()) return file.eight_d.d3.front().done_at;
    return std::nullopt;
  case SlaTarget::RootCause:
    if (file.eight_d.has_cause("occurrence")) return now;
    return std::nullopt;
  case SlaTarget::Closure: return file.eight_d.d8.closed_at;
  }
  return std::nullopt;
}

constexpr SlaTarget kTargets[] = {SlaTarget::FirstResponse, SlaTarget::Acknowledge, SlaTarget::Containment,
                                  SlaTarget::RootCause, SlaTarget::Closure};

void add_items(const domain::Complaint &c, const ComplaintFile &file, const SlaPolicy &policy, Timestamp now,
               std::vector<SlaItem> &out) {
  const auto per = policy.targets.find(c.severity);
  if (per == policy.targets.end()) return;
  for (auto target : kTargets) {
    if (!per->second.count(target)) continue;
    auto met = met_at(file, target, now);
    if (met && *met > now) met.reset(); // judged as of a time before it was met
    const SlaState s = evaluate(policy, c.severity, target, c.received_at, met, now, file.pauses);
    // Met in time, or the root cause (met with no time kept): nothing to watch.
    if (met && (target == SlaTarget::RootCause || !s.breached)) continue;
    out.push_back({c.id, c.number, c.owner, c.severity, c.waiting_on_customer, s, met});
  }
}

} // namespace

std::vector<SlaItem> open_sla_items(Ledger &ledger, const SlaPolicy &policy, Timestamp now) {
  store::ComplaintFilter f;
  f.open_only = true;
  f.limit = 1000000;
  std::vector<domain::Complaint> open;
  ledger.store().read([&] { open = ledger.store().complaints(f); });
  std::vector<SlaItem> items;
  for (const auto &c : open) add_items(c, ledger.file(c.id), policy, now, items);
  return items;
}

std::vector<Escalation> raise_escalations(Ledger &ledger, const SlaPolicy &policy, Timestamp now,
                                          const std::string &actor) {
  std::vector<Escalation> raised;
  std::map<std::int64_t, std::vector<SlaItem>> by_complaint;
  for (auto &item : open_sla_items(ledger, policy, now))
    if (!item.met_at) by_complaint[item.complaint_id].push_back(std::move(item)); // still running
  for (const auto &[id, items] : by_complaint) {
    ledger.store().write([&] {
      // (target, role) pairs already raised for this complaint.
      std::set<std::pair<std::string, std::string>> done;
      store::AuditFilter f;
      f.complaint_id = id;
      for (const auto &e : ledger.store().events(f)) {
        if (e.kind != kEscalationEvent) continue;
        const auto after = nlohmann::json::parse(e.after, nullptr, false);
        if (after.is_object()) done.emplace(after.value("target", ""), after.value("role", ""));
      }
      for (const auto &item : items)
        for (const auto &level : policy.escalation) {
          if (item.state.fraction < level.fraction) break; // ascending
          const std::string target = sla_target_name(item.state.target);
          if (!done.emplace(target, level.role).second) continue;
          const nlohmann::json after = {{"target", target},
                                        {"role", level.role},
                                        {"level", level.fraction},
                                        {"used_fraction", item.state.fraction},
                                        {"due", item.state.due ? domain::format_iso(*item.state.due) : ""}};
          ledger.audit(actor, id, kEscalationEvent, "", after.dump(),
                       "SLA " + target + ": " + std::to_string(static_cast<int>(level.fraction * 100)) +
                           "% of the target used, escalated to " + level.role);
          raised.push_back(
              {id, item.number, item.state.target, level.role, level.fraction, item.state.fraction});
        }
    });
  }
  return raised;
}

} // namespace qloop::workflow
