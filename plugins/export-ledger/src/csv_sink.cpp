#include "csv_sink.hpp"

#include <cmath>
#include <cstdio>

#include "text_rules.hpp"
#include "timestamp.hpp"

namespace qloop::ledger {

std::string csv_value(const Cell &cell, const Column &column, int utc_offset_minutes) {
  char buf[64];
  switch (cell.kind) {
  case Cell::Kind::Empty: return {};
  case Cell::Kind::Text: return cell.text;
  case Cell::Kind::Time: return format_local(cell.number, utc_offset_minutes);
  case Cell::Kind::Bool: return cell.flag ? "TRUE" : "FALSE";
  case Cell::Kind::Number:
    if (column.type == ColumnType::Days)
      std::snprintf(buf, sizeof buf, "%.2f", cell.number);
    else if (std::floor(cell.number) == cell.number && std::fabs(cell.number) < 1e15)
      std::snprintf(buf, sizeof buf, "%.0f", cell.number);
    else
      std::snprintf(buf, sizeof buf, "%.15g", cell.number);
    return buf;
  }
  return {};
}

CsvSink::CsvSink(const Settings &settings, const std::string &path)
    : settings_(settings), builder_(settings.lang, true), out_(path) {
  if (settings_.bom) out_.write("\xEF\xBB\xBF");
  const auto cols = columns(settings_.csv_table);
  line_.clear();
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (i > 0) line_ += settings_.delimiter;
    line_ +=
        csv_field(heading(cols[i], settings_.lang, settings_.utc_offset_minutes), settings_.delimiter, false);
  }
  line_ += "\r\n";
  out_.write(line_);
}

void CsvSink::write_row(const Row &row) {
  const auto cols = columns(settings_.csv_table);
  line_.clear();
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (i > 0) line_ += settings_.delimiter;
    if (i >= row.size()) continue;
    const std::string value = csv_value(row[i], cols[i], settings_.utc_offset_minutes);
    // Only text is guarded: a number cell such as -1.50 is data, not a formula.
    const bool guard = settings_.injection_guard && row[i].kind == Cell::Kind::Text;
    if (guard && looks_like_formula(value)) ++guarded_;
    line_ += csv_field(value, settings_.delimiter, guard);
  }
  line_ += "\r\n";
  out_.write(line_);
  ++rows_;
}

void CsvSink::write(const nlohmann::json &case_file) {
  switch (settings_.csv_table) {
  case Table::Complaints: write_row(builder_.complaint(case_file)); break;
  case Table::Actions:
    for (const Row &row : builder_.actions(case_file)) write_row(row);
    break;
  case Table::EightD:
    if (Row row = builder_.eight_d(case_file); !row.empty()) write_row(row);
    break;
  }
}

void CsvSink::finish(nlohmann::json &summary) {
  out_.close();
  const char *table = settings_.csv_table == Table::Complaints ? "complaints"
                      : settings_.csv_table == Table::Actions  ? "actions"
                                                               : "8d";
  summary["table"] = table;
  summary["rows"] = rows_;
  summary["bom"] = settings_.bom;
  summary["csv_injection_guard"] = settings_.injection_guard;
  summary["guarded_cells"] = guarded_;
  summary["utc_offset"] = offset_label(settings_.utc_offset_minutes);
}

} // namespace qloop::ledger
