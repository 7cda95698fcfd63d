#include "export_settings.hpp"

#include <filesystem>

#include <qloop/plugin.hpp>

#include "timestamp.hpp"

namespace qloop::ledger {
namespace {

using nlohmann::json;
using sdk::InvalidInput;

// Options come from `--option k=v`: the host passes JSON when v parses as
// JSON (true, 3) and a string otherwise, so both spellings are accepted.
bool boolean_option(const json &options, const char *key, bool fallback) {
  auto it = options.find(key);
  if (it == options.end() || it->is_null()) return fallback;
  if (it->is_boolean()) return it->get<bool>();
  if (it->is_string()) {
    const auto &s = it->get_ref<const std::string &>();
    if (s == "true" || s == "yes" || s == "1" || s == "on") return true;
    if (s == "false" || s == "no" || s == "0" || s == "off") return false;
  }
  if (it->is_number_integer() && (it->get<long long>() == 0 || it->get<long long>() == 1))
    return it->get<long long>() == 1;
  throw InvalidInput(std::string("option '") + key + "': expected true or false, got " + it->dump());
}

std::string string_option(const json &options, const char *key, const std::string &fallback) {
  auto it = options.find(key);
  if (it == options.end() || it->is_null()) return fallback;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump(); // utc_offset=8 arrives as a number
  throw InvalidInput(std::string("option '") + key + "': expected a string, got " + it->dump());
}

// A bad configured default is the administrator's to fix (CONFIG); a bad
// option is the caller's (INVALID_INPUT).
[[noreturn]] void fail(const char *where, const std::string &message) {
  if (where[0] == '[') throw sdk::Error(QLOOP_ERR_CONFIG, std::string(where) + ": " + message);
  throw InvalidInput(std::string(where) + ": " + message);
}

char delimiter_of(const std::string &text, const char *where) {
  if (text == "," || text == ";" || text == "|") return text[0];
  if (text == "\t" || text == "\\t" || text == "tab") return '\t';
  fail(where, "expected one of , ; | tab, got '" + text + "'");
}

int offset_of(const std::string &text, const char *where) {
  std::string t = text;
  if (!t.empty() && t[0] >= '0' && t[0] <= '9') t = "+" + t; // "8" from a JSON number
  auto minutes = parse_utc_offset(t);
  if (!minutes) fail(where, "expected an offset like +08:00 or -05:30, got '" + text + "'");
  return *minutes;
}

JsonlShape jsonl_of(const std::string &text, const char *where) {
  if (text == "complaint") return JsonlShape::Complaint;
  if (text == "casefile" || text == "case_file") return JsonlShape::CaseFile;
  fail(where, "expected complaint or casefile, got '" + text + "'");
}

Table table_of(const std::string &text) {
  if (text == "complaints") return Table::Complaints;
  if (text == "actions") return Table::Actions;
  if (text == "8d" || text == "eight_d") return Table::EightD;
  throw InvalidInput("option 'table': expected complaints, actions or 8d, got '" + text + "'");
}

constexpr const char *kKnownOptions[] = {"report",    "filters", "bom",   "csv_injection_guard",
                                         "delimiter", "table",   "jsonl", "utc_offset"};

} // namespace

const char *format_name(Format format) {
  switch (format) {
  case Format::Xlsx: return "xlsx";
  case Format::Csv: return "csv";
  case Format::Jsonl: return "jsonl";
  }
  return "";
}

Settings parse_settings(const json &request, const Defaults &defaults) {
  if (!request.is_object()) throw InvalidInput("request: expected a JSON object");
  Settings s;

  auto format = request.find("format");
  if (format == request.end() || !format->is_string())
    throw InvalidInput("field 'format': missing or not a string");
  const auto &f = format->get_ref<const std::string &>();
  if (f == "xlsx")
    s.format = Format::Xlsx;
  else if (f == "csv")
    s.format = Format::Csv;
  else if (f == "jsonl")
    s.format = Format::Jsonl;
  else
    throw sdk::Unsupported("field 'format': '" + f + "' is not one of xlsx, csv, jsonl");

  auto output = request.find("output");
  if (output == request.end() || !output->is_string() || output->get_ref<const std::string &>().empty())
    throw InvalidInput("field 'output': missing or not a string");
  s.output = output->get<std::string>();
  if (!std::filesystem::path(s.output).is_absolute())
    throw InvalidInput("field 'output': must be an absolute path, got '" + s.output + "'");

  auto lang = request.find("lang");
  if (lang != request.end() && !lang->is_null()) {
    if (!lang->is_string() || (*lang != "en" && *lang != "zh-CN"))
      throw InvalidInput("field 'lang': must be \"en\" or \"zh-CN\"");
    s.lang = *lang == "zh-CN" ? Lang::ZhCN : Lang::En;
  }

  json options = json::object();
  if (auto o = request.find("options"); o != request.end() && !o->is_null()) {
    if (!o->is_object()) throw InvalidInput("field 'options': expected an object");
    options = *o;
  }
  if (auto fl = options.find("filters"); fl != options.end() && !fl->is_null()) s.filters = *fl;
  for (const auto &[key, value] : options.items()) {
    bool known = false;
    for (const char *k : kKnownOptions) known = known || key == k;
    if (!known) s.ignored_options.push_back(key);
  }

  s.bom = boolean_option(options, "bom", defaults.csv_bom);
  s.injection_guard = boolean_option(options, "csv_injection_guard", defaults.csv_injection_guard);
  s.delimiter = delimiter_of(defaults.csv_delimiter, "[export.ledger] csv_delimiter");
  if (options.contains("delimiter"))
    s.delimiter = delimiter_of(string_option(options, "delimiter", ","), "option 'delimiter'");
  s.csv_table = table_of(string_option(options, "table", "complaints"));
  s.jsonl = jsonl_of(defaults.jsonl, "[export.ledger] jsonl");
  if (options.contains("jsonl")) s.jsonl = jsonl_of(string_option(options, "jsonl", ""), "option 'jsonl'");
  s.utc_offset_minutes = offset_of(defaults.utc_offset, "[export.ledger] utc_offset");
  if (options.contains("utc_offset"))
    s.utc_offset_minutes = offset_of(string_option(options, "utc_offset", ""), "option 'utc_offset'");
  s.tmpdir =
      defaults.tmpdir.empty() ? std::filesystem::path(s.output).parent_path().string() : defaults.tmpdir;
  return s;
}

} // namespace qloop::ledger
