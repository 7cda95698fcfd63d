#include "data_input.hpp"

#include <cmath>
#include <cstdio>
#include <map>

#include <qloop/plugin.hpp>

namespace qloop::spc {
namespace {

using sdk::InvalidInput;

std::string str(std::size_t n) { return std::to_string(n); }

constexpr std::initializer_list<const char *> kSubgroupNames = {"subgroup", "sample", "group", "batch",
                                                                "lot"};
constexpr std::initializer_list<const char *> kTrialNames = {"trial", "phase1", "phase_1", "phase i"};
constexpr std::initializer_list<const char *> kValueNames = {"value", "values", "x", "measurement", "y"};
constexpr std::initializer_list<const char *> kCountNames = {
    "count", "defects", "defectives", "nonconforming", "nonconformities", "d", "x", "c"};
constexpr std::initializer_list<const char *> kSizeNames = {"size", "n", "sample_size", "units", "inspected"};

std::optional<std::size_t> column_option(const DataTable &t, const Options &o, const char *option,
                                         std::initializer_list<const char *> defaults) {
  if (auto name = o.text(option)) return t.require(*name, option);
  return t.find_any(defaults);
}

std::string level_text(const Json &v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return v.dump();
  if (v.is_number()) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", v.get<double>());
    return buf;
  }
  return v.dump();
}

// The value column: named by option, or the one numeric column left once the
// subgroup, trial and other role columns are set aside.
std::size_t value_column(const DataTable &t, const Options &o,
                         std::initializer_list<std::optional<std::size_t>> taken) {
  if (auto name = o.first_present({"value_column", "column"})) return t.require(*o.text(*name), *name);
  auto is_taken = [&](std::size_t j) {
    for (const auto &k : taken)
      if (k && *k == j) return true;
    return false;
  };
  if (auto j = t.find_any(kValueNames); j && !is_taken(*j)) return *j;
  std::vector<std::size_t> numeric;
  for (std::size_t j = 0; j < t.columns().size(); ++j)
    if (!is_taken(j) && t.is_numeric_column(j)) numeric.push_back(j);
  if (numeric.size() == 1) return numeric.front();
  std::string names;
  for (auto j : numeric) names += (names.empty() ? "" : ", ") + t.columns()[j];
  throw InvalidInput("field 'options.value_column': required; " +
                     (numeric.empty() ? std::string("the table has no numeric column")
                                      : "the table has several numeric columns (" + names + ")"));
}

std::vector<std::uint8_t> trial_array(const Json &array, std::size_t points, const std::string &field) {
  if (!array.is_array() || array.size() != points)
    throw InvalidInput("field '" + field + "': must be an array of " + str(points) +
                       " booleans (one per point)");
  std::vector<std::uint8_t> out;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const auto b = as_boolean(array[i]);
    if (!b)
      throw InvalidInput("field '" + field + "[" + str(i) + "]': must be true or false, got " +
                         describe(array[i]));
    out.push_back(*b ? 1 : 0);
  }
  return out;
}

void chunk_into_subgroups(MeasuredData &m, std::vector<double> values, long long size) {
  if (values.size() % static_cast<std::size_t>(size) != 0)
    throw InvalidInput("field 'options.subgroup_size': " + str(values.size()) +
                       " values do not split into subgroups of " + std::to_string(size));
  for (std::size_t i = 0; i < values.size(); i += static_cast<std::size_t>(size))
    m.groups.add(std::span<const double>(values.data() + i, static_cast<std::size_t>(size)));
  m.individuals = false;
}

void as_individuals(MeasuredData &m, std::vector<double> values) {
  m.groups.values = std::move(values);
  m.groups.start.resize(m.groups.values.size() + 1);
  for (std::size_t i = 0; i <= m.groups.values.size(); ++i) m.groups.start[i] = i;
  m.individuals = true;
}

MeasuredData read_table(const DataTable &t, const Options &o, bool want_subgroups) {
  MeasuredData m;
  const auto subgroup = column_option(t, o, "subgroup_column", kSubgroupNames);
  const auto trial = column_option(t, o, "trial_column", kTrialNames);
  const std::size_t value = value_column(t, o, {subgroup, trial});
  m.field = t.columns()[value];
  if (t.rows() == 0) throw InvalidInput("field '" + m.field + "': the table has no rows");
  std::vector<double> values(t.rows());
  for (std::size_t r = 0; r < t.rows(); ++r) values[r] = t.number(r, value);
  std::vector<std::uint8_t> row_trial;
  if (trial)
    for (std::size_t r = 0; r < t.rows(); ++r) row_trial.push_back(t.boolean(r, *trial) ? 1 : 0);

  const auto size = o.integer("subgroup_size", 1, 1000000);
  if (want_subgroups && size) {
    chunk_into_subgroups(m, std::move(values), *size);
    if (!row_trial.empty())
      for (std::size_t k = 0; k < m.groups.count(); ++k)
        m.trial.push_back(row_trial[k * static_cast<std::size_t>(*size)]);
    return m;
  }
  if (want_subgroups && subgroup) {
    // Subgroups in order of first appearance; rows of one subgroup need not be adjacent.
    std::map<std::string, std::size_t> index;
    std::vector<std::vector<double>> members;
    std::vector<int> trial_of;
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const Json id = t.cell(r, *subgroup);
      if (id.is_null())
        throw InvalidInput("field '" + t.columns()[*subgroup] + "' (data row " + str(r + 1) +
                           "): the subgroup is empty");
      const std::string key = level_text(id);
      auto [it, fresh] = index.emplace(key, members.size());
      if (fresh) {
        members.emplace_back();
        m.labels.push_back(key);
        trial_of.push_back(row_trial.empty() ? -1 : row_trial[r]);
      }
      members[it->second].push_back(values[r]);
      if (!row_trial.empty() && trial_of[it->second] != row_trial[r])
        throw InvalidInput("field '" + t.columns()[*trial] + "' (data row " + str(r + 1) + "): subgroup " +
                           key + " has rows both in and out of the trial set");
    }
    for (const auto &g : members) m.groups.add(g);
    for (int f : trial_of)
      if (f >= 0) m.trial.push_back(static_cast<std::uint8_t>(f));
    m.individuals = false;
    return m;
  }
  if (want_subgroups)
    throw InvalidInput(
        "field 'options.subgroup_column': this chart needs subgroups; give subgroup_column (a column "
        "that names each row's subgroup) or subgroup_size");
  as_individuals(m, std::move(values));
  m.trial = std::move(row_trial);
  return m;
}

} // namespace

DataShape detect_shape(const Json &request, const Options &o, const sdk::RecordBatch *columns) {
  if (o.has("count_column") || o.has("size_column")) return DataShape::counts;
  if (auto t = DataTable::from_request(request, columns)) {
    if (o.has("subgroup_column") || o.has("subgroup_size") || t->find_any(kSubgroupNames))
      return DataShape::subgroups;
    return DataShape::individuals;
  }
  if (o.has("subgroup_size")) return DataShape::subgroups;
  const Json &d = request.contains("data") ? request["data"] : Json();
  if (d.is_object() && d.contains("counts")) return DataShape::counts;
  if (d.is_object() && d.contains("subgroups")) return DataShape::subgroups;
  if (d.is_array() && !d.empty() && d[0].is_array()) return DataShape::subgroups;
  return DataShape::individuals;
}

MeasuredData read_measurements(const Json &request, const Options &o, bool want_subgroups,
                               const sdk::RecordBatch *columns) {
  if (auto t = DataTable::from_request(request, columns)) return read_table(*t, o, want_subgroups);
  if (!request.contains("data") || request["data"].is_null())
    throw InvalidInput(
        "field 'data': no data; give a CSV file, a 'table', or 'data' as an array of values or "
        "subgroups");
  const Json &d = request["data"];
  MeasuredData m;
  const Json *values = nullptr, *subgroups = nullptr;
  std::string where = "data";
  if (d.is_array() && (d.empty() || !d[0].is_array()))
    values = &d;
  else if (d.is_array())
    subgroups = &d;
  else if (d.is_object() && d.contains("values"))
    values = &d["values"], where = "data.values";
  else if (d.is_object() && d.contains("subgroups"))
    subgroups = &d["subgroups"], where = "data.subgroups";
  else
    throw InvalidInput(
        "field 'data': must be an array of values, an array of subgroups, {\"values\": [...]} or "
        "{\"subgroups\": [[...], ...]}");
  if (values) {
    if (!values->is_array()) throw InvalidInput("field '" + where + "': must be an array of numbers");
    std::vector<double> v(values->size());
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = number_at(*values, i, where);
    if (v.empty()) throw InvalidInput("field '" + where + "': no values");
    const auto size = o.integer("subgroup_size", 1, 1000000);
    if (want_subgroups && size)
      chunk_into_subgroups(m, std::move(v), *size);
    else if (want_subgroups)
      throw InvalidInput(
          "field 'data': this chart needs subgroups; give data as [[...], ...] or option subgroup_size");
    else
      as_individuals(m, std::move(v));
  } else {
    if (!subgroups->is_array() || subgroups->empty())
      throw InvalidInput("field '" + where + "': no subgroups");
    std::vector<double> all;
    for (std::size_t k = 0; k < subgroups->size(); ++k) {
      const Json &g = (*subgroups)[k];
      const std::string gfield = where + "[" + str(k) + "]";
      if (!g.is_array() || g.empty())
        throw InvalidInput("field '" + gfield + "': each subgroup must be a non-empty array");
      std::vector<double> vals(g.size());
      for (std::size_t i = 0; i < g.size(); ++i) vals[i] = number_at(g, i, gfield);
      if (want_subgroups)
        m.groups.add(vals);
      else
        all.insert(all.end(), vals.begin(), vals.end());
    }
    if (want_subgroups)
      m.individuals = false;
    else
      as_individuals(m, std::move(all));
  }
  if (d.is_object() && d.contains("trial")) {
    const std::size_t points = want_subgroups ? m.groups.count() : m.groups.values.size();
    m.trial = trial_array(d["trial"], points, "data.trial");
  }
  return m;
}

CountData read_counts(const Json &request, const Options &o, const std::string &chart,
                      const sdk::RecordBatch *columns) {
  CountData c;
  auto &a = c.data;
  if (auto t = DataTable::from_request(request, columns)) {
    const auto trial = column_option(*t, o, "trial_column", kTrialNames);
    const auto size = column_option(*t, o, "size_column", kSizeNames);
    std::optional<std::size_t> count;
    if (auto name = o.text("count_column"))
      count = t->require(*name, "count_column");
    else
      for (const char *n : kCountNames)
        if (auto j = t->find_any({n}); j && j != size && j != trial) {
          count = j;
          break;
        }
    if (!count)
      throw InvalidInput("field 'options.count_column': required; name the column of nonconforming counts");
    if (!size && chart != "c")
      throw InvalidInput("field 'options.size_column': required for a " + chart + " chart (sample sizes)");
    a.count_field = t->columns()[*count];
    if (size) a.size_field = t->columns()[*size];
    for (std::size_t r = 0; r < t->rows(); ++r) {
      a.counts.push_back(t->number(r, *count));
      if (size) a.sizes.push_back(t->number(r, *size));
      if (trial) c.trial.push_back(t->boolean(r, *trial) ? 1 : 0);
    }
    return c;
  }
  const Json &d = request.contains("data") ? request["data"] : Json();
  if (!d.is_object() || !d.contains("counts") || !d["counts"].is_array())
    throw InvalidInput(
        "field 'data.counts': an attribute chart needs {\"counts\": [...], \"sizes\": [...]} or a "
        "table with count and size columns");
  a.count_field = "data.counts";
  a.size_field = "data.sizes";
  for (std::size_t i = 0; i < d["counts"].size(); ++i)
    a.counts.push_back(number_at(d["counts"], i, "data.counts"));
  if (d.contains("sizes")) {
    const Json &s = d["sizes"];
    if (s.is_array()) {
      if (s.size() != a.counts.size())
        throw InvalidInput("field 'data.sizes': must have one size per count (" + str(a.counts.size()) + ")");
      for (std::size_t i = 0; i < s.size(); ++i) a.sizes.push_back(number_at(s, i, "data.sizes"));
    } else {
      const auto one = as_number(s);
      if (!one) throw InvalidInput("field 'data.sizes': must be a number or an array of numbers");
      a.sizes.assign(a.counts.size(), *one);
    }
  } else if (o.has("size")) {
    a.sizes.assign(a.counts.size(), *o.number("size"));
  }
  if (d.contains("trial")) c.trial = trial_array(d["trial"], a.counts.size(), "data.trial");
  return c;
}

Phase1 phase1_from(const Options &o, const std::vector<std::uint8_t> &trial, std::size_t points) {
  Phase1 p;
  if (const Json *spec = o.raw("phase1"))
    p.mask = parse_positions(*spec, points, "options.phase1");
  else
    p.mask = trial;
  if (!p.mask.empty() && p.mask.size() != points)
    throw InvalidInput("field 'trial': one flag per point expected (" + str(points) + "), got " +
                       str(p.mask.size()));
  return p;
}

} // namespace qloop::spc
