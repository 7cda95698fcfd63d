#include "output_table.hpp"

#include <cmath>

namespace qloop::fmea {
namespace {

using nlohmann::json;

json text_or_null(const std::string &s) { return s.empty() ? json(nullptr) : json(s); }

std::string counted_ids(const EvaluatedRow &e) {
  std::string ids;
  for (const Complaint &c : e.row.field.complaints) {
    const bool inside = c.date.empty() || ((e.field.period_from.empty() || c.date >= e.field.period_from) &&
                                           (e.field.period_to.empty() || c.date <= e.field.period_to));
    if (!inside || c.id.empty()) continue;
    if (!ids.empty()) ids += "; ";
    ids += c.id;
  }
  return ids;
}

json cell(const EvaluatedRow &e, Field f) {
  const Row &r = e.row;
  switch (f) {
  case Field::Id: return r.id;
  case Field::Item: return text_or_null(r.item);
  case Field::Function: return text_or_null(r.function);
  case Field::FailureMode: return r.failure_mode;
  case Field::Effect: return text_or_null(r.effect);
  case Field::Severity: return r.s;
  case Field::Cause: return text_or_null(r.cause);
  case Field::PreventionControl: return text_or_null(r.prevention_control);
  case Field::Second: return r.o;
  case Field::DetectionControl: return text_or_null(r.detection_control);
  case Field::Third: return r.d;
  case Field::SAfterMsr: return r.s_after_msr ? json(*r.s_after_msr) : json(nullptr);
  case Field::Rpn: return e.rpn;
  case Field::Ap: return std::string(1, ap_letter(e.ap));
  case Field::RecommendedAction: return text_or_null(r.recommended_action);
  case Field::Owner: return text_or_null(r.owner);
  case Field::DueDate: return text_or_null(r.due_date);
  case Field::SRevised: return e.revised ? json(e.s2) : json(nullptr);
  case Field::SecondRevised: return e.revised ? json(e.o2) : json(nullptr);
  case Field::ThirdRevised: return e.revised ? json(e.d2) : json(nullptr);
  case Field::RpnRevised: return e.revised ? json(e.rpn2) : json(nullptr);
  case Field::ApRevised: return e.revised ? json(std::string(1, ap_letter(e.ap2))) : json(nullptr);
  case Field::Complaints: return r.field.any() ? json(e.field.complaints) : json(nullptr);
  case Field::ComplaintIds: return text_or_null(counted_ids(e));
  case Field::Exposure:
    if (!r.field.exposure) return nullptr;
    // Units are usually whole: show 4000, not 4000.0.
    if (*r.field.exposure == std::floor(*r.field.exposure) && *r.field.exposure < 9e15)
      return static_cast<long long>(*r.field.exposure);
    return *r.field.exposure;
  default: return nullptr;
  }
}

} // namespace

OutputTable worksheet_table(const Evaluation &ev, Lang lang) {
  struct Spec {
    Field field;
    ColumnKind kind;
    double width;
  };
  std::vector<Spec> specs = {
      {Field::Id, ColumnKind::Text, 6},        {Field::Item, ColumnKind::Text, 16},
      {Field::Function, ColumnKind::Text, 24}, {Field::FailureMode, ColumnKind::Text, 24},
      {Field::Effect, ColumnKind::Text, 24},   {Field::Severity, ColumnKind::Integer, 5},
      {Field::Cause, ColumnKind::Text, 24},    {Field::PreventionControl, ColumnKind::Text, 22},
      {Field::Second, ColumnKind::Integer, 5}, {Field::DetectionControl, ColumnKind::Text, 22},
      {Field::Third, ColumnKind::Integer, 5},
  };
  if (ev.type == FmeaType::Msr) specs.push_back({Field::SAfterMsr, ColumnKind::Integer, 8});
  for (const Spec &s : std::initializer_list<Spec>{{Field::Rpn, ColumnKind::Integer, 6},
                                                   {Field::Ap, ColumnKind::Ap, 5},
                                                   {Field::RecommendedAction, ColumnKind::Text, 28},
                                                   {Field::Owner, ColumnKind::Text, 12},
                                                   {Field::DueDate, ColumnKind::Date, 12},
                                                   {Field::SRevised, ColumnKind::Integer, 5},
                                                   {Field::SecondRevised, ColumnKind::Integer, 5},
                                                   {Field::ThirdRevised, ColumnKind::Integer, 5},
                                                   {Field::RpnRevised, ColumnKind::Integer, 6},
                                                   {Field::ApRevised, ColumnKind::Ap, 5},
                                                   {Field::Complaints, ColumnKind::Integer, 10},
                                                   {Field::ComplaintIds, ColumnKind::Text, 18},
                                                   {Field::Exposure, ColumnKind::Integer, 10}})
    specs.push_back(s);

  OutputTable t;
  for (const Spec &s : specs)
    t.columns.push_back({s.field, column_header(s.field, ev.type, lang), s.kind, s.width});
  for (const EvaluatedRow &e : ev.rows) {
    std::vector<json> row;
    row.reserve(specs.size());
    for (const Spec &s : specs) row.push_back(cell(e, s.field));
    t.rows.push_back(std::move(row));
  }
  return t;
}

} // namespace qloop::fmea
