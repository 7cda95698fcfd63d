#include "input_rows.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <qloop/plugin.hpp>

#include "columns.hpp"
#include "values.hpp"

namespace qloop::fmea {
namespace {

using nlohmann::json;
using sdk::InvalidInput;

struct Cell {
  json value;
  std::string path;
};
using RawRow = std::map<Field, Cell>;

const json kNull = nullptr;

const json &value_of(const RawRow &raw, Field f) {
  auto it = raw.find(f);
  return it == raw.end() ? kNull : it->second.value;
}

// The path to report for a field; for a missing one, where it would be.
std::string path_of(const RawRow &raw, Field f, const std::string &row_path, FmeaType type) {
  auto it = raw.find(f);
  if (it != raw.end()) return it->second.path;
  return row_path + "." + column_header(f, type, Lang::En);
}

std::vector<std::string> split_ids(const std::string &text) {
  std::vector<std::string> ids;
  std::string current;
  auto flush = [&] {
    auto b = current.find_first_not_of(" \t\r");
    auto e = current.find_last_not_of(" \t\r");
    if (b != std::string::npos) ids.push_back(current.substr(b, e - b + 1));
    current.clear();
  };
  for (char c : text) {
    if (c == ';' || c == ',' || c == '|' || c == '\n')
      flush();
    else
      current += c;
  }
  flush();
  return ids;
}

bool is_whole_number_text(const std::string &t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](unsigned char c) { return std::isdigit(c); });
}

Row build_row(const RawRow &raw, std::size_t index, const std::string &row_path, FmeaType type,
              std::vector<std::string> &warnings) {
  Row r;
  r.input_index = index;
  r.source = row_path;
  auto text = [&](Field f) { return text_of(value_of(raw, f)); };
  auto rating = [&](Field f) {
    return parse_rating(value_of(raw, f), path_of(raw, f, row_path, type), rating_label(f, type));
  };
  auto optional_rating = [&](Field f) {
    return parse_optional_rating(value_of(raw, f), path_of(raw, f, row_path, type), rating_label(f, type));
  };

  r.id = text(Field::Id);
  if (r.id.empty()) r.id = std::to_string(index + 1);
  r.item = text(Field::Item);
  r.function = text(Field::Function);
  r.failure_mode = text(Field::FailureMode);
  if (r.failure_mode.empty())
    throw InvalidInput("field '" + path_of(raw, Field::FailureMode, row_path, type) +
                       "': the failure mode must not be empty");
  r.effect = text(Field::Effect);
  r.cause = text(Field::Cause);
  r.prevention_control = text(Field::PreventionControl);
  r.detection_control = text(Field::DetectionControl);
  r.s = rating(Field::Severity);
  r.o = rating(Field::Second);
  r.d = rating(Field::Third);
  r.s_after_msr = optional_rating(Field::SAfterMsr);
  if (r.s_after_msr && type != FmeaType::Msr)
    warnings.push_back(row_path + ": 'S after MSR' applies to FMEA-MSR only; ignored for a " +
                       std::string(type_name(type)) + " FMEA");
  r.recommended_action = text(Field::RecommendedAction);
  r.owner = text(Field::Owner);
  r.due_date = parse_date(value_of(raw, Field::DueDate), path_of(raw, Field::DueDate, row_path, type));
  r.s_revised = optional_rating(Field::SRevised);
  r.o_revised = optional_rating(Field::SecondRevised);
  r.d_revised = optional_rating(Field::ThirdRevised);

  const json &ap = value_of(raw, Field::Ap);
  if (!is_blank(ap)) {
    r.stated_ap = parse_ap(text_of(ap));
    if (!r.stated_ap)
      throw InvalidInput("field '" + path_of(raw, Field::Ap, row_path, type) +
                         "': AP must be H, M or L (got '" + text_of(ap) + "')");
  }

  if (!is_blank(value_of(raw, Field::Complaints)))
    parse_complaints(value_of(raw, Field::Complaints), path_of(raw, Field::Complaints, row_path, type),
                     r.field);
  const json &ids = value_of(raw, Field::ComplaintIds);
  if (!is_blank(ids)) {
    FieldEvidence listed;
    parse_complaints(ids.is_array() ? ids : json(text_of(ids)),
                     path_of(raw, Field::ComplaintIds, row_path, type), listed);
    for (auto &c : listed.complaints) r.field.complaints.push_back(std::move(c));
    if (listed.count && !r.field.count) r.field.count = listed.count;
  }
  if (r.field.count && !r.field.complaints.empty() &&
      *r.field.count != static_cast<long long>(r.field.complaints.size()))
    warnings.push_back(row_path + ": complaint count " + std::to_string(*r.field.count) +
                       " differs from the " + std::to_string(r.field.complaints.size()) +
                       " complaints listed; the list is used");
  const json &exposure = value_of(raw, Field::Exposure);
  if (!is_blank(exposure))
    r.field.exposure = parse_positive(exposure, path_of(raw, Field::Exposure, row_path, type));
  std::string from =
      parse_date(value_of(raw, Field::PeriodFrom), path_of(raw, Field::PeriodFrom, row_path, type));
  std::string to = parse_date(value_of(raw, Field::PeriodTo), path_of(raw, Field::PeriodTo, row_path, type));
  if (!from.empty()) r.field.period_from = from;
  if (!to.empty()) r.field.period_to = to;
  if (!r.field.period_from.empty() && !r.field.period_to.empty() && r.field.period_from > r.field.period_to)
    throw InvalidInput("field '" + path_of(raw, Field::PeriodTo, row_path, type) +
                       "': the period must not end before it starts");
  return r;
}

bool all_blank(const json &cells) {
  for (const auto &c : cells)
    if (!is_blank(c)) return false;
  return true;
}

} // namespace

FmeaType parse_type(const json &v, const std::string &path) {
  if (is_blank(v)) return FmeaType::Process;
  if (!v.is_string()) throw InvalidInput("field '" + path + "': must be 'design', 'process' or 'msr'");
  std::string t = normalize_header(v.get<std::string>());
  if (t == "design" || t == "dfmea" || t == "d") return FmeaType::Design;
  if (t == "process" || t == "pfmea" || t == "p") return FmeaType::Process;
  if (t == "msr" || t == "fmea_msr" || t == "supplemental" || t == "supplemental_fmea_msr")
    return FmeaType::Msr;
  throw InvalidInput("field '" + path + "': must be 'design', 'process' or 'msr' (got '" +
                     v.get<std::string>() + "')");
}

void parse_complaints(const json &v, const std::string &path, FieldEvidence &out) {
  if (is_blank(v)) return;
  if (v.is_number()) {
    out.count = parse_count(v, path);
    return;
  }
  if (v.is_string()) {
    std::string t = text_of(v);
    if (is_whole_number_text(t)) {
      out.count = parse_count(v, path);
      return;
    }
    for (auto &id : split_ids(t)) out.complaints.push_back({id, ""});
    return;
  }
  if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) {
      const json &item = v[i];
      const std::string item_path = path + "[" + std::to_string(i) + "]";
      if (item.is_object()) {
        Complaint c;
        c.id = text_of(item.value("id", json(nullptr)));
        c.date = parse_date(item.value("date", json(nullptr)), item_path + ".date");
        out.complaints.push_back(std::move(c));
      } else if (item.is_string() || item.is_number()) {
        out.complaints.push_back({text_of(item), ""});
      } else {
        throw InvalidInput("field '" + item_path +
                           "': a complaint must be an id or an object {\"id\", \"date\"}");
      }
    }
    return;
  }
  if (v.is_object()) {
    for (const auto &[key, value] : v.items()) {
      const std::string key_path = path + "." + key;
      if (key == "count")
        out.count = parse_count(value, key_path);
      else if (key == "items" || key == "list")
        parse_complaints(value, key_path, out);
      else if (key == "exposure")
        out.exposure = parse_positive(value, key_path);
      else if (key == "period_from")
        out.period_from = parse_date(value, key_path);
      else if (key == "period_to")
        out.period_to = parse_date(value, key_path);
      else if (key == "period" && value.is_object()) {
        out.period_from = parse_date(value.value("from", json(nullptr)), key_path + ".from");
        out.period_to = parse_date(value.value("to", json(nullptr)), key_path + ".to");
      } else {
        throw InvalidInput(
            "field '" + key_path +
            "': unknown key (expected count, items, exposure, period_from, period_to or period)");
      }
    }
    return;
  }
  throw InvalidInput("field '" + path + "': complaints must be a count, a list or an object");
}

Worksheet read_json_rows(const json &rows, FmeaType type, const std::string &path) {
  if (!rows.is_array()) throw InvalidInput("field '" + path + "': must be an array of row objects");
  Worksheet ws;
  ws.type = type;
  std::set<std::string> ignored;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string row_path = path + "[" + std::to_string(i) + "]";
    const json &obj = rows[i];
    if (!obj.is_object()) throw InvalidInput("field '" + row_path + "': each row must be an object");
    RawRow raw;
    for (const auto &[key, value] : obj.items()) {
      auto field = field_for_header(key);
      if (!field) {
        ignored.insert(key);
        continue;
      }
      if (raw.count(*field))
        throw InvalidInput("field '" + row_path + "." + key + "': gives the same column as '" +
                           raw[*field].path.substr(row_path.size() + 1) + "'");
      raw[*field] = Cell{value, row_path + "." + key};
    }
    ws.rows.push_back(build_row(raw, i, row_path, type, ws.warnings));
  }
  for (const auto &key : ignored)
    ws.warnings.push_back(path + ": key '" + key + "' is not a worksheet column; ignored");
  return ws;
}

Worksheet read_table(const json &table, FmeaType type, const std::string &path, const CellNamer &namer) {
  if (!table.is_object() || !table.contains("columns") || !table["columns"].is_array())
    throw InvalidInput("field '" + path + ".columns': must be an array of column names");
  if (!table.contains("rows") || !table["rows"].is_array())
    throw InvalidInput("field '" + path + ".rows': must be an array of rows");
  const json &columns = table["columns"];
  std::vector<std::optional<Field>> fields;
  std::map<Field, std::string> seen;
  Worksheet ws;
  ws.type = type;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    std::string name = text_of(columns[c]);
    auto field = field_for_header(name);
    if (field) {
      if (seen.count(*field))
        throw InvalidInput("field '" + path + ".columns[" + std::to_string(c) + "]': column '" + name +
                           "' gives the same field as column '" + seen[*field] + "'");
      seen[*field] = name;
    } else if (!name.empty()) {
      ws.warnings.push_back(path + ": column '" + name + "' is not a worksheet column; ignored");
    }
    fields.push_back(field);
  }
  for (Field required : {Field::FailureMode, Field::Severity, Field::Second, Field::Third})
    if (!seen.count(required))
      throw InvalidInput("field '" + path + ".columns': the column '" +
                         column_header(required, type, Lang::En) + "' is missing");
  const json &rows = table["rows"];
  std::size_t kept = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const json &cells = rows[i];
    const std::string row_path = path + ".rows[" + std::to_string(i) + "]";
    if (!cells.is_array()) throw InvalidInput("field '" + row_path + "': each row must be an array of cells");
    if (all_blank(cells)) continue;
    if (cells.size() > fields.size())
      throw InvalidInput("field '" + row_path + "': " + std::to_string(cells.size()) + " cells, but " +
                         std::to_string(fields.size()) + " columns");
    RawRow raw;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (!fields[c]) continue;
      std::string cell_path = namer ? namer(i, c) : row_path + "." + text_of(columns[c]);
      raw[*fields[c]] = Cell{cells[c], cell_path};
    }
    ws.rows.push_back(build_row(raw, kept++, namer ? namer(i, SIZE_MAX) : row_path, type, ws.warnings));
  }
  return ws;
}

} // namespace qloop::fmea
