#include "core/cli/analysis_request.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string_view>

#include <csv.h>

#include "core/cli/exit_codes.hpp"

namespace qloop::cli {
namespace {

// A number only when the whole cell is one (so "74.030" is a number but a
// lot id like "0012A" stays text); no hex, no inf/nan, no spaces.
std::optional<double> numeric_cell(const std::string &text) {
  const char *begin = text.c_str();
  char *end = nullptr;
  errno = 0;
  double v = std::strtod(begin, &end);
  bool numeric = !text.empty() && end == begin + text.size() && errno == 0 && std::isfinite(v) &&
                 text.find_first_of(" \t") == std::string::npos &&
                 text.find_first_of("xXpP") == std::string::npos;
  if (!numeric) return std::nullopt;
  return v;
}

nlohmann::json cell_value(const char *data, size_t len) {
  if (len == 0) return nullptr;
  std::string text(data, len);
  if (auto v = numeric_cell(text)) {
    if (text.find_first_of(".eE") == std::string::npos && std::fabs(*v) < 9e15)
      return static_cast<long long>(*v);
    return *v;
  }
  return text;
}

std::string_view without_bom(const std::string &text) {
  std::string_view body(text);
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  return body;
}

// Runs libcsv over `text` with the callbacks of P (on_field, on_row); P has
// `line` and `error`. Throws CommandError naming the line on bad input.
template <class P> void parse_csv(const std::string &text, P &p) {
  const std::string_view body = without_bom(text);
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL) != 0)
    throw CommandError{kExitFailure, "cannot initialise the CSV parser"};
  std::unique_ptr<csv_parser, void (*)(csv_parser *)> guard(&parser, [](csv_parser *c) { csv_free(c); });
  if (csv_parse(&parser, body.data(), body.size(), P::on_field, P::on_row, &p) != body.size() ||
      csv_fini(&parser, P::on_field, P::on_row, &p) != 0)
    throw CommandError{kExitInvalidInput, "CSV input near line " + std::to_string(p.line) + ": " +
                                              csv_strerror(csv_error(&parser))};
  if (!p.error.empty()) throw CommandError{kExitInvalidInput, p.error};
}

std::string ragged_row(std::size_t line, std::size_t fields, std::size_t columns) {
  return "CSV line " + std::to_string(line) + ": " + std::to_string(fields) + " fields, but the header has " +
         std::to_string(columns);
}

// Builds columns directly: a column stays numeric (doubles) until a cell that
// is not a number turns it into text, when the numbers seen so far are
// written back as their shortest round-trip text (a plugin reads such a cell
// as the same number again).
struct ColumnParse {
  struct Column {
    std::string name;
    bool text = false;
    std::vector<double> numbers;
    std::vector<std::string> texts;
    std::vector<std::uint8_t> present;
  };
  std::vector<Column> columns;
  bool header_done = false;
  std::size_t field = 0, rows = 0, line = 1;
  std::string error, cell;

  static void to_text(Column &c) {
    c.texts.reserve(c.numbers.size());
    char buf[32];
    for (std::size_t r = 0; r < c.numbers.size(); ++r) {
      if (!c.present[r]) {
        c.texts.emplace_back();
        continue;
      }
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, c.numbers[r]);
      c.texts.emplace_back(buf, end);
    }
    c.numbers = {};
    c.text = true;
  }
  void add(Column &c, const char *data, std::size_t len) {
    c.present.push_back(len != 0);
    cell.assign(data, len);
    std::optional<double> v = len ? numeric_cell(cell) : std::optional<double>(0.0);
    if (!v && !c.text) to_text(c);
    if (c.text)
      c.texts.push_back(cell);
    else
      c.numbers.push_back(*v);
  }
  void drop_last(Column &c) {
    c.present.pop_back();
    if (c.text)
      c.texts.pop_back();
    else
      c.numbers.pop_back();
  }
  static void on_field(void *data, size_t len, void *user) {
    auto *p = static_cast<ColumnParse *>(user);
    const char *text = data ? static_cast<const char *>(data) : "";
    if (data == nullptr) len = 0;
    if (!p->header_done) {
      Column c;
      c.name.assign(text, len);
      p->columns.push_back(std::move(c));
      return;
    }
    if (p->field < p->columns.size()) p->add(p->columns[p->field], text, len);
    ++p->field;
  }
  static void on_row(int, void *user) {
    auto *p = static_cast<ColumnParse *>(user);
    ++p->line;
    const std::size_t fields = p->field;
    p->field = 0;
    if (!p->header_done) {
      p->header_done = true;
      return;
    }
    auto &first = p->columns.front();
    if (fields == 1 && !first.present.back()) { // blank line
      p->drop_last(first);
      return;
    }
    if (fields != p->columns.size()) {
      if (p->error.empty()) p->error = ragged_row(p->line - 1, fields, p->columns.size());
      for (std::size_t j = 0; j < std::min(fields, p->columns.size()); ++j) p->drop_last(p->columns[j]);
      return;
    }
    ++p->rows;
  }
};

struct Parse {
  std::vector<std::string> columns;
  nlohmann::json rows = nlohmann::json::array();
  nlohmann::json row = nlohmann::json::array();
  bool header_done = false;
  size_t line = 1;
  std::string error;

  static void on_field(void *data, size_t len, void *user);
  static void on_row(int, void *user);
};

void Parse::on_field(void *data, size_t len, void *user) {
  auto *p = static_cast<Parse *>(user);
  if (data == nullptr) len = 0, data = const_cast<char *>("");
  if (!p->header_done) {
    p->columns.emplace_back(static_cast<const char *>(data), len);
  } else {
    p->row.push_back(cell_value(static_cast<const char *>(data), len));
  }
}

void Parse::on_row(int, void *user) {
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
    p->error = ragged_row(p->line - 1, p->row.size(), p->columns.size());
  p->rows.push_back(std::move(p->row));
  p->row = nlohmann::json::array();
}

} // namespace

nlohmann::json csv_to_table(const std::string &text) {
  Parse p;
  parse_csv(text, p);
  if (p.columns.empty()) throw CommandError{kExitInvalidInput, "CSV input is empty (no header line)"};
  return {{"columns", p.columns}, {"rows", std::move(p.rows)}};
}

sdk::ColumnBatch csv_to_columns(const std::string &text) {
  ColumnParse p;
  parse_csv(text, p);
  if (p.columns.empty()) throw CommandError{kExitInvalidInput, "CSV input is empty (no header line)"};
  // Text crosses the ABI as UTF-8, as it does in a JSON request.
  auto check_utf8 = [](const std::string &text, std::size_t row) {
    try {
      (void)nlohmann::json(text).dump();
    } catch (const nlohmann::json::type_error &) {
      throw CommandError{kExitInvalidInput,
                         "CSV " + (row ? "line " + std::to_string(row + 1) : std::string("header")) +
                             ": not valid UTF-8 (convert it, e.g. from GBK with iconv, first)"};
    }
  };
  sdk::ColumnBatch batch(p.rows);
  for (auto &c : p.columns) {
    check_utf8(c.name, 0);
    for (std::size_t r = 0; r < c.texts.size(); ++r) check_utf8(c.texts[r], r + 1);
    // Every row present: no mask to hand over.
    if (std::find(c.present.begin(), c.present.end(), 0) == c.present.end()) c.present.clear();
    if (c.text)
      batch.add_strings(std::move(c.name), std::move(c.texts), std::move(c.present));
    else
      batch.add_doubles(std::move(c.name), std::move(c.numbers), std::move(c.present));
  }
  return batch;
}

bool is_csv_name(const std::string &input_name) {
  std::string lower = input_name;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower.size() >= 4 && lower.compare(lower.size() - 4, 4, ".csv") == 0;
}

nlohmann::json build_request(const std::string &method, const std::string &input_name,
                             const std::string &content, const std::vector<std::string> &options) {
  nlohmann::json request;
  if (is_csv_name(input_name)) {
    request = {{"table", csv_to_table(content)}};
  } else {
    try {
      request = nlohmann::json::parse(content);
    } catch (const nlohmann::json::parse_error &e) {
      throw CommandError{kExitInvalidInput, input_name + ": not valid JSON: " + e.what()};
    }
    if (!request.is_object())
      throw CommandError{kExitInvalidInput, input_name + ": the request must be a JSON object"};
  }
  request["method"] = method;
  if (!request.contains("options") || !request["options"].is_object())
    request["options"] = nlohmann::json::object();
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
