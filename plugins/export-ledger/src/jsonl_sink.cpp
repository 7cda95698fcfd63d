#include "jsonl_sink.hpp"

#include <cmath>

#include "timestamp.hpp"

namespace qloop::ledger {
namespace {

nlohmann::ordered_json cell_json(const Cell &cell) {
  switch (cell.kind) {
  case Cell::Kind::Empty: return nullptr;
  case Cell::Kind::Text: return cell.text;
  case Cell::Kind::Time: return format_utc_iso(cell.number);
  case Cell::Kind::Bool: return cell.flag;
  case Cell::Kind::Number:
    if (std::floor(cell.number) == cell.number && std::fabs(cell.number) < 9e15)
      return static_cast<long long>(cell.number);
    return cell.number;
  }
  return nullptr;
}

} // namespace

nlohmann::ordered_json row_object(const Row &row, std::span<const Column> cols) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < cols.size(); ++i)
    object[cols[i].key] = i < row.size() ? cell_json(row[i]) : nullptr;
  return object;
}

// Coded values stay codes (display_codes false): JSON is for machines.
JsonlSink::JsonlSink(const Settings &settings, const std::string &path)
    : settings_(settings), builder_(settings.lang, false), out_(path) {}

void JsonlSink::write(const nlohmann::json &case_file) {
  constexpr auto replace = nlohmann::json::error_handler_t::replace;
  std::string line = settings_.jsonl == JsonlShape::CaseFile
                         ? case_file.dump(-1, ' ', false, replace)
                         : row_object(builder_.complaint(case_file), columns(Table::Complaints))
                               .dump(-1, ' ', false, replace);
  line += '\n'; // compact dumps escape every newline inside strings, so one object is one line
  out_.write(line);
  ++lines_;
}

void JsonlSink::finish(nlohmann::json &summary) {
  out_.close();
  summary["shape"] = settings_.jsonl == JsonlShape::CaseFile ? "casefile" : "complaint";
  summary["rows"] = lines_;
}

} // namespace qloop::ledger
