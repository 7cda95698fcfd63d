#include "request_io.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include <qloop/plugin.hpp>

namespace qloop::spc {
namespace {

using sdk::InvalidInput;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string trim(const std::string &s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

} // namespace

std::string describe(const Json &v) {
  if (v.is_string()) return "\"" + v.get<std::string>() + "\"";
  return v.dump();
}

std::optional<double> as_number(const Json &v) {
  if (v.is_number() && !v.is_boolean()) {
    const double d = v.get<double>();
    if (std::isfinite(d)) return d;
    return std::nullopt;
  }
  if (v.is_string()) {
    const std::string s = trim(v.get<std::string>());
    if (s.empty()) return std::nullopt;
    char *end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (end == s.c_str() + s.size() && std::isfinite(d)) return d;
  }
  return std::nullopt;
}

std::optional<bool> as_boolean(const Json &v) {
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number_integer()) {
    const auto i = v.get<long long>();
    if (i == 0 || i == 1) return i == 1;
  }
  if (v.is_string()) {
    const std::string s = lower(trim(v.get<std::string>()));
    if (s == "true" || s == "t" || s == "yes" || s == "y" || s == "1") return true;
    if (s == "false" || s == "f" || s == "no" || s == "n" || s == "0") return false;
  }
  return std::nullopt;
}

Options::Options(const Json &request) {
  options_ = Json::object();
  if (request.contains("options") && !request["options"].is_null()) {
    if (!request["options"].is_object()) throw InvalidInput("field 'options': must be an object");
    options_ = request["options"];
  }
}

bool Options::has(const std::string &key) const { return options_.contains(key) && !options_[key].is_null(); }

const Json *Options::raw(const std::string &key) const { return has(key) ? &options_[key] : nullptr; }

std::optional<std::string> Options::text(const std::string &key) const {
  if (!has(key)) return std::nullopt;
  const auto &v = options_[key];
  if (!v.is_string()) throw InvalidInput("field 'options." + key + "': must be a string, got " + v.dump());
  return v.get<std::string>();
}

std::optional<long long> Options::integer(const std::string &key, long long min, long long max) const {
  if (!has(key)) return std::nullopt;
  const auto &v = options_[key];
  const auto d = as_number(v);
  if (!d || std::floor(*d) != *d || std::fabs(*d) > 9e15)
    throw InvalidInput("field 'options." + key + "': must be a whole number, got " + describe(v));
  const auto value = static_cast<long long>(*d);
  if (value < min || value > max)
    throw InvalidInput("field 'options." + key + "': must be between " + std::to_string(min) + " and " +
                       std::to_string(max) + ", got " + std::to_string(value));
  return value;
}

std::optional<double> Options::number(const std::string &key) const {
  if (!has(key)) return std::nullopt;
  const auto d = as_number(options_[key]);
  if (!d)
    throw InvalidInput("field 'options." + key + "': must be a finite number, got " +
                       describe(options_[key]));
  return d;
}

std::optional<bool> Options::boolean(const std::string &key) const {
  if (!has(key)) return std::nullopt;
  const auto b = as_boolean(options_[key]);
  if (!b)
    throw InvalidInput("field 'options." + key + "': must be true or false, got " + describe(options_[key]));
  return b;
}

std::optional<std::string> Options::first_present(std::initializer_list<const char *> keys) const {
  for (const char *k : keys)
    if (has(k)) return std::string(k);
  return std::nullopt;
}

std::optional<DataTable> DataTable::from_request(const Json &request, const sdk::RecordBatch *columns) {
  if (columns != nullptr) {
    DataTable t;
    t.row_count_ = columns->rows();
    for (std::size_t j = 0; j < columns->columns(); ++j) {
      const qloop_column &c = columns->column_at(j);
      t.columns_.emplace_back(c.name ? c.name : "");
      t.from_.push_back(&c);
    }
    return t;
  }
  const Json *source = nullptr;
  std::string where;
  if (request.contains("table") && !request["table"].is_null()) {
    source = &request["table"];
    where = "table";
  } else if (request.contains("data") && request["data"].is_object() && request["data"].contains("columns")) {
    source = &request["data"];
    where = "data";
  } else if (request.contains("data") && request["data"].is_array() && !request["data"].empty() &&
             request["data"][0].is_object()) {
    source = &request["data"];
    where = "data";
  } else {
    return std::nullopt;
  }
  DataTable t;
  if (source->is_array()) {
    for (std::size_t i = 0; i < source->size(); ++i) {
      const auto &row = (*source)[i];
      if (!row.is_object())
        throw InvalidInput("field '" + where + "[" + std::to_string(i) + "]': each row must be an object");
      for (const auto &item : row.items())
        if (std::find(t.columns_.begin(), t.columns_.end(), item.key()) == t.columns_.end())
          t.columns_.push_back(item.key());
    }
    for (const auto &row : *source) {
      std::vector<Json> cells;
      for (const auto &name : t.columns_) cells.push_back(row.contains(name) ? row[name] : Json());
      t.rows_.push_back(std::move(cells));
    }
    t.row_count_ = t.rows_.size();
    return t;
  }
  if (!source->is_object() || !source->contains("columns") || !source->contains("rows") ||
      !(*source)["columns"].is_array() || !(*source)["rows"].is_array())
    throw InvalidInput("field '" + where + "': must be {\"columns\": [...], \"rows\": [[...], ...]}");
  for (const auto &c : (*source)["columns"]) {
    if (!c.is_string()) throw InvalidInput("field '" + where + ".columns': column names must be strings");
    t.columns_.push_back(c.get<std::string>());
  }
  const auto &rows = (*source)["rows"];
  t.rows_.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto &row = rows[i];
    if (!row.is_array() || row.size() != t.columns_.size())
      throw InvalidInput("field '" + where + ".rows[" + std::to_string(i) + "]': must be an array of " +
                         std::to_string(t.columns_.size()) + " cells (one per column)");
    t.rows_.emplace_back(row.begin(), row.end());
  }
  t.row_count_ = t.rows_.size();
  return t;
}

Json DataTable::cell(std::size_t row, std::size_t column) const {
  if (from_.empty()) return rows_[row][column];
  const qloop_column *c = from_[column];
  if (!sdk::RecordBatch::has(c, row)) return Json();
  switch (c->type) {
  case QLOOP_VALUE_DOUBLE: return c->doubles[row];
  case QLOOP_VALUE_INT: return c->ints[row];
  case QLOOP_VALUE_BOOL: return c->ints[row] != 0;
  case QLOOP_VALUE_STRING: {
    // As in a JSON table from CSV: a cell that reads wholly as a number is one.
    Json text = std::string(c->strings[row], c->lengths[row]);
    if (auto d = as_number(text)) return *d;
    return text;
  }
  default: return Json();
  }
}

std::optional<std::size_t> DataTable::find(const std::string &name) const {
  for (std::size_t j = 0; j < columns_.size(); ++j)
    if (columns_[j] == name) return j;
  for (std::size_t j = 0; j < columns_.size(); ++j)
    if (lower(columns_[j]) == lower(name)) return j;
  return std::nullopt;
}

std::optional<std::size_t> DataTable::find_any(std::initializer_list<const char *> names) const {
  for (const char *n : names)
    for (std::size_t j = 0; j < columns_.size(); ++j)
      if (lower(columns_[j]) == n) return j;
  return std::nullopt;
}

std::size_t DataTable::require(const std::string &name, const std::string &option) const {
  if (auto j = find(name)) return *j;
  std::string have;
  for (const auto &c : columns_) have += (have.empty() ? "" : ", ") + c;
  throw InvalidInput("field 'options." + option + "': no column named '" + name + "' (columns: " + have +
                     ")");
}

bool DataTable::is_numeric_column(std::size_t column) const {
  if (!from_.empty() &&
      (from_[column]->type == QLOOP_VALUE_DOUBLE || from_[column]->type == QLOOP_VALUE_INT)) {
    for (std::size_t r = 0; r < row_count_; ++r)
      if (sdk::RecordBatch::has(from_[column], r)) return true;
    return false;
  }
  // Mostly numbers: a column of measurements with a stray "NaN" or "n/a"
  // still counts, so that the reading fails on that cell with its row named.
  std::size_t numbers = 0, others = 0;
  for (std::size_t r = 0; r < row_count_; ++r) {
    const Json v = cell(r, column);
    if (v.is_null()) continue;
    if (v.is_number() && !v.is_boolean())
      ++numbers;
    else
      ++others;
  }
  return numbers > 0 && numbers > others;
}

double DataTable::number(std::size_t row, std::size_t column) const {
  if (from_.empty()) return number_of(rows_[row][column], row, column);
  // The column path's common case, without making a JSON value.
  const qloop_column *c = from_[column];
  if (c->type == QLOOP_VALUE_DOUBLE && sdk::RecordBatch::has(c, row) && std::isfinite(c->doubles[row]))
    return c->doubles[row];
  return number_of(cell(row, column), row, column);
}

double DataTable::number_of(const Json &v, std::size_t row, std::size_t column) const {
  const std::string where = "field '" + columns_[column] + "' (data row " + std::to_string(row + 1) + ")";
  if (v.is_null()) throw InvalidInput(where + ": the cell is empty; every value must be a finite number");
  const auto d = as_number(v);
  if (!d) throw InvalidInput(where + ": must be a finite number, got " + describe(v));
  return *d;
}

bool DataTable::boolean(std::size_t row, std::size_t column) const {
  const Json v = cell(row, column);
  const auto b = as_boolean(v);
  if (!b)
    throw InvalidInput("field '" + columns_[column] + "' (data row " + std::to_string(row + 1) +
                       "): must be TRUE or FALSE, got " + describe(v));
  return *b;
}

double number_at(const Json &array, std::size_t i, const std::string &field) {
  const Json &v = array[i];
  const auto d = as_number(v);
  if (!d)
    throw InvalidInput("field '" + field + "[" + std::to_string(i) + "]': must be a finite number, got " +
                       describe(v));
  return *d;
}

std::vector<std::uint8_t> parse_positions(const Json &spec, std::size_t points, const std::string &field) {
  std::vector<std::uint8_t> mask(points, 0);
  auto mark = [&](long long from, long long to) {
    if (from < 1 || to < from || static_cast<std::size_t>(to) > points)
      throw InvalidInput("field '" + field + "': positions must lie within 1.." + std::to_string(points) +
                         ", got " + std::to_string(from) + (to != from ? "-" + std::to_string(to) : ""));
    for (long long k = from; k <= to; ++k) mask[static_cast<std::size_t>(k - 1)] = 1;
  };
  auto whole = [&](const std::string &s) -> long long {
    char *end = nullptr;
    const long long v = std::strtoll(s.c_str(), &end, 10);
    if (s.empty() || end != s.c_str() + s.size())
      throw InvalidInput("field '" + field + "': expected positions like \"1-25\" or \"1-10,12\", got \"" +
                         s + "\"");
    return v;
  };
  if (spec.is_string()) {
    std::string text = spec.get<std::string>();
    std::size_t begin = 0;
    while (begin <= text.size()) {
      const auto comma = text.find(',', begin);
      const std::string part =
          trim(text.substr(begin, comma == std::string::npos ? std::string::npos : comma - begin));
      const auto dash = part.find('-', 1);
      if (dash == std::string::npos)
        mark(whole(part), whole(part));
      else
        mark(whole(trim(part.substr(0, dash))), whole(trim(part.substr(dash + 1))));
      if (comma == std::string::npos) break;
      begin = comma + 1;
    }
  } else if (spec.is_array()) {
    for (const auto &item : spec) {
      const auto d = as_number(item);
      if (!d || std::floor(*d) != *d)
        throw InvalidInput("field '" + field + "': positions must be whole numbers, got " + describe(item));
      mark(static_cast<long long>(*d), static_cast<long long>(*d));
    }
  } else {
    throw InvalidInput("field '" + field + "': must be a string like \"1-25\" or an array of positions");
  }
  return mask;
}

} // namespace qloop::spc
