// The --from/--to dates of the KPI commands (qloop kpi, qloop export review),
// resolved once: local days of the SLA calendar's time zone, defaulting to
// 1 January of this year up to today.
#pragma once

#include <string>

#include "core/domain/kpi.hpp"

namespace qloop::cli {

struct PeriodChoice {
  std::string from, to; // YYYY-MM-DD, `to` inclusive
  domain::Period period;
};

// Throws CommandError (usage) for a date that is not one, or to < from.
PeriodChoice choose_period(const std::string &from, const std::string &to, const std::string &time_zone,
                           domain::Timestamp now);

} // namespace qloop::cli
