// The KPI engine: the brief's figures for a period, against the period of
// the same length just before it, from the store's per-complaint facts and
// the SLA policy (targets, clocks, calendar). Formulas: docs/kpi.md.
#pragma once

#include <string>

#include "core/domain/kpi.hpp"
#include "core/store/store.hpp"
#include "core/workflow/sla_policy.hpp"

namespace qloop::workflow {

// [from 00:00, to + 1 day 00:00) in `time_zone` (IANA name); dates are
// "YYYY-MM-DD", `to` inclusive. Throws std::invalid_argument naming the
// option ("--from", "--to") when a date is not one, or to < from.
domain::Period period_of_dates(const std::string &from, const std::string &to, const std::string &time_zone);

// The report for `period`; `as_of` decides what is still pending (targets
// not met and not yet due). Reads the store in one snapshot.
domain::KpiReport compute_kpis(store::Store &store, const SlaPolicy &policy, const domain::Period &period,
                               domain::Timestamp as_of, double pareto_threshold = 0.8);

} // namespace qloop::workflow
