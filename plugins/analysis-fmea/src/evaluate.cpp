#include "evaluate.hpp"

#include <algorithm>
#include <cstdio>

namespace qloop::fmea {
namespace {

std::string letter(Ap ap) { return std::string(1, ap_letter(ap)); }

std::string ratings_text(FmeaType type, int s, int o, int d) {
  const bool msr = type == FmeaType::Msr;
  return "S=" + std::to_string(s) + (msr ? ", F=" : ", O=") + std::to_string(o) + (msr ? ", M=" : ", D=") +
         std::to_string(d);
}

std::string row_label(const Row &r) { return "row " + r.id + " ('" + r.failure_mode + "')"; }

nlohmann::json where_of(const Row &r) {
  return {{"row", r.id},
          {"input_row", r.input_index + 1},
          {"source", r.source},
          {"failure_mode", r.failure_mode}};
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

// The S the MSR AP is looked up with: after the system response when M = 1
// (handbook note to the FMEA-MSR AP table), the original S otherwise.
int msr_ap_severity(const Row &r, int s, int m) { return (m == 1 && r.s_after_msr) ? *r.s_after_msr : s; }

void add(Evaluation &ev, const char *severity, const char *rule, std::string message, const Row &r) {
  ev.findings.push_back({severity, rule, std::move(message), where_of(r)});
}

std::string field_message(const EvaluatedRow &e, const FieldCheckOptions &options) {
  const FieldVerdict &v = e.field;
  const std::string o = std::to_string(e.row.o);
  const std::string n =
      std::to_string(v.complaints) + (v.complaints == 1 ? " field complaint" : " field complaints");
  std::string period;
  if (!v.period_from.empty() || !v.period_to.empty())
    period = " in " + (v.period_from.empty() ? std::string("...") : v.period_from) + " to " +
             (v.period_to.empty() ? std::string("...") : v.period_to);
  switch (v.basis) {
  case FieldBasis::Rate:
    return row_label(e.row) + ": " + n + period + " over " + number(*v.exposure) +
           " units: " + number(*v.rate_per_thousand) + " per 1000" +
           (options.point_estimate ? std::string()
                                   : " (lower " + number(options.confidence * 100) + " % confidence bound " +
                                         number(*v.bound_per_thousand) + " per 1000)") +
           ", which the occurrence scale rates O=" + std::to_string(*v.implied_occurrence) +
           "; the worksheet rates O=" + o;
  case FieldBasis::PreventedCause:
    return row_label(e.row) + ": O=1 says the cause is prevented, but " + n + period +
           " are linked to this failure mode";
  case FieldBasis::LowWithoutExposure:
    return row_label(e.row) + ": O=" + o + " rates the cause as low, but " + n + period +
           " are linked to this failure mode; give the exposure (units in the field) to check the rate";
  default: return "";
  }
}

} // namespace

bool sorts_before(const EvaluatedRow &a, const EvaluatedRow &b) {
  if (a.ap != b.ap) return static_cast<int>(a.ap) < static_cast<int>(b.ap);
  if (a.rpn != b.rpn) return a.rpn > b.rpn;
  if (a.row.s != b.row.s) return a.row.s > b.row.s;
  return a.row.input_index < b.row.input_index;
}

EvaluatedRow rate_row(const Row &row, FmeaType type, const FieldCheckOptions &field) {
  EvaluatedRow e;
  e.row = row;
  const bool msr = type == FmeaType::Msr;
  e.rpn = row.s * row.o * row.d;
  e.ap_severity = msr ? msr_ap_severity(row, row.s, row.d) : row.s;
  e.ap = lookup_ap(type, e.ap_severity, row.o, row.d);
  e.revised = row.s_revised || row.o_revised || row.d_revised;
  if (e.revised) {
    // A rating not re-rated after the action keeps its initial value.
    e.s2 = row.s_revised.value_or(row.s);
    e.o2 = row.o_revised.value_or(row.o);
    e.d2 = row.d_revised.value_or(row.d);
    e.rpn2 = e.s2 * e.o2 * e.d2;
    e.ap2_severity = msr ? msr_ap_severity(row, e.s2, e.d2) : e.s2;
    e.ap2 = lookup_ap(type, e.ap2_severity, e.o2, e.d2);
  }
  // Complaints measure occurrence in the field; FMEA-MSR's frequency F has its
  // own scale and is not judged by this rule.
  if (!msr) e.field = check_occurrence(row.o, row.field, field);
  return e;
}

Evaluation evaluate(Worksheet worksheet, const EvaluateOptions &options) {
  Evaluation ev;
  ev.type = worksheet.type;
  ev.warnings = std::move(worksheet.warnings);
  ev.rows.reserve(worksheet.rows.size());
  for (const Row &r : worksheet.rows) ev.rows.push_back(rate_row(r, worksheet.type, options.field));
  std::stable_sort(ev.rows.begin(), ev.rows.end(), sorts_before);

  for (const EvaluatedRow &e : ev.rows) {
    const Row &r = e.row;
    (e.ap == Ap::H ? ev.count_h : e.ap == Ap::M ? ev.count_m : ev.count_l)++;
    ev.max_rpn = std::max(ev.max_rpn, e.rpn);
    if (e.revised) {
      ++ev.revised_rows;
      (e.ap2 == Ap::H ? ev.revised_h : e.ap2 == Ap::M ? ev.revised_m : ev.revised_l)++;
    }
    const std::string ratings = ratings_text(ev.type, r.s, r.o, r.d);
    const bool has_action = !r.recommended_action.empty();

    if (e.field.contradicted) {
      ++ev.contradicted;
      add(ev, e.field.severity, "occurrence-contradicted-by-field", field_message(e, options.field), r);
    }
    if (r.stated_ap && *r.stated_ap != e.ap)
      add(ev, "warning", "ap-mismatch",
          row_label(r) + ": the worksheet gives AP " + letter(*r.stated_ap) +
              ", the AIAG & VDA table gives AP " + letter(e.ap) + " for " + ratings,
          r);
    if (e.ap == Ap::H && !has_action) {
      ++ev.high_without_action;
      add(ev, "error", "ap-high-without-action",
          row_label(r) + ": AP H (" + ratings +
              ") needs an action to improve prevention and/or detection, or a documented justification; no "
              "recommended action is given",
          r);
    } else if (e.ap == Ap::M && !has_action) {
      ++ev.medium_without_action;
      add(ev, "warning", "ap-medium-without-action",
          row_label(r) + ": AP M (" + ratings +
              ") should have an action to improve prevention and/or detection, or a documented justification",
          r);
    }
    if (has_action && (r.owner.empty() || r.due_date.empty()))
      add(ev, "warning", "action-without-owner-or-due-date",
          row_label(r) + ": the recommended action has no " +
              (r.owner.empty() && r.due_date.empty() ? std::string("owner and no due date")
               : r.owner.empty()                     ? std::string("owner")
                                                     : std::string("due date")),
          r);
    if (!options.as_of.empty() && has_action && !r.due_date.empty() && r.due_date < options.as_of &&
        !e.revised)
      add(ev, "warning", "action-overdue",
          row_label(r) + ": the action was due " + r.due_date +
              " and no revised ratings are recorded (as of " + options.as_of + ")",
          r);
    if (e.revised && e.ap2 == Ap::H)
      add(ev, "info", "revised-ap-still-high",
          row_label(r) + ": after the action the AP is still H (" + ratings_text(ev.type, e.s2, e.o2, e.d2) +
              ")",
          r);
  }
  return ev;
}

} // namespace qloop::fmea
