#include "request_io.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <qloop/plugin.hpp>

namespace qloop::doe {
namespace {

using sdk::InvalidInput;

std::string describe(const Json &v) {
  if (v.is_string()) return "'" + v.get<std::string>() + "'";
  return v.dump();
}

} // namespace

DataTable DataTable::from_request(Json &request, const sdk::RecordBatch *columns) {
  DataTable t;
  if (columns != nullptr) {
    t.row_count_ = columns->rows();
    for (std::size_t j = 0; j < columns->columns(); ++j) {
      const qloop_column &c = columns->column_at(j);
      t.columns_.emplace_back(c.name ? c.name : "");
      t.from_.push_back(&c);
    }
    return t;
  }
  Json *source = nullptr;
  std::string where;
  if (request.contains("table") && !request["table"].is_null()) {
    source = &request["table"];
    where = "table";
  } else if (request.contains("data") && !request["data"].is_null()) {
    source = &request["data"];
    where = "data";
  } else {
    throw InvalidInput(
        "field 'table': no data; give a CSV file, or 'table' {columns, rows} or 'data' (an array of "
        "row objects) in a JSON request");
  }
  if (source->is_array()) {
    // [{column: value, ...}, ...]: columns in order of first appearance.
    std::vector<std::string> names;
    for (std::size_t i = 0; i < source->size(); ++i) {
      const auto &row = (*source)[i];
      if (!row.is_object())
        throw InvalidInput("field '" + where + "[" + std::to_string(i) + "]': each row must be an object");
      for (const auto &item : row.items())
        if (std::find(names.begin(), names.end(), item.key()) == names.end()) names.push_back(item.key());
    }
    t.columns_ = names;
    for (const auto &row : *source) {
      std::vector<Json> cells;
      for (const auto &name : names) cells.push_back(row.contains(name) ? row[name] : Json());
      t.rows_.push_back(std::move(cells));
    }
    t.row_count_ = t.rows_.size();
    return t;
  }
  if (!source->is_object() || !source->contains("columns") || !source->contains("rows") ||
      !(*source)["columns"].is_array() || !(*source)["rows"].is_array())
    throw InvalidInput("field '" + where +
                       "': must be {\"columns\": [...], \"rows\": [[...], ...]} or an array of "
                       "row objects");
  for (const auto &c : (*source)["columns"]) {
    if (!c.is_string()) throw InvalidInput("field '" + where + ".columns': column names must be strings");
    t.columns_.push_back(c.get<std::string>());
  }
  auto &rows = (*source)["rows"];
  t.rows_.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto &row = rows[i];
    if (!row.is_array() || row.size() != t.columns_.size())
      throw InvalidInput("field '" + where + ".rows[" + std::to_string(i) + "]': must be an array of " +
                         std::to_string(t.columns_.size()) + " cells (one per column)");
    std::vector<Json> cells;
    cells.reserve(row.size());
    for (auto &c : row) cells.push_back(std::move(c));
    t.rows_.push_back(std::move(cells));
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
    // As in a JSON table from CSV: a cell that reads wholly as a finite
    // number (no spaces) is one.
    std::string text(c->strings[row], c->lengths[row]);
    char *end = nullptr;
    const double d = text.empty() ? 0 : std::strtod(text.c_str(), &end);
    if (!text.empty() && end == text.c_str() + text.size() && std::isfinite(d) &&
        text.find_first_of(" \t") == std::string::npos)
      return d;
    return text;
  }
  default: return Json();
  }
}

std::optional<std::size_t> DataTable::find_column(const std::string &name) const {
  for (std::size_t j = 0; j < columns_.size(); ++j)
    if (columns_[j] == name) return j;
  return std::nullopt;
}

std::size_t DataTable::column_index(const std::string &name, const std::string &field) const {
  if (auto j = find_column(name)) return *j;
  std::string have;
  for (const auto &c : columns_) have += (have.empty() ? "" : ", ") + c;
  throw InvalidInput("field '" + field + "': no column named '" + name + "' (columns: " + have + ")");
}

double DataTable::number(std::size_t row, std::size_t column) const {
  if (!from_.empty()) {
    // The column path's common case, without making a JSON value.
    const qloop_column *c = from_[column];
    if (c->type == QLOOP_VALUE_DOUBLE && sdk::RecordBatch::has(c, row) && std::isfinite(c->doubles[row]))
      return c->doubles[row];
  }
  const Json v = cell(row, column);
  auto where = [&] { return "field '" + columns_[column] + "' (data row " + std::to_string(row + 1) + ")"; };
  if (v.is_null()) throw InvalidInput(where() + ": the cell is empty; every value must be a finite number");
  if (!v.is_number() || v.is_boolean())
    throw InvalidInput(where() + ": must be a finite number, got " + describe(v));
  const double d = v.get<double>();
  if (!std::isfinite(d)) throw InvalidInput(where() + ": must be a finite number, got " + describe(v));
  return d;
}

std::string level_text(const Json &value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return value.dump();
  if (value.is_number()) {
    const double d = value.get<double>();
    if (d == std::floor(d) && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
    char buf[64];
    for (int digits = 1; digits <= 17; ++digits) {
      std::snprintf(buf, sizeof buf, "%.*g", digits, d);
      if (std::strtod(buf, nullptr) == d) break;
    }
    return buf;
  }
  return value.dump();
}

Options::Options(const Json &request, bool merge_data) {
  options_ = Json::object();
  if (merge_data && request.contains("data") && request["data"].is_object())
    for (const auto &item : request["data"].items()) options_[item.key()] = item.value();
  if (request.contains("options")) {
    if (!request["options"].is_object()) throw InvalidInput("field 'options': must be an object");
    for (const auto &item : request["options"].items()) options_[item.key()] = item.value();
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
  long long value = 0;
  if (v.is_number_integer())
    value = v.get<long long>();
  else if (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>() &&
           std::fabs(v.get<double>()) < 9e15)
    value = static_cast<long long>(v.get<double>());
  else
    throw InvalidInput("field 'options." + key + "': must be an integer, got " + v.dump());
  if (value < min || value > max)
    throw InvalidInput("field 'options." + key + "': must be between " + std::to_string(min) + " and " +
                       std::to_string(max) + ", got " + std::to_string(value));
  return value;
}

std::optional<std::uint64_t> Options::unsigned_integer(const std::string &key) const {
  if (!has(key)) return std::nullopt;
  const auto &v = options_[key];
  if (v.is_number_unsigned()) return v.get<std::uint64_t>();
  if (v.is_number_integer() && v.get<long long>() >= 0) return static_cast<std::uint64_t>(v.get<long long>());
  throw InvalidInput("field 'options." + key + "': must be a non-negative integer, got " + v.dump());
}

std::optional<double> Options::number(const std::string &key, double min, double max) const {
  if (!has(key)) return std::nullopt;
  const auto &v = options_[key];
  if (!v.is_number() || v.is_boolean())
    throw InvalidInput("field 'options." + key + "': must be a number, got " + v.dump());
  const double d = v.get<double>();
  if (!(d >= min && d <= max))
    throw InvalidInput("field 'options." + key + "': must be between " + level_text(Json(min)) + " and " +
                       level_text(Json(max)) + ", got " + v.dump());
  return d;
}

std::optional<bool> Options::boolean(const std::string &key) const {
  if (!has(key)) return std::nullopt;
  const auto &v = options_[key];
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_string()) {
    const auto s = v.get<std::string>();
    if (s == "true" || s == "yes" || s == "on") return true;
    if (s == "false" || s == "no" || s == "off") return false;
  }
  throw InvalidInput("field 'options." + key + "': must be true or false, got " + v.dump());
}

std::optional<std::vector<std::string>> Options::text_list(const std::string &key) const {
  if (!has(key)) return std::nullopt;
  const auto &v = options_[key];
  std::vector<std::string> out;
  if (v.is_string()) {
    out.push_back(v.get<std::string>());
    return out;
  }
  if (!v.is_array())
    throw InvalidInput("field 'options." + key + "': must be an array of strings, got " + v.dump());
  for (const auto &item : v) {
    if (!item.is_string())
      throw InvalidInput("field 'options." + key + "': must be an array of strings, got item " + item.dump());
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::optional<std::string> Options::first_present(std::initializer_list<const char *> keys) const {
  for (const char *k : keys)
    if (has(k)) return std::string(k);
  return std::nullopt;
}

} // namespace qloop::doe
