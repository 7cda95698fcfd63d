#include "record_builder.hpp"

#include <algorithm>

#include "encoding.hpp"
#include "xlsx_reader.hpp"

namespace qloop::intake_files {
namespace {

constexpr std::size_t kMaxSourceKey = 512;

std::string quoted(const std::string &value) { return "'" + printable(value) + "'"; }

// YYYY-MM-DDTHH:MM:SS followed by Z or +HH:MM / -HH:MM.
bool iso_datetime_with_offset(const std::string &s) {
  auto digit = [&](std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  static const char *shape = "dddd-dd-ddTdd:dd:dd";
  for (std::size_t i = 0; shape[i]; ++i)
    if (shape[i] == 'd' ? !digit(i) : (i >= s.size() || s[i] != shape[i])) return false;
  const std::string rest = s.substr(19);
  if (rest == "Z") return true;
  return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && digit(20) && digit(21) && rest[3] == ':' &&
         digit(23) && digit(24);
}

bool nonblank(const nlohmann::json &j, const char *field) {
  auto it = j.find(field);
  return it != j.end() && it->is_string() && !clean_text(it->get<std::string>()).empty();
}

} // namespace

std::vector<std::string> schema_problems(const nlohmann::json &r) {
  std::vector<std::string> out;
  if (!r.is_object()) return {"record is not an object"};
  for (const char *f : {"source_key", "channel", "received_at", "customer", "phenomenon"})
    if (!nonblank(r, f)) out.push_back(std::string(f) + " is required");
  if (nonblank(r, "source_key") && r["source_key"].get<std::string>().size() > kMaxSourceKey)
    out.push_back("source_key is longer than 512 bytes");
  for (const char *f :
       {"contact", "product_model", "lot", "order_number", "reporter", "category", "subcategory"})
    if (r.contains(f) && !r[f].is_string()) out.push_back(std::string(f) + " must be a string");
  if (r.contains("quantity_affected") &&
      !(r["quantity_affected"].is_number_integer() && r["quantity_affected"].get<long long>() >= 0))
    out.push_back("quantity_affected must be a whole number >= 0");
  if (r.contains("severity")) {
    const auto &s = r["severity"];
    if (!s.is_string() || (s != "critical" && s != "major" && s != "minor"))
      out.push_back("severity must be one of critical, major, minor");
  }
  if (r.contains("received_at") && r["received_at"].is_string() &&
      !iso_datetime_with_offset(r["received_at"].get<std::string>()))
    out.push_back("received_at is not an ISO 8601 date-time with offset");
  if (r.contains("extra") && !r["extra"].is_object()) out.push_back("extra must be an object");
  return out;
}

Built build_record(const SourceRow &row, const SourceInfo &table, const ColumnPlan &plan,
                   const std::string &source_key, const BuildOptions &options) {
  Built out;
  auto &problems = out.problems;
  nlohmann::json r = nlohmann::json::object();
  nlohmann::json extra = nlohmann::json::object();
  r["source_key"] = source_key;

  const std::size_t width = plan.headers.size();
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const Cell &cell = row.cells[i];
    if (cell.kind == CellKind::Empty) continue;
    const std::string column = i < width ? plan.extra_names[i] : "column " + column_letters(i);
    const std::string target = i < width ? plan.targets[i] : "extra";
    const std::string in_column = " (column " + column + ")";
    const std::string name = target == "extra" || target == "ignore" ? column : target;
    if (cell.text.size() > options.max_field_bytes) {
      problems.push_back(name + " is " + std::to_string(cell.text.size()) + " bytes, over the limit of " +
                         std::to_string(options.max_field_bytes) + " (max_field_bytes)" +
                         (name == column ? "" : in_column));
      continue;
    }
    if (target == "ignore") continue;
    if (cell.kind == CellKind::Error) {
      problems.push_back(name + " holds the spreadsheet error " + quoted(cell.text) +
                         (name == column ? "" : in_column));
      continue;
    }
    const std::string text = clean_text(cell.text);
    if (target == "extra") {
      if (!text.empty()) extra[column] = text;
      continue;
    }
    if (text.empty()) continue;
    if (target == "quantity_affected") {
      Quantity q = parse_quantity(text);
      if (q.value)
        r[target] = *q.value;
      else
        problems.push_back(target + " " + quoted(text) + " " + q.problem + in_column);
    } else if (target == "received_at") {
      std::optional<std::string> when;
      // A date column Excel did not format as a date shows its day serial.
      if (cell.kind == CellKind::Number && cell.number >= 1 && cell.number <= 2958465)
        when = normalize_datetime(excel_serial_to_iso(cell.number, table.date1904), options.timezone);
      else
        when = normalize_datetime(text, options.timezone);
      if (when)
        r[target] = *when;
      else
        problems.push_back(target + " " + quoted(text) +
                           " is not a date or date-time (e.g. 2025-11-03, 2025/11/3 14:05, 2025年11月3日)" +
                           in_column);
    } else if (target == "severity") {
      if (auto s = normalize_severity(text))
        r[target] = *s;
      else
        problems.push_back(target + " " + quoted(text) +
                           " is not one of critical, major, minor (严重, 一般, 轻微)" + in_column);
    } else if (target == "channel") {
      r[target] = normalize_channel(text);
    } else {
      r[target] = text;
    }
  }
  if (!r.contains("channel")) r["channel"] = options.channel;
  for (const auto &f : required_fields()) {
    if (r.contains(f)) continue;
    // Only report a missing value when the field had no problem of its own.
    const bool reported = std::any_of(problems.begin(), problems.end(),
                                      [&](const std::string &p) { return p.rfind(f + " ", 0) == 0; });
    if (!reported) {
      auto col = plan.field_column.find(f);
      problems.push_back(
          f + " is empty" +
          (col != plan.field_column.end() ? " (column " + plan.extra_names[col->second] + ")" : ""));
    }
  }
  nlohmann::json source = {{"file", options.file_name}, {"row", row.number}, {"format", table.format}};
  if (!table.sheet.empty()) source["sheet"] = table.sheet;
  if (table.format == "csv") source["encoding"] = table.encoding;
  extra["_source"] = std::move(source);
  r["extra"] = std::move(extra);
  if (problems.empty())
    for (auto &p : schema_problems(r)) problems.push_back(std::move(p));
  out.record = std::move(r);
  return out;
}

} // namespace qloop::intake_files
