#include "pareto_input.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

#include <qloop/plugin.hpp>

namespace qloop::pareto {
namespace {

using nlohmann::json;
using sdk::InvalidInput;

const json *member(const json &object, const char *key) {
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string lower(std::string s) {
  for (auto &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string &s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::optional<std::string> string_option(const json &options, const char *key) {
  const json *v = member(options, key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string() || trim(v->get<std::string>()).empty())
    throw InvalidInput(std::string("field 'options.") + key + "': must be a non-empty string");
  return v->get<std::string>();
}

Settings read_settings(const json &options, Settings s) {
  if (const json *t = member(options, "threshold")) {
    if (!t->is_number() || !(t->get<double>() > 0) || t->get<double>() > 100)
      throw InvalidInput("field 'options.threshold': must be a number of percent, above 0 and at most 100");
    s.threshold = t->get<double>();
  }
  if (const json *n = member(options, "top_n")) {
    if (!n->is_number_integer() || n->get<long long>() < 0)
      throw InvalidInput("field 'options.top_n': must be a whole number >= 0 (0: no \"other\" bucket)");
    s.top_n = static_cast<std::size_t>(n->get<long long>());
  }
  if (auto label = string_option(options, "other_label")) s.other_label = *label;
  return s;
}

// A category from a cell or record value: text, or a number/boolean as text.
std::optional<std::string> category_of(const json &v, const std::string &where) {
  if (v.is_null()) return std::nullopt;
  if (v.is_string()) {
    auto text = trim(v.get<std::string>());
    if (text.empty()) return std::nullopt;
    return text;
  }
  if (v.is_number() || v.is_boolean()) return v.dump();
  throw InvalidInput("field '" + where + "': a category must be text, a number or a boolean, not " +
                     v.dump());
}

double value_of(const json *v, const std::string &where, const std::string &column) {
  if (v == nullptr || !v->is_number() || !std::isfinite(v->get<double>()) || v->get<double>() < 0)
    throw InvalidInput("field '" + where + "' value '" + column + "': must be a number >= 0, got " +
                       (v == nullptr ? "nothing" : v->dump()));
  return v->get<double>();
}

std::string short_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string joined(const json &columns) {
  std::string out;
  for (const auto &c : columns)
    out += (out.empty() ? "" : ", ") + (c.is_string() ? c.get<std::string>() : c.dump());
  return out;
}

std::optional<std::size_t> find_column(const json &columns, const std::string &name) {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].is_string() && columns[i].get<std::string>() == name) return i;
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].is_string() && lower(trim(columns[i].get<std::string>())) == lower(trim(name))) return i;
  return std::nullopt;
}

void add(Input &in, std::optional<std::string> category, double value) {
  if (!category) ++in.blank;
  in.observations.push_back({category.value_or(""), value});
}

void from_table(const json &table, Input &in) {
  const json *columns = member(table, "columns");
  const json *rows = member(table, "rows");
  if (columns == nullptr || !columns->is_array() || rows == nullptr || !rows->is_array())
    throw InvalidInput("field 'table': needs 'columns' and 'rows' arrays");
  if (in.field.empty()) {
    if (find_column(*columns, "category"))
      in.field = "category";
    else if (columns->size() == 1 && (*columns)[0].is_string())
      in.field = (*columns)[0].get<std::string>();
    else
      throw InvalidInput("field 'options.field': required, the column to count by; columns are: " +
                         joined(*columns));
  }
  auto field_col = find_column(*columns, in.field);
  if (!field_col)
    throw InvalidInput("field 'options.field': no column '" + in.field +
                       "'; columns are: " + joined(*columns));
  std::optional<std::size_t> value_col;
  if (in.value_field) {
    value_col = find_column(*columns, *in.value_field);
    if (!value_col)
      throw InvalidInput("field 'options.value': no column '" + *in.value_field +
                         "'; columns are: " + joined(*columns));
  }
  for (std::size_t r = 0; r < rows->size(); ++r) {
    const json &row = (*rows)[r];
    const std::string where = "table.rows[" + std::to_string(r) + "]";
    if (!row.is_array()) throw InvalidInput("field '" + where + "': must be an array of cells");
    auto cell = [&](std::size_t c) -> const json * {
      return c < row.size() && !row[c].is_null() ? &row[c] : nullptr;
    };
    const json *category = cell(*field_col);
    double value = value_col ? value_of(cell(*value_col), where, *in.value_field) : 1.0;
    add(in, category ? category_of(*category, where + "." + in.field) : std::nullopt, value);
  }
}

// A record's field: the key itself, or a dotted path into nested objects
// ("extra.line" for {"extra": {"line": ...}}).
const json *lookup(const json &record, const std::string &path) {
  if (const json *direct = member(record, path.c_str())) return direct;
  const json *at = &record;
  std::size_t start = 0;
  while (true) {
    auto dot = path.find('.', start);
    if (!at->is_object()) return nullptr;
    at = member(*at, path.substr(start, dot == std::string::npos ? std::string::npos : dot - start).c_str());
    if (at == nullptr || dot == std::string::npos) return at;
    start = dot + 1;
  }
}

void from_records(const json &records, const std::string &where, Input &in) {
  if (in.field.empty()) {
    bool has_category = !records.empty() && records[0].is_object() && records[0].contains("category");
    if (!has_category) throw InvalidInput("field 'options.field': required, the record field to count by");
    in.field = "category";
  }
  for (std::size_t i = 0; i < records.size(); ++i) {
    const std::string at = where + "[" + std::to_string(i) + "]";
    if (!records[i].is_object()) throw InvalidInput("field '" + at + "': must be an object (a record)");
    const json *category = lookup(records[i], in.field);
    double value = in.value_field ? value_of(lookup(records[i], *in.value_field), at, *in.value_field) : 1.0;
    add(in, category ? category_of(*category, at + "." + in.field) : std::nullopt, value);
  }
}

} // namespace

Input read_input(const nlohmann::json &request, const Settings &defaults, bool zh) {
  if (!request.is_object()) throw InvalidInput("request: must be a JSON object");
  const json *options = member(request, "options");
  if (options != nullptr && !options->is_object()) throw InvalidInput("field 'options': must be an object");
  static const json kNoOptions = json::object();
  const json &opts = options != nullptr ? *options : kNoOptions;

  Input in;
  in.settings = read_settings(opts, defaults);
  in.field = string_option(opts, "field").value_or("");
  in.value_field = string_option(opts, "value");

  const json *data = member(request, "data");
  const json *table = member(request, "table");
  const json *records = nullptr;
  std::string where;
  if (data != nullptr && data->is_array()) {
    records = data, where = "data";
  } else if (data != nullptr && data->is_object()) {
    if ((records = member(*data, "items")))
      where = "data.items";
    else if ((records = member(*data, "records")))
      where = "data.records";
  }
  if (records != nullptr) {
    if (!records->is_array()) throw InvalidInput("field '" + where + "': must be an array of records");
    from_records(*records, where, in);
  } else if (table != nullptr) {
    from_table(*table, in);
  } else {
    throw InvalidInput("field 'data.items': required (records), or a table (CSV) to count");
  }
  if (in.observations.empty())
    throw InvalidInput(std::string("field '") + (records != nullptr ? where : "table.rows") +
                       "': no rows; a Pareto chart needs data");
  if (in.blank == in.observations.size())
    throw InvalidInput("field 'options.field': no row has a value for '" + in.field + "'");
  for (auto &o : in.observations)
    if (o.category.empty()) o.category = zh ? kBlankZh : kBlankEn;
  if (in.blank > 0)
    in.warnings.push_back(zh ? std::to_string(in.blank) + " 行没有 " + in.field + ",计入“" + kBlankZh + "”"
                             : std::to_string(in.blank) + " rows have no " + in.field + "; counted as " +
                                   kBlankEn);
  if (in.settings.threshold <= 1)
    in.warnings.push_back(zh ? "threshold 的单位是百分比:" + short_number(in.settings.threshold) +
                                   " 表示不到 1%"
                             : "threshold is in percent: " + short_number(in.settings.threshold) +
                                   " means less than 1%, not a fraction of 1");
  return in;
}

} // namespace qloop::pareto
