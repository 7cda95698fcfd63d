// The KPI report the host sends (core/domain/kpi.cpp to_json, docs/kpi.md)
// as the writers see it: numbers kept as numbers (the XLSX writes them as
// such), every text cleaned (valid UTF-8, no control characters, bounded),
// the periods as local dates. Nothing here is formatted for display.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace qloop::review {

// One side of a KPI: a count, a mean or a share 0..1 and what it came from.
struct Figure {
  std::optional<double> value; // none when the denominator is 0
  std::int64_t numerator = 0, denominator = 0, pending = 0;
};

struct Kpi {
  std::string id;   // "received", "first_response_in_target", ...
  std::string unit; // "count", "days", "share", "score" (another unit is shown as a plain number)
  Figure current, previous;
  std::optional<double> change; // counts: relative; shares: difference of the 0..1 values; else difference
};

// A Pareto or distribution item, largest first.
struct Item {
  std::string key; // as stored: product model, category, "category / subcategory"
  std::int64_t count = 0;
  double share = 0, cumulative = 0; // 0..1
  bool vital = false;               // among the vital few
};

struct Month {
  std::string month; // "2026-03"
  std::int64_t received = 0, closed = 0;
};

struct DateRange { // local days, both inclusive: "2026-01-01" .. "2026-12-31"
  std::string from, to;
};

struct Review {
  DateRange period, previous;
  std::string as_of;     // ISO 8601 as sent
  std::string time_zone; // of the days and months
  std::vector<Kpi> kpis;
  std::vector<Item> by_category, by_product, by_defect;
  double threshold = 0.8; // the vital few's cumulative share
  std::vector<Month> trend;

  const Kpi *kpi(const std::string &id) const; // nullptr when absent
};

// Reads one report object. Containers of the wrong type and values of the
// wrong type are errors naming the field ("report: 'kpis[2].current.value'
// must be a number or null"); absent lists are empty; unknown fields are
// ignored. Throws qloop::sdk::InvalidInput.
Review read_review(const nlohmann::json &report);

// "2026-03-01T00:00:00Z" (or with "+08:00") as a UTC time; none when it is not one.
std::optional<std::chrono::sys_seconds> parse_time(const std::string &iso);

// "2026-01-01" moved by `days` (negative: back), or "" when `date` is not a date.
std::string add_days(const std::string &date, int days);

} // namespace qloop::review
