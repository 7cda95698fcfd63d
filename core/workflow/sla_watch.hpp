// The SLA watch over the open ledger: which targets are breached or due soon,
// and the escalation events raised to the configured roles as each level's
// share of a target runs out. `qloop sla check` lists; `qloop sla escalate`
// (and `qloop serve` on its schedule, later) raises.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/severity.hpp"
#include "core/workflow/ledger.hpp"
#include "core/workflow/sla_clock.hpp"
#include "core/workflow/sla_policy.hpp"

namespace qloop::workflow {

// One target of one open complaint that is not met in time.
struct SlaItem {
  std::int64_t complaint_id = 0;
  std::string number, owner;
  domain::Severity severity{};
  bool waiting_on_customer = false;
  SlaState state;
  std::optional<domain::Timestamp> met_at; // met, but late; empty while running
};

// Every target of every open complaint that is still running or was met late,
// judged at `now`, in complaint order.
std::vector<SlaItem> open_sla_items(Ledger &ledger, const SlaPolicy &policy, domain::Timestamp now);

// An escalation level reached: the role told, and at which share of the target.
struct Escalation {
  std::int64_t complaint_id = 0;
  std::string number;
  SlaTarget target{};
  std::string role;
  double level = 0;         // the level's fraction of the target, e.g. 0.8
  double used_fraction = 0; // how much of the target had run at `now`
};

// Records an "sla.escalated" audit event (actor, the target, role, level and
// used share) for each escalation level an open target has reached and that
// has no such event yet; returns the ones recorded now. Idempotent: run it
// again, or from two processes at once, and nothing is raised twice (the
// check and the append share one write transaction per complaint).
std::vector<Escalation> raise_escalations(Ledger &ledger, const SlaPolicy &policy, domain::Timestamp now,
                                          const std::string &actor);

inline constexpr const char *kEscalationEvent = "sla.escalated";

} // namespace qloop::workflow
