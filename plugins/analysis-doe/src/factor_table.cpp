#include "factor_table.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include <qloop/plugin.hpp>

namespace qloop::doe {
namespace {

using sdk::InvalidInput;

struct Collector {
  FactorColumn col;
  std::size_t column = 0;
  bool seen_number = false, seen_text = false;
  std::unordered_map<double, std::uint32_t> by_number;
  std::unordered_map<std::string, std::uint32_t> by_text;
};

void add_value(Collector &c, const DataTable &t, std::size_t row) {
  const Json v = t.cell(row, c.column);
  // Built only for a message: this runs once per cell of large tables.
  auto where = [&] { return "field '" + c.col.name + "' (data row " + std::to_string(row + 1) + ")"; };
  std::uint32_t level = 0;
  if (v.is_number() && !v.is_boolean()) {
    const double d = v.get<double>();
    if (!std::isfinite(d)) throw InvalidInput(where() + ": a level must be finite");
    if (c.seen_text)
      throw InvalidInput(where() + ": the column mixes numbers and text; use one or the other");
    c.seen_number = true;
    auto [it, inserted] = c.by_number.emplace(d, static_cast<std::uint32_t>(c.col.levels.size()));
    if (inserted) {
      c.col.levels.push_back(level_text(v));
      c.col.level_values.push_back(d);
    }
    level = it->second;
  } else if (v.is_string() && !v.get<std::string>().empty()) {
    if (c.seen_number)
      throw InvalidInput(where() + ": the column mixes numbers and text; use one or the other");
    c.seen_text = true;
    auto [it, inserted] =
        c.by_text.emplace(v.get<std::string>(), static_cast<std::uint32_t>(c.col.levels.size()));
    if (inserted) c.col.levels.push_back(v.get<std::string>());
    level = it->second;
  } else {
    throw InvalidInput(where() + ": a level must be a number or text, got " + v.dump());
  }
  c.col.level_of.push_back(level);
}

// Numbers ascending; text in the order given by options.levels, else as seen.
void order_levels(Collector &c, const Json *level_order) {
  auto &col = c.col;
  col.numeric = !c.seen_text;
  const std::size_t n = col.levels.size();
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  if (col.numeric) {
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return col.level_values[a] < col.level_values[b]; });
  } else if (level_order && level_order->contains(col.name)) {
    const Json &wanted = (*level_order)[col.name];
    const std::string field = "options.levels." + col.name;
    if (!wanted.is_array())
      throw InvalidInput("field '" + field + "': must be an array of the factor's levels");
    std::vector<std::uint32_t> ordered;
    for (const auto &w : wanted) {
      const std::string label = w.is_string() ? w.get<std::string>() : w.dump();
      auto it = std::find(col.levels.begin(), col.levels.end(), label);
      if (it == col.levels.end())
        throw InvalidInput("field '" + field + "': level '" + label + "' does not occur in column '" +
                           col.name + "'");
      ordered.push_back(static_cast<std::uint32_t>(it - col.levels.begin()));
    }
    if (ordered.size() != n)
      throw InvalidInput("field '" + field + "': must list each of the " + std::to_string(n) +
                         " levels of '" + col.name + "' once");
    order = ordered;
  }
  std::vector<std::uint32_t> new_index(n);
  for (std::size_t i = 0; i < n; ++i) new_index[order[i]] = static_cast<std::uint32_t>(i);
  std::vector<std::string> labels(n);
  std::vector<double> values(col.numeric ? n : 0);
  for (std::size_t i = 0; i < n; ++i) {
    labels[i] = col.levels[order[i]];
    if (col.numeric) values[i] = col.level_values[order[i]];
  }
  col.levels = std::move(labels);
  col.level_values = std::move(values);
  for (auto &l : col.level_of) l = new_index[l];
}

} // namespace

FactorTable read_factor_table(const DataTable &table, const FactorTableRequest &req) {
  FactorTable out;
  out.response = req.response;
  const std::size_t y_col = table.column_index(req.response, "options.response");
  std::vector<Collector> collectors;
  for (std::size_t i = 0; i < req.factors.size(); ++i) {
    const auto &name = req.factors[i];
    if (name == req.response)
      throw InvalidInput("field 'options.factors': '" + name +
                         "' is the response; a factor must be another column");
    for (std::size_t j = 0; j < i; ++j)
      if (req.factors[j] == name)
        throw InvalidInput("field 'options.factors': '" + name + "' is listed twice");
    Collector c;
    c.col.name = name;
    c.column = table.column_index(name, "options.factors[" + std::to_string(i) + "]");
    collectors.push_back(std::move(c));
  }
  std::optional<Collector> block;
  if (req.block) {
    block.emplace();
    block->col.name = *req.block;
    block->column = table.column_index(*req.block, "options.block");
  }
  const std::size_t rows = table.row_count();
  out.y.reserve(rows);
  out.source_row.reserve(rows);
  for (auto &c : collectors) c.col.level_of.reserve(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    if (req.drop_missing) {
      bool missing = table.is_missing(r, y_col) || (block && table.is_missing(r, block->column));
      for (const auto &c : collectors) missing = missing || table.is_missing(r, c.column);
      if (missing) {
        ++out.dropped;
        continue;
      }
    }
    out.y.push_back(table.number(r, y_col));
    for (auto &c : collectors) add_value(c, table, r);
    if (block) add_value(*block, table, r);
    out.source_row.push_back(r);
  }
  for (auto &c : collectors) {
    order_levels(c, req.level_order);
    if (c.col.levels.size() < 2 && !out.y.empty())
      throw InvalidInput("field '" + c.col.name + "': the factor has a single level ('" + c.col.levels[0] +
                         "'); every factor needs at least two levels");
    out.factors.push_back(std::move(c.col));
  }
  if (block) {
    order_levels(*block, nullptr);
    out.block = std::move(block->col);
  }
  return out;
}

} // namespace qloop::doe
