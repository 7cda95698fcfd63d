#include "result_json.hpp"

#include "risk_matrix.hpp"

namespace qloop::fmea {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

std::string letter(Ap ap) { return std::string(1, ap_letter(ap)); }

json band(const Band &b) { return json::array({b.lo, b.hi}); }

json rule_json(FmeaType type, int s, int o, int d) {
  const ApRule &r = type == FmeaType::Msr ? msr_rule(s, o, d) : design_process_rule(s, o, d);
  const bool msr = type == FmeaType::Msr;
  return {{"S", band(r.s)},
          {msr ? "F" : "O", band(r.second)},
          {msr ? "M" : "D", band(r.third)},
          {"AP", letter(r.ap)}};
}

json field_json(const FieldVerdict &v) {
  json out = {{"basis", basis_name(v.basis)}, {"complaints", v.complaints}, {"contradicted", v.contradicted}};
  if (v.excluded) out["outside_period"] = v.excluded;
  if (v.exposure) out["exposure"] = *v.exposure;
  if (v.rate_per_thousand) out["rate_per_1000"] = *v.rate_per_thousand;
  if (v.bound_per_thousand) out["rate_compared_per_1000"] = *v.bound_per_thousand;
  if (v.implied_occurrence) out["implied_occurrence"] = *v.implied_occurrence;
  if (!v.period_from.empty()) out["period_from"] = v.period_from;
  if (!v.period_to.empty()) out["period_to"] = v.period_to;
  return out;
}

} // namespace

std::vector<std::pair<std::string, json>> summary_pairs(const Evaluation &ev) {
  std::vector<std::pair<std::string, json>> s = {
      {"fmea_type", type_name(ev.type)},
      {"rows", static_cast<int>(ev.rows.size())},
      {"ap_h", ev.count_h},
      {"ap_m", ev.count_m},
      {"ap_l", ev.count_l},
      {"max_rpn", ev.max_rpn},
      {"rows_needing_action", ev.high_without_action + ev.medium_without_action},
      {"high_without_action", ev.high_without_action},
      {"medium_without_action", ev.medium_without_action},
  };
  if (ev.type != FmeaType::Msr) s.emplace_back("occurrence_contradicted_by_field", ev.contradicted);
  if (ev.revised_rows) {
    s.emplace_back("revised_rows", ev.revised_rows);
    s.emplace_back("revised_ap_h", ev.revised_h);
    s.emplace_back("revised_ap_m", ev.revised_m);
    s.emplace_back("revised_ap_l", ev.revised_l);
  }
  return s;
}

json finding_json(const Finding &f) {
  return {{"severity", f.severity}, {"rule", f.rule}, {"message", f.message}, {"where", f.where}};
}

json row_details(const EvaluatedRow &e, FmeaType type) {
  const Row &r = e.row;
  const bool msr = type == FmeaType::Msr;
  json out = {{"id", r.id},
              {"input_row", r.input_index + 1},
              {"source", r.source},
              {"failure_mode", r.failure_mode},
              {"S", r.s},
              {msr ? "F" : "O", r.o},
              {msr ? "M" : "D", r.d},
              {"RPN", e.rpn},
              {"AP", letter(e.ap)},
              {"ap_rule", rule_json(type, e.ap_severity, r.o, r.d)}};
  if (msr && e.ap_severity != r.s) out["ap_severity"] = e.ap_severity;
  if (e.revised) {
    json rev = {
        {"S", e.s2},     {msr ? "F" : "O", e.o2}, {msr ? "M" : "D", e.d2},
        {"RPN", e.rpn2}, {"AP", letter(e.ap2)},   {"ap_rule", rule_json(type, e.ap2_severity, e.o2, e.d2)}};
    out["revised"] = rev;
  }
  if (!msr && (r.field.any() || r.field.exposure)) out["field"] = field_json(e.field);
  return out;
}

ordered_json fmea_result(const Evaluation &ev, const OutputTable &table, const FmeaRequest &request,
                         const LoadedWorksheet &input, const WrittenFile *written) {
  const bool zh = request.lang == Lang::ZhCN;
  ordered_json result;
  result["method"] = "fmea";

  ordered_json summary = ordered_json::object();
  for (const auto &[k, v] : summary_pairs(ev)) summary[k] = v;
  if (written) summary["output"] = written->path;
  result["summary"] = summary;

  ordered_json worksheet;
  worksheet["title"] = zh ? "FMEA 工作表(按 AP、RPN 排序)" : "FMEA worksheet (sorted by AP, then RPN)";
  worksheet["columns"] = json::array();
  for (const auto &c : table.columns) worksheet["columns"].push_back(c.header);
  worksheet["rows"] = json::array();
  for (const auto &row : table.rows) worksheet["rows"].push_back(row);

  ordered_json counts;
  counts["title"] = zh ? "措施优先级统计" : "Action priority counts";
  counts["columns"] =
      zh ? json::array({"AP", "条目数", "修订后条目数"}) : json::array({"AP", "Rows", "Revised rows"});
  counts["rows"] =
      json::array({json::array({"H", ev.count_h, ev.revised_h}), json::array({"M", ev.count_m, ev.revised_m}),
                   json::array({"L", ev.count_l, ev.revised_l})});
  result["tables"] = json::array({worksheet, counts});

  ordered_json chart;
  chart["title"] = risk_matrix_title(ev.type, request.lang);
  chart["kind"] = "risk-matrix";
  chart["svg"] = risk_matrix_svg(ev, request.lang);
  result["charts"] = json::array({chart});

  result["findings"] = json::array();
  for (const Finding &f : ev.findings) result["findings"].push_back(ordered_json(finding_json(f)));

  ordered_json details;
  details["fmea_type"] = type_name(ev.type);
  details["ap_table"] = ev.type == FmeaType::Msr
                            ? "AIAG & VDA FMEA Handbook (2019), Action Priority (AP) for FMEA-MSR"
                            : "AIAG & VDA FMEA Handbook (2019), Action Priority (AP) for DFMEA and PFMEA";
  details["sort"] = "AP (H, M, L), then RPN descending, then S descending, then input order";
  ordered_json src;
  src["source"] = input.source;
  if (!input.sheet.empty()) src["sheet"] = input.sheet;
  details["input"] = src;
  if (ev.type != FmeaType::Msr) {
    const auto &f = request.evaluate.field;
    ordered_json fc;
    fc["rate"] = f.point_estimate ? "point" : "lower_bound";
    if (!f.point_estimate) fc["confidence"] = f.confidence;
    fc["low_occurrence_max"] = f.low_occurrence_max;
    if (!f.period_from.empty()) fc["period_from"] = f.period_from;
    if (!f.period_to.empty()) fc["period_to"] = f.period_to;
    details["field_check"] = fc;
  }
  details["rows"] = json::array();
  for (const EvaluatedRow &e : ev.rows) details["rows"].push_back(ordered_json(row_details(e, ev.type)));
  if (written)
    details["output"] = {{"path", written->path}, {"format", written->format}, {"rows", ev.rows.size()}};
  result["details"] = details;

  json warnings = json::array();
  for (const auto &w : request.warnings) warnings.push_back(w);
  for (const auto &w : ev.warnings) warnings.push_back(w);
  result["warnings"] = warnings;
  return result;
}

} // namespace qloop::fmea
