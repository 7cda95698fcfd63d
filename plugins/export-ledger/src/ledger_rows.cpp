#include "ledger_rows.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

#include "eight_d_text.hpp"
#include "json_fields.hpp"
#include "timestamp.hpp"

namespace qloop::ledger {
namespace {

using nlohmann::json;
using T = ColumnType;

constexpr Column kComplaintColumns[] = {
    {"number", {"Complaint no.", "客诉编号"}, T::Text, 16},
    {"received_at", {"Received", "受理时间"}, T::DateTime, 18},
    {"customer", {"Customer", "客户"}, T::Text, 24},
    {"product_model", {"Product model", "产品型号"}, T::Text, 16},
    {"lot", {"Lot", "批次"}, T::Text, 12},
    {"order_number", {"Order no.", "订单号"}, T::Text, 14},
    {"quantity_affected", {"Qty affected", "影响数量"}, T::Integer, 10},
    {"channel", {"Channel", "渠道"}, T::Text, 10, Codes::Channel},
    {"category", {"Category", "类别"}, T::Text, 16, Codes::Category},
    {"subcategory", {"Subcategory", "子类别"}, T::Text, 16},
    {"severity", {"Severity", "严重度"}, T::Text, 10, Codes::Severity},
    {"status", {"Status", "状态"}, T::Text, 13, Codes::Status},
    {"owner", {"Owner", "负责人"}, T::Text, 12},
    {"owner_department", {"Department", "责任部门"}, T::Text, 16, Codes::Department},
    {"phenomenon", {"Phenomenon", "不良现象"}, T::Text, 50},
    {"closed_at", {"Closed", "结案时间"}, T::DateTime, 18},
    {"cycle_days", {"Cycle (days)", "处理周期(天)"}, T::Days, 12},
    {"key_complaint", {"Key complaint", "重点客诉"}, T::Bool, 10},
};

constexpr Column kActionColumns[] = {
    {"complaint_number", {"Complaint no.", "客诉编号"}, T::Text, 16},
    {"id", {"Action ID", "措施编号"}, T::Integer, 10},
    {"type", {"Type", "类型"}, T::Text, 12, Codes::ActionType},
    {"description", {"Description", "措施内容"}, T::Text, 50},
    {"owner", {"Owner", "负责人"}, T::Text, 12},
    {"owner_department", {"Department", "责任部门"}, T::Text, 16, Codes::Department},
    {"due", {"Due", "截止时间"}, T::DateTime, 18},
    {"status", {"Status", "状态"}, T::Text, 12, Codes::ActionStatus},
    {"verified_by", {"Verified by", "验证人"}, T::Text, 14},
    {"verified_at", {"Verified at", "验证时间"}, T::DateTime, 18},
    {"evidence", {"Evidence", "证据"}, T::Text, 40},
    {"verification_result", {"Verification result", "验证结果"}, T::Text, 40},
};

constexpr Column kEightDColumns[] = {
    {"complaint_number", {"Complaint no.", "客诉编号"}, T::Text, 16},
    {"d1_team", {"D1 team", "D1 小组成员"}, T::Text, 30},
    {"d2_problem", {"D2 problem description", "D2 问题描述"}, T::Text, 45},
    {"d3_containment", {"D3 containment", "D3 临时遏制措施"}, T::Text, 45},
    {"d3_quantity_sorted", {"D3 qty sorted", "D3 挑选数量"}, T::Integer, 12},
    {"d3_found_bad", {"D3 found bad", "D3 挑出不良数"}, T::Integer, 12},
    {"d4_occurrence", {"D4 root cause: occurrence", "D4 发生原因"}, T::Text, 45},
    {"d4_escape", {"D4 root cause: escape", "D4 流出原因"}, T::Text, 45},
    {"analyses", {"Analyses", "分析方法"}, T::Text, 16},
    {"d5_permanent_actions", {"D5 permanent corrective actions", "D5 永久对策"}, T::Text, 45},
    {"d6_implementation", {"D6 implement and validate", "D6 实施并验证"}, T::Text, 40},
    {"d7_prevention", {"D7 prevent recurrence", "D7 预防再发"}, T::Text, 40},
    {"d8_closed_at", {"D8 closed", "D8 结案时间"}, T::DateTime, 18},
    {"d8_closed_by", {"D8 closed by", "D8 结案人"}, T::Text, 12},
    {"d8_summary", {"D8 summary", "D8 结案总结"}, T::Text, 40},
};

Cell text_cell(const json *v) { return Cell::of_text(as_text(v)); }

// A whole-string decimal number ("12", "3.5"); nothing for "12 pcs".
bool parse_number(const std::string &s, double &out) {
  if (s.empty()) return false;
  const char *end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && ptr == end && std::isfinite(out);
}

Cell number_cell(const json *v) {
  if (v != nullptr && v->is_number()) return Cell::of_number(v->get<double>());
  double n = 0;
  if (v != nullptr && v->is_string() && parse_number(v->get<std::string>(), n)) return Cell::of_number(n);
  return text_cell(v);
}

Cell time_cell(const json *v) {
  if (v != nullptr && v->is_string()) {
    if (auto t = parse_iso8601(v->get_ref<const std::string &>())) {
      Cell c;
      c.kind = Cell::Kind::Time;
      c.number = *t;
      return c;
    }
  }
  return text_cell(v); // an unreadable date stays visible as text
}

Cell bool_cell(const json *v) {
  Cell c;
  if (v != nullptr && v->is_boolean()) {
    c.kind = Cell::Kind::Bool;
    c.flag = v->get<bool>();
    return c;
  }
  if (v != nullptr && v->is_number_integer() && (v->get<long long>() == 0 || v->get<long long>() == 1)) {
    c.kind = Cell::Kind::Bool;
    c.flag = v->get<long long>() == 1;
    return c;
  }
  return text_cell(v);
}

bool has_content(const Row &row) {
  for (std::size_t i = 1; i < row.size(); ++i) // column 0 is the complaint number
    if (row[i].kind != Cell::Kind::Empty) return true;
  return false;
}

const json &complaint_of(const json &case_file) {
  if (!case_file.is_object()) throw std::invalid_argument("a case file must be a JSON object");
  const json *c = field(case_file, "complaint");
  if (c == nullptr || !c->is_object())
    throw std::invalid_argument("field 'complaint': missing or not an object");
  return *c;
}

} // namespace

std::span<const Column> columns(Table table) {
  switch (table) {
  case Table::Complaints: return kComplaintColumns;
  case Table::Actions: return kActionColumns;
  case Table::EightD: return kEightDColumns;
  }
  return {};
}

Words sheet_name(Table table) {
  switch (table) {
  case Table::Complaints: return words::complaints_sheet;
  case Table::Actions: return words::actions_sheet;
  case Table::EightD: return words::eight_d_sheet;
  }
  return words::complaints_sheet;
}

std::string heading(const Column &column, Lang lang, int utc_offset_minutes) {
  std::string h = column.label.in(lang);
  if (column.type == T::DateTime) h += " (" + offset_label(utc_offset_minutes) + ")";
  return h;
}

Cell RowBuilder::coded(const json &object, const char *key, Codes codes) const {
  Cell c = text_cell(field(object, key));
  if (display_codes_ && c.kind == Cell::Kind::Text) c.text = std::string(display_value(lang_, codes, c.text));
  return c;
}

Row RowBuilder::complaint(const json &case_file) const {
  const json &c = complaint_of(case_file);
  Row row;
  row.reserve(std::size(kComplaintColumns));
  for (const Column &col : kComplaintColumns) {
    const std::string_view key = col.key;
    if (key == "cycle_days") {
      const Cell received = time_cell(field(c, "received_at")), closed = time_cell(field(c, "closed_at"));
      row.push_back(received.kind == Cell::Kind::Time && closed.kind == Cell::Kind::Time
                        ? Cell::of_number((closed.number - received.number) / 86400.0)
                        : Cell{});
      continue;
    }
    switch (col.type) {
    case T::DateTime: row.push_back(time_cell(field(c, col.key))); break;
    case T::Integer:
    case T::Days: row.push_back(number_cell(field(c, col.key))); break;
    case T::Bool: row.push_back(bool_cell(field(c, col.key))); break;
    case T::Text: row.push_back(coded(c, col.key, col.codes)); break;
    }
  }
  return row;
}

std::vector<Row> RowBuilder::actions(const json &case_file) const {
  const Cell number = text_cell(field(complaint_of(case_file), "number"));
  std::vector<Row> rows;
  for (const json *a : items(field(case_file, "actions"))) {
    if (!a->is_object()) continue;
    Row row;
    row.reserve(std::size(kActionColumns));
    for (const Column &col : kActionColumns) {
      const std::string_view key = col.key;
      if (key == "complaint_number")
        row.push_back(number);
      else if (key == "type")
        row.push_back(coded(*a, field(*a, "type") ? "type" : "kind", col.codes));
      else if (col.type == T::DateTime)
        row.push_back(time_cell(field(*a, col.key)));
      else if (col.type == T::Integer)
        row.push_back(number_cell(field(*a, col.key)));
      else
        row.push_back(coded(*a, col.key, col.codes));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Row RowBuilder::eight_d(const json &case_file) const {
  const Cell number = text_cell(field(complaint_of(case_file), "number"));
  const json *d = field(case_file, "eight_d");
  if (d == nullptr || !d->is_object()) return {};
  Containment d3 = containment(field(*d, "d3"), lang_);
  const json *d8 = field(*d, "d8");
  const json empty = json::object();
  const json &closure = d8 != nullptr && d8->is_object() ? *d8 : empty;
  Row row{number,
          Cell::of_text(team_text(field(*d, "d1"))),
          Cell::of_text(problem_text(field(*d, "d2"), lang_)),
          Cell::of_text(std::move(d3.text)),
          d3.sorted,
          d3.bad,
          Cell::of_text(causes_text(field(*d, "d4"), "occurrence", lang_)),
          Cell::of_text(causes_text(field(*d, "d4"), "escape", lang_)),
          Cell::of_text(analyses_text(case_file)),
          Cell::of_text(permanent_actions_text(case_file, field(*d, "d5"))),
          Cell::of_text(implementation_text(field(*d, "d6"), lang_)),
          Cell::of_text(prevention_text(field(*d, "d7"), lang_)),
          time_cell(field(closure, "closed_at")),
          text_cell(field(closure, "closed_by")),
          text_cell(field(closure, "summary"))};
  if (!has_content(row)) return {};
  return row;
}

} // namespace qloop::ledger
