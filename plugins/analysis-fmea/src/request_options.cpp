#include "request_options.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include <qloop/plugin.hpp>

#include "input_rows.hpp"
#include "values.hpp"
#include "xlsx_reader.hpp"

namespace qloop::fmea {
namespace {

using nlohmann::json;
using sdk::InvalidInput;

const json kNull = nullptr;

const json &member(const json &obj, const char *key) {
  if (!obj.is_object()) return kNull;
  auto it = obj.find(key);
  return it == obj.end() ? kNull : *it;
}

std::string string_option(const json &v, const std::string &path) {
  if (is_blank(v)) return "";
  if (!v.is_string()) throw InvalidInput("field '" + path + "': must be text");
  return text_of(v);
}

bool ends_with_ci(const std::string &s, const std::string &suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.rbegin(), suffix.rend(), s.rbegin(),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

} // namespace

FmeaRequest parse_fmea_request(const json &request) {
  if (!request.is_object()) throw InvalidInput("field 'request': must be a JSON object");
  FmeaRequest r;
  const json &options = member(request, "options");
  if (!options.is_null() && !options.is_object()) throw InvalidInput("field 'options': must be an object");
  const json &lang = member(request, "lang");
  r.lang = lang.is_string() ? parse_lang(lang.get<std::string>()) : Lang::En;

  const json &data = member(request, "data");
  if (!is_blank(member(options, "type")))
    r.type = parse_type(member(options, "type"), "options.type");
  else if (!is_blank(member(data, "type")))
    r.type = parse_type(member(data, "type"), "data.type");

  if (options.is_object()) {
    for (const auto &[key, value] : options.items()) {
      const std::string path = "options." + key;
      if (key == "type") continue;
      if (key == "output") {
        r.output_path = string_option(value, path);
        if (r.output_path.empty()) continue;
        if (ends_with_ci(r.output_path, ".xlsx"))
          r.output = OutputFormat::Xlsx;
        else if (ends_with_ci(r.output_path, ".csv"))
          r.output = OutputFormat::Csv;
        else
          throw InvalidInput("field '" + path + "': must be a file name ending in .xlsx or .csv");
      } else if (key == "xlsx") {
        r.xlsx_path = string_option(value, path);
      } else if (key == "sheet") {
        r.sheet = string_option(value, path);
      } else if (key == "confidence") {
        if (!value.is_number() || !(value.get<double>() > 0 && value.get<double>() < 1))
          throw InvalidInput("field '" + path + "': must be a number between 0 and 1 (exclusive)");
        r.evaluate.field.confidence = value.get<double>();
      } else if (key == "field_rate") {
        std::string basis = string_option(value, path);
        if (basis == "point")
          r.evaluate.field.point_estimate = true;
        else if (basis == "lower_bound")
          r.evaluate.field.point_estimate = false;
        else
          throw InvalidInput("field '" + path + "': must be 'lower_bound' or 'point'");
      } else if (key == "low_occurrence_max") {
        if (!value.is_number_integer() || value.get<int>() < 1 || value.get<int>() > 9)
          throw InvalidInput("field '" + path + "': must be an integer from 1 to 9");
        r.evaluate.field.low_occurrence_max = value.get<int>();
      } else if (key == "period_from") {
        r.evaluate.field.period_from = parse_date(value, path);
      } else if (key == "period_to") {
        r.evaluate.field.period_to = parse_date(value, path);
      } else if (key == "period") {
        if (!value.is_object())
          throw InvalidInput("field '" + path + "': must be an object {\"from\", \"to\"}");
        r.evaluate.field.period_from = parse_date(member(value, "from"), path + ".from");
        r.evaluate.field.period_to = parse_date(member(value, "to"), path + ".to");
      } else if (key == "as_of") {
        r.evaluate.as_of = parse_date(value, path);
      } else {
        r.warnings.push_back("options: '" + key + "' is not an option of fmea; ignored");
      }
    }
  }
  const auto &f = r.evaluate.field;
  if (!f.period_from.empty() && !f.period_to.empty() && f.period_from > f.period_to)
    throw InvalidInput("field 'options.period_to': the period must not end before it starts");
  return r;
}

LoadedWorksheet load_worksheet(const json &request, const FmeaRequest &options) {
  LoadedWorksheet out;
  const json &data = member(request, "data");
  if (!options.xlsx_path.empty()) {
    // The header is the row that names the failure mode and the three ratings.
    HeaderTest is_header = [](const std::vector<std::string> &cells) {
      std::set<Field> found;
      for (const auto &c : cells)
        if (auto f = field_for_header(c)) found.insert(*f);
      return found.count(Field::FailureMode) && found.count(Field::Severity) && found.count(Field::Second) &&
             found.count(Field::Third);
    };
    XlsxSheet sheet = read_xlsx(options.xlsx_path, options.sheet, "options.xlsx", is_header);
    const auto &numbers = sheet.row_numbers;
    const json &columns = sheet.table["columns"];
    const std::string name = sheet.sheet_name;
    CellNamer namer = [&numbers, &columns, &name](std::size_t row, std::size_t col) {
      std::string where = "options.xlsx " + name + "!";
      if (col == SIZE_MAX) return where + "row " + std::to_string(numbers[row]);
      return where + column_letters(col) + std::to_string(numbers[row]) + " (" + text_of(columns[col]) + ")";
    };
    out.worksheet = read_table(sheet.table, options.type, "options.xlsx", namer);
    out.source = "options.xlsx";
    out.sheet = sheet.sheet_name;
  } else if (data.is_array()) {
    out.worksheet = read_json_rows(data, options.type, "data");
    out.source = "data";
  } else if (data.is_object() && data.contains("rows")) {
    out.worksheet = read_json_rows(data["rows"], options.type, "data.rows");
    out.source = "data.rows";
  } else if (member(request, "table").is_object()) {
    out.worksheet = read_table(request["table"], options.type, "table");
    out.source = "table";
  } else {
    throw InvalidInput(
        "field 'data': give the worksheet as data.rows (an array of rows), as a CSV table, or as "
        "an XLSX file in options.xlsx");
  }
  if (out.worksheet.rows.empty()) throw InvalidInput("field '" + out.source + "': the worksheet has no rows");
  return out;
}

} // namespace qloop::fmea
