#include "core/cli/analysis_request.hpp"

#include <csv.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <memory>

#include "core/cli/exit_codes.hpp"

namespace qloop::cli {
namespace {

nlohmann::json cell_value(const char *data, size_t len) {
  if (len == 0) return nullptr;
  std::string text(data, len);
  // A number only when the whole cell is one (so "74.030" is a number but a
  // lot id like "0012A" stays text).
  const char *begin = text.c_str();
  char *end = nullptr;
  errno = 0;
  double v = std::strtod(begin, &end);
  bool numeric = end == begin + text.size() && errno == 0 && std::isfinite(v) &&
                 text.find_first_of(" \t") == std::string::npos && text.find_first_of("xXpP") == std::string::npos;
  if (numeric) {
    if (text.find_first_of(".eE") == std::string::npos && std::fabs(v) < 9e15) return static_cast<long long>(v);
    return v;
  }
  return text;
}

struct Parse {
  std::vector<std::string> columns;
  nlohmann::json rows = nlohmann::json::array();
  nlohmann::json row = nlohmann::json::array();
  bool header_done = false;
  size_t line = 1;
  std::string error;
};

void on_field(void *data, size_t len, void *user) {
  auto *p = static_cast<Parse *>(user);
  if (data == nullptr) len = 0, data = const_cast<char *>("");
  if (!p->header_done) {
    p->columns.emplace_back(static_cast<const char *>(data), len);
  } else {
    p->row.push_back(cell_value(static_cast<const char *>(data), len));
  }
}

void on_row(int, void *user) {
  auto *p = static_cast<Parse *>(user);
  ++p->line;
  if (!p->header_done) {
    p->header_done = true;
    return;
  }
  if (p->row.size() == 1 && p->row[0].is_null()) { // blank line
    p->row = nlohmann::json::array();
    return;
  }
  if (p->error.empty() && p->row.size() != p->columns.size())
    p->error = "CSV line " + std::to_string(p->line - 1) + ": " + std::to_string(p->row.size()) +
               " fields, but the header has " + std::to_string(p->columns.size());
  p->rows.push_back(std::move(p->row));
  p->row = nlohmann::json::array();
}

} // namespace

nlohmann::json csv_to_table(const std::string &text) {
  std::string_view body(text);
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL) != 0)
    throw CommandError{kExitFailure, "cannot initialise the CSV parser"};
  std::unique_ptr<csv_parser, void (*)(csv_parser *)> guard(&parser, [](csv_parser *p) { csv_free(p); });
  Parse p;
  if (csv_parse(&parser, body.data(), body.size(), on_field, on_row, &p) != body.size() ||
      csv_fini(&parser, on_field, on_row, &p) != 0)
    throw CommandError{kExitInvalidInput,
                       "CSV input near line " + std::to_string(p.line) + ": " + csv_strerror(csv_error(&parser))};
  if (!p.error.empty()) throw CommandError{kExitInvalidInput, p.error};
  if (p.columns.empty()) throw CommandError{kExitInvalidInput, "CSV input is empty (no header line)"};
  return {{"columns", p.columns}, {"rows", std::move(p.rows)}};
}

nlohmann::json build_request(const std::string &method, const std::string &input_name, const std::string &content,
                             const std::vector<std::string> &options) {
  std::string lower = input_name;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  nlohmann::json request;
  if (lower.size() >= 4 && lower.compare(lower.size() - 4, 4, ".csv") == 0) {
    request = {{"table", csv_to_table(content)}};
  } else {
    try {
      request = nlohmann::json::parse(content);
    } catch (const nlohmann::json::parse_error &e) {
      throw CommandError{kExitInvalidInput, input_name + ": not valid JSON: " + e.what()};
    }
    if (!request.is_object()) throw CommandError{kExitInvalidInput, input_name + ": the request must be a JSON object"};
  }
  request["method"] = method;
  if (!request.contains("options") || !request["options"].is_object()) request["options"] = nlohmann::json::object();
  for (const auto &option : options) {
    auto eq = option.find('=');
    if (eq == std::string::npos || eq == 0)
      throw CommandError{kExitUsage, "--option expects key=value, got '" + option + "'"};
    std::string key = option.substr(0, eq), value = option.substr(eq + 1);
    nlohmann::json parsed = nlohmann::json::parse(value, nullptr, false);
    request["options"][key] = parsed.is_discarded() ? nlohmann::json(value) : parsed;
  }
  return request;
}

} // namespace qloop::cli
