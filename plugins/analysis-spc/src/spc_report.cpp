#include "spc_report.hpp"

#include <algorithm>
#include <map>

#include "json_out.hpp"
#include "svg_charts.hpp"

namespace qloop::spc {
namespace {

constexpr double kPanelWidth = 960;
constexpr double kPanelHeight = 320;
// Rows of the "flagged points" display table (details list more).
constexpr std::size_t kFlaggedTableRows = 50;
constexpr const char *kConstantsMethod = "exact: d2 and d3 by numerical integration of the normal range "
                                         "distribution (20-point Gauss-Legendre panels, "
                                         "agrees with the closed forms for n = 2, 3 to 1e-13), c4 from the "
                                         "gamma function (Boost.Math); no rounded "
                                         "table values";

// Flagged points of one chart: point index -> rule ids, from the capped lists.
std::map<std::size_t, std::vector<std::string>> flagged_points(const ViolationLog &log) {
  std::map<std::size_t, std::vector<std::string>> out;
  for (std::size_t k = 0; k < kRuleCount; ++k)
    for (std::size_t i : log.first(rule_at(k))) out[i].emplace_back(rule_info(rule_at(k)).id);
  return out;
}

Json limits_json(const ChartSeries &c, bool list_points) {
  const ControlLimits &l = c.limits.first();
  Json j = {
      {"source", source_name(c.source)}, {"varying", !c.limits.is_constant()}, {"center", number(l.center)}};
  if (c.limits.is_constant()) {
    j["ucl"] = number(l.ucl);
    j["lcl"] = number(l.lcl);
    j["sigma_up"] = number(l.sigma_up);
    j["sigma_down"] = number(l.sigma_down);
  } else if (list_points) {
    Json center = Json::array(), ucl = Json::array(), lcl = Json::array(), sigma = Json::array();
    for (std::size_t i = 0; i < c.size(); ++i) {
      const ControlLimits &p = c.limits.at(i);
      center.push_back(number(p.center));
      ucl.push_back(number(p.ucl));
      lcl.push_back(number(p.lcl));
      sigma.push_back(number(p.sigma_up));
    }
    j["center"] = std::move(center);
    j["ucl"] = std::move(ucl);
    j["lcl"] = std::move(lcl);
    j["sigma"] = std::move(sigma);
  }
  return j;
}

std::string rule_list_text(const std::vector<std::size_t> &points, std::size_t first_number,
                           std::size_t count) {
  std::string out;
  const std::size_t shown = std::min<std::size_t>(points.size(), 10);
  for (std::size_t k = 0; k < shown; ++k) out += (k ? ", " : "") + std::to_string(first_number + points[k]);
  if (count > shown) out += ", …";
  return out;
}

} // namespace

Json spc_result(const ChartSet &set, const SpcReportOptions &o) {
  const Labels &L = o.labels;
  Json summary = Json::object();
  summary["chart"] = set.type;
  summary["points"] = set.points;
  summary["phase1_points"] = set.phase1_points;
  std::size_t total = 0, flagged = 0;
  for (const auto &c : set.charts) {
    const ControlLimits &l = c.limits.first();
    summary[c.name + "_center"] = rounded(l.center, 8);
    if (c.limits.is_constant()) {
      summary[c.name + "_ucl"] = rounded(l.ucl, 8);
      summary[c.name + "_lcl"] = rounded(l.lcl, 8);
    } else {
      summary[c.name + "_limits"] = "vary with sample size";
    }
    total += c.violations->total();
    flagged += c.violations->points_flagged();
  }
  if (std::isfinite(set.sigma_within) && set.sigma_within > 0)
    summary["sigma_within"] = rounded(set.sigma_within, 8);
  summary["rule_violations"] = total;
  summary["points_flagged"] = flagged;
  summary["in_control"] = total == 0;

  Json limits_rows = Json::array(), violation_rows = Json::array(), flagged_rows = Json::array();
  Json findings = Json::array();
  Json charts_detail = Json::array();
  for (const auto &c : set.charts) {
    const ViolationLog &log = *c.violations;
    const bool small = c.size() <= o.max_points;
    const ControlLimits &l = c.limits.first();
    std::string rules_text;
    for (const auto &id : c.rules.ids()) rules_text += (rules_text.empty() ? "" : " ") + id;
    limits_rows.push_back({c.name, c.size(), rounded(l.center, 8),
                           c.limits.is_constant() ? rounded(l.lcl, 8) : Json("varies"),
                           c.limits.is_constant() ? rounded(l.ucl, 8) : Json("varies"),
                           rounded(l.sigma_up, 6), source_name(c.source), rules_text});

    Json by_rule = Json::object();
    for (Rule r : c.rules.rules()) {
      const std::size_t count = log.count(r);
      Json points = Json::array();
      for (std::size_t i : log.first(r)) points.push_back(c.first_number + i);
      by_rule[rule_info(r).id] = {
          {"count", count}, {"points", points}, {"truncated", count > log.first(r).size()}};
      if (count == 0) continue;
      const std::string where_text = rule_list_text(log.first(r), c.first_number, count);
      violation_rows.push_back(
          {c.name, rule_info(r).id, L.zh ? rule_info(r).zh : rule_info(r).en, count, where_text});
      findings.push_back(finding(
          "warning", rule_info(r).id,
          L.panel_title(c.name) + ": " + (L.zh ? rule_info(r).zh : rule_info(r).en) + " — " +
              std::to_string(count) +
              (L.zh ? " 次，点 " : (count == 1 ? " time, at point " : " times, at points ")) + where_text,
          {{"chart", c.name}, {"points", points}}));
    }
    Json flagged_list = Json::array();
    for (const auto &[i, ids] : flagged_points(log)) {
      if (flagged_list.size() >= o.max_violations) break;
      flagged_list.push_back({{"point", c.first_number + i}, {"value", number(c.value(i))}, {"rules", ids}});
      if (flagged_rows.size() < kFlaggedTableRows) {
        std::string joined;
        for (const auto &id : ids) joined += (joined.empty() ? "" : " ") + id;
        flagged_rows.push_back({c.name, c.first_number + i, rounded(c.value(i), 8), joined});
      }
    }
    Json detail = {{"name", c.name},
                   {"title", L.panel_title(c.name)},
                   {"family", family_name(c.family)},
                   {"first_point", c.first_number},
                   {"points", c.size()},
                   {"limits", limits_json(c, small)},
                   {"rules", c.rules.ids()},
                   {"violations",
                    {{"total", log.total()}, {"points_flagged", log.points_flagged()}, {"by_rule", by_rule}}},
                   {"flagged", flagged_list}};
    if (small) {
      Json values = Json::array();
      for (std::size_t i = 0; i < c.size(); ++i) values.push_back(number(c.value(i)));
      detail["values"] = std::move(values);
    }
    charts_detail.push_back(std::move(detail));
  }
  if (total == 0)
    findings.push_back(finding("info", "in-control",
                               L.text("no rule violations on any chart", "所有控制图均未违反判异规则")));

  Json tables = Json::array();
  tables.push_back({{"title", L.text("Control limits", "控制限")},
                    {"columns", {"chart", "points", "center", "LCL", "UCL", "sigma", "source", "rules"}},
                    {"rows", limits_rows}});
  if (!violation_rows.empty())
    tables.push_back({{"title", L.text("Rule violations", "判异规则违反")},
                      {"columns", {"chart", "rule", "description", "count", "points"}},
                      {"rows", violation_rows}});
  if (!flagged_rows.empty())
    tables.push_back({{"title", L.text("Flagged points", "异常点")},
                      {"columns", {"chart", "point", "value", "rules"}},
                      {"rows", flagged_rows}});

  Json details = {{"chart", set.type},
                  {"points", set.points},
                  {"phase1_points", set.phase1_points},
                  {"sigma_within", number(set.sigma_within)},
                  {"sigma_method", set.sigma_method}};
  if (o.phase1_prefix) details["phase1_prefix"] = o.phase1_prefix;
  if (!o.value_field.empty()) details["value_field"] = o.value_field;
  Json stats = Json::object(), constants = Json::object();
  for (const auto &[k, v] : set.statistics) stats[k] = number(v);
  for (const auto &[k, v] : set.constants) constants[k] = number(v);
  details["statistics"] = stats;
  details["constants"] = constants;
  details["constants_method"] = kConstantsMethod;
  if (o.spec.lsl || o.spec.usl)
    details["spec"] = {{"lsl", o.spec.lsl ? Json(*o.spec.lsl) : Json()},
                       {"usl", o.spec.usl ? Json(*o.spec.usl) : Json()},
                       {"target", o.spec.target ? Json(*o.spec.target) : Json()}};
  if (!o.point_labels.empty() && o.point_labels.size() <= o.max_points)
    details["point_labels"] = o.point_labels;
  details["charts"] = std::move(charts_detail);
  details["output_caps"] = {{"max_violations", o.max_violations},
                            {"max_points", o.max_points},
                            {"values_listed", set.charts.front().size() <= o.max_points}};

  Json charts = Json::array();
  if (o.plot && o.max_points > 0) {
    std::vector<std::string> panels;
    for (const auto &c : set.charts) {
      PanelSpec p;
      p.series = &c;
      p.title = L.panel_title(c.name);
      p.x_label = L.x_axis(set.type);
      if (c.name == "i") p.lsl = o.spec.lsl, p.usl = o.spec.usl;
      // The MR chart starts at point 2, so its boundary shifts by one.
      p.phase1_prefix = o.phase1_prefix ? o.phase1_prefix - (c.first_number - 1) : 0;
      p.max_points = o.max_points;
      p.labels = L;
      panels.push_back(control_panel_svg(p, kPanelWidth, kPanelHeight));
    }
    charts.push_back({{"title", L.chart_title(set.type)},
                      {"kind", "control-chart"},
                      {"svg", stack_panels(panels, kPanelWidth, kPanelHeight)}});
  }

  Json warnings = Json::array();
  for (const auto &w : set.warnings) warnings.push_back(w);
  if (set.charts.front().size() > o.max_points)
    warnings.push_back(
        "more than " + std::to_string(o.max_points) +
        " points: per-point values are left out of details and the chart shows min/max per bucket "
        "(option max_points)");
  return {{"method", "spc"},      {"summary", summary}, {"tables", tables},    {"charts", charts},
          {"findings", findings}, {"details", details}, {"warnings", warnings}};
}

} // namespace qloop::spc
