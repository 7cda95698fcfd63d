// The KPIs a CQE reports for a period against the one before it (the brief's
// figures: volume, type mix, cycle, first response, on-time closure,
// resolution, satisfaction, major complaints, recurrence, 8D on time, Pareto).
// The formulas are in docs/kpi.md; workflow/kpi.cpp computes them from the
// per-complaint facts the store extracts. One implementation serves the
// review exporter and the dashboard.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/domain/severity.hpp"
#include "core/domain/status.hpp"
#include "core/domain/time.hpp"

namespace qloop::domain {

// What the KPIs need of one complaint, read by the store in one query.
struct ComplaintFacts {
  std::int64_t id = 0;
  std::string number;
  Timestamp received_at{};
  std::optional<Timestamp> closed_at; // archived
  Status status = Status::Received;
  Severity severity = Severity::Minor;
  std::string category, subcategory, product_model;
  std::optional<Timestamp> first_response_at; // first outbound contact
  std::optional<Timestamp> contained_at;      // first D3 action done
  std::optional<Timestamp> eight_d_closed_at; // D8
  bool recurrence = false;                    // links to an earlier archived case
  bool recurred = false;                      // a later complaint links to it, or a revisit says it came back
  std::vector<std::pair<Timestamp, std::optional<Timestamp>>> pauses; // waiting on the customer
};

struct RevisitFact {
  std::int64_t complaint_id = 0;
  Timestamp at{};
  int satisfaction = 0; // 1..5
  bool waived = false;
};

struct Period {
  Timestamp from{}, to{}; // [from, to)
};

// One KPI: a value (a count, a mean or a share 0..1) with what it was
// computed from, for the period and the one before; `value` empty when the
// denominator is 0.
struct KpiValue {
  std::optional<double> value;
  std::int64_t numerator = 0, denominator = 0; // share: n/d; mean: sum is not kept, d = how many
  std::int64_t pending = 0;                    // not decided yet at as_of (open and not yet due)
};

struct Kpi {
  std::string id;   // "received", "first_response_in_target", ...
  std::string unit; // "count", "days", "share", "score"
  KpiValue current, previous;
  std::optional<double> change; // current - previous (relative for counts: (c - p) / p)
};

struct ParetoItem {
  std::string key;
  std::int64_t count = 0;
  double share = 0, cumulative = 0;
  bool vital = false; // within the first `threshold` of the total
};

struct MonthCount {
  std::string month; // "2026-03" in the policy's time zone
  std::int64_t received = 0, closed = 0;
};

struct KpiReport {
  Period period, previous;
  Timestamp as_of{};
  std::string time_zone;
  std::vector<Kpi> kpis;
  std::vector<ParetoItem> by_category;    // type distribution (all, share of the total)
  std::vector<ParetoItem> pareto_product; // received in the period, by product model
  std::vector<ParetoItem> pareto_defect;  // by category / subcategory
  std::vector<MonthCount> trend;          // per month of the period
  double pareto_threshold = 0.8;
};

nlohmann::json to_json(const KpiReport &r);

} // namespace qloop::domain
