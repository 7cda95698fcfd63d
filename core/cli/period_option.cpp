#include "core/cli/period_option.hpp"

#include <stdexcept>

#include <date/tz.h>

#include "core/cli/exit_codes.hpp"
#include "core/workflow/kpi.hpp"

namespace qloop::cli {

PeriodChoice choose_period(const std::string &from, const std::string &to, const std::string &time_zone,
                           domain::Timestamp now) {
  PeriodChoice c;
  c.to = to.empty() ? date::format("%F", date::floor<date::days>(date::locate_zone(time_zone)->to_local(now)))
                    : to;
  c.from = from.empty() ? c.to.substr(0, 4) + "-01-01" : from;
  try {
    c.period = workflow::period_of_dates(c.from, c.to, time_zone);
  } catch (const std::invalid_argument &e) {
    throw CommandError{kExitUsage, e.what()};
  }
  return c;
}

} // namespace qloop::cli
