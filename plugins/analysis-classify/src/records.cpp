#include "records.hpp"

#include <charconv>
#include <cmath>
#include <optional>

namespace qloop::classify {
namespace {

// Numbers print the same on both paths: the JSON path reads a number cell,
// the column path a DOUBLE column built from the same cells.
std::string number_text(double v) {
  if (!std::isfinite(v)) return "";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

std::string lower(std::string s) {
  for (auto &c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Where each wanted field sits among the table's headers: an exact match
// first, then one that differs only in case or surrounding spaces
// ("Phenomenon ", "PRODUCT_MODEL" from a spreadsheet).
struct Layout {
  std::optional<std::size_t> phenomenon, product_model, channel, customer;
  std::array<std::optional<std::size_t>, kTargetCount> labels;
};

std::optional<std::size_t> find_column(const std::vector<std::string> &names, const char *want,
                                       const char *alias = nullptr) {
  for (const char *w : {want, alias}) {
    if (w == nullptr) continue;
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == w) return i;
    for (std::size_t i = 0; i < names.size(); ++i) {
      std::string n = names[i];
      n.erase(0, n.find_first_not_of(" \t"));
      n.erase(n.find_last_not_of(" \t") + 1);
      if (lower(n) == w) return i;
    }
  }
  return std::nullopt;
}

Layout layout_of(const std::vector<std::string> &names) {
  Layout l;
  l.phenomenon = find_column(names, "phenomenon");
  if (!l.phenomenon) throw sdk::InvalidInput("table: column phenomenon is missing");
  l.product_model = find_column(names, "product_model");
  l.channel = find_column(names, "channel");
  l.customer = find_column(names, "customer");
  for (Target t : kTargets)
    l.labels[index_of(t)] =
        find_column(names, label_column(t), t == Target::department ? "department" : nullptr);
  return l;
}

template <class Cell> void fill(Records &out, const Layout &l, std::size_t rows, Cell &&cell) {
  auto column = [&](const std::optional<std::size_t> &c, std::vector<std::string> &to) {
    to.assign(rows, std::string());
    if (c)
      for (std::size_t r = 0; r < rows; ++r) to[r] = cell(r, *c);
  };
  column(l.phenomenon, out.phenomenon);
  column(l.product_model, out.product_model);
  column(l.channel, out.channel);
  column(l.customer, out.customer);
  for (Target t : kTargets) {
    auto &labels = out.labels[index_of(t)];
    if (!l.labels[index_of(t)]) continue;
    column(l.labels[index_of(t)], labels);
    // A label is a name: " Minor" and "minor" from a hand-kept sheet are one class.
    for (auto &v : labels) {
      v.erase(0, v.find_first_not_of(" \t\r\n"));
      v.erase(v.find_last_not_of(" \t\r\n") + 1);
    }
  }
}

} // namespace

Records records_from_json(const nlohmann::json &request) {
  const auto it = request.find("table");
  if (it == request.end() || it->is_null())
    throw sdk::InvalidInput("table: missing (the complaints, with at least a phenomenon column)");
  const auto &table = *it;
  if (!table.is_object() || !table.contains("columns") || !table.contains("rows"))
    throw sdk::InvalidInput("table: must be an object with columns and rows");
  const auto &columns = table["columns"];
  const auto &rows = table["rows"];
  if (!columns.is_array()) throw sdk::InvalidInput("table.columns: must be an array of names");
  if (!rows.is_array()) throw sdk::InvalidInput("table.rows: must be an array of rows");
  std::vector<std::string> names;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (!columns[i].is_string())
      throw sdk::InvalidInput("table.columns[" + std::to_string(i) + "]: must be a string");
    names.push_back(columns[i].get<std::string>());
  }
  const Layout layout = layout_of(names);
  for (std::size_t r = 0; r < rows.size(); ++r)
    if (!rows[r].is_array() || rows[r].size() != names.size())
      throw sdk::InvalidInput("table.rows[" + std::to_string(r) + "]: must be an array of " +
                              std::to_string(names.size()) + " cells, one per column");
  Records out;
  fill(out, layout, rows.size(), [&](std::size_t r, std::size_t c) -> std::string {
    const auto &v = rows[r][c];
    if (v.is_string()) return v.get<std::string>();
    if (v.is_null()) return {};
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_number()) return number_text(v.get<double>());
    throw sdk::InvalidInput("table.rows[" + std::to_string(r) + "][" + std::to_string(c) +
                            "]: must be a string, number or null");
  });
  return out;
}

Records records_from_columns(const sdk::RecordBatch &table) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < table.columns(); ++i) names.emplace_back(table.column_at(i).name);
  const Layout layout = layout_of(names);
  Records out;
  fill(out, layout, table.rows(), [&](std::size_t r, std::size_t c) -> std::string {
    const qloop_column *col = &table.column_at(c);
    if (!sdk::RecordBatch::has(col, r)) return {};
    switch (col->type) {
    case QLOOP_VALUE_STRING: return std::string(sdk::RecordBatch::text(col, r));
    case QLOOP_VALUE_DOUBLE: return number_text(col->doubles[r]);
    case QLOOP_VALUE_INT: return std::to_string(col->ints[r]);
    case QLOOP_VALUE_BOOL: return col->ints[r] ? "true" : "false";
    default: return {};
    }
  });
  return out;
}

} // namespace qloop::classify
