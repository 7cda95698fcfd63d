#include "core/domain/kpi.hpp"

namespace qloop::domain {
namespace {

nlohmann::json value_json(const KpiValue &v) {
  nlohmann::json j = {{"value", v.value ? nlohmann::json(*v.value) : nlohmann::json()},
                      {"numerator", v.numerator},
                      {"denominator", v.denominator}};
  if (v.pending) j["pending"] = v.pending;
  return j;
}

nlohmann::json items_json(const std::vector<ParetoItem> &items) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto &i : items)
    a.push_back({{"key", i.key},
                 {"count", i.count},
                 {"share", i.share},
                 {"cumulative", i.cumulative},
                 {"vital", i.vital}});
  return a;
}

nlohmann::json period_json(const Period &p) {
  return {{"from", format_iso(p.from)}, {"to", format_iso(p.to)}};
}

} // namespace

nlohmann::json to_json(const KpiReport &r) {
  nlohmann::json kpis = nlohmann::json::array();
  for (const auto &k : r.kpis)
    kpis.push_back({{"id", k.id},
                    {"unit", k.unit},
                    {"current", value_json(k.current)},
                    {"previous", value_json(k.previous)},
                    {"change", k.change ? nlohmann::json(*k.change) : nlohmann::json()}});
  nlohmann::json trend = nlohmann::json::array();
  for (const auto &m : r.trend)
    trend.push_back({{"month", m.month}, {"received", m.received}, {"closed", m.closed}});
  return {{"period", period_json(r.period)},
          {"previous_period", period_json(r.previous)},
          {"as_of", format_iso(r.as_of)},
          {"time_zone", r.time_zone},
          {"kpis", kpis},
          {"by_category", items_json(r.by_category)},
          {"pareto",
           {{"threshold", r.pareto_threshold},
            {"product", items_json(r.pareto_product)},
            {"defect", items_json(r.pareto_defect)}}},
          {"trend", trend}};
}

} // namespace qloop::domain
