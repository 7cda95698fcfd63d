#include "row_keys.hpp"

#include <functional>

#include <nlohmann/json.hpp>

#include "encoding.hpp"
#include "file_import.hpp"
#include "sha256.hpp"
#include "values.hpp"

namespace qloop::intake_files {

std::vector<std::string> parse_key_columns(std::string_view setting) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    std::string entry = clean_text(current);
    if (!entry.empty()) out.push_back(std::move(entry));
    current.clear();
  };
  for (std::size_t i = 0; i < setting.size(); ++i) {
    const std::string_view rest = setting.substr(i);
    if (setting[i] == ';' || setting[i] == ',' || setting[i] == '\n') {
      flush();
    } else if (rest.substr(0, 3) == "；" || rest.substr(0, 3) == "，") {
      flush();
      i += 2;
    } else {
      current += setting[i];
    }
  }
  flush();
  return out;
}

std::string KeyColumns::joined_names() const {
  std::string out;
  for (const auto &n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

KeyColumns resolve_key_columns(const std::vector<std::string> &entries, const ColumnPlan &plan,
                               const Mapping &mapping, std::size_t header_row) {
  KeyColumns key;
  std::vector<std::string> missing;
  for (const std::string &entry : entries) {
    const std::string wanted = normalize_header(entry);
    std::optional<std::size_t> column;
    for (std::size_t i = 0; i < plan.headers.size() && !column; ++i)
      if (!plan.headers[i].empty() && normalize_header(plan.headers[i]) == wanted) column = i;
    if (!column) {
      // A field name, or a header of another file that maps to a field.
      const std::string field = mapping.target(entry);
      auto it = plan.field_column.find(field.empty() ? entry : field);
      if (it != plan.field_column.end()) column = it->second;
    }
    if (!column) {
      missing.push_back("'" + printable(entry, 40) + "'");
      continue;
    }
    key.columns.push_back(*column);
    key.names.push_back(plan.extra_names[*column]);
  }
  if (!missing.empty()) {
    std::string found, list;
    for (const auto &h : plan.headers)
      if (!h.empty()) found += (found.empty() ? "" : ", ") + printable(h, 40);
    for (const auto &m : missing) list += (list.empty() ? "" : ", ") + m;
    throw FileRejected("key_columns: no column for " + list + " in this file; headers found (row " +
                       std::to_string(header_row) + "): " + (found.empty() ? "(none)" : found) +
                       ". Name a header of the file or a record field such as order_number");
  }
  return key;
}

std::optional<RowKey> row_key(const SourceRow &row, const KeyColumns &key, const std::string &channel) {
  nlohmann::json values = nlohmann::json::array();
  bool any = false;
  for (std::size_t column : key.columns) {
    std::string value = column < row.cells.size() ? clean_text(row.cells[column].text) : std::string();
    any |= !value.empty();
    values.push_back(std::move(value));
  }
  if (!any) return std::nullopt;
  RowKey out;
  out.values = values.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::string digest = sha256_hex(out.values);
  out.source_key = "filekey:" + channel + ":" + digest;
  out.fingerprint = std::stoull(digest.substr(0, 16), nullptr, 16);
  return out;
}

std::uint32_t cells_hash(const SourceRow &row) {
  std::size_t h = 0;
  for (const Cell &c : row.cells) h = h * 1000003u ^ std::hash<std::string>{}(c.text);
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

void SeenKeys::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot &s : old) {
    if (s.fingerprint == 0) continue;
    std::size_t i = static_cast<std::size_t>(s.fingerprint) & mask;
    while (slots_[i].fingerprint != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

std::optional<SeenKeys::Earlier> SeenKeys::add(std::uint64_t fingerprint, std::uint32_t cells,
                                               std::size_t row) {
  if (fingerprint == 0) fingerprint = 1;
  const auto short_hash = static_cast<std::uint16_t>(cells ^ (cells >> 16));
  if ((used_ + 1) * 4 > slots_.size() * 3) grow(); // at most 3/4 full
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = static_cast<std::size_t>(fingerprint) & mask;
  while (slots_[i].fingerprint != 0 && slots_[i].fingerprint != fingerprint) i = (i + 1) & mask;
  Slot &slot = slots_[i];
  if (slot.fingerprint == 0) {
    slot = Slot{fingerprint, static_cast<std::uint32_t>(row), short_hash, 1};
    ++used_;
    return std::nullopt;
  }
  if (slot.count < UINT16_MAX) ++slot.count;
  return Earlier{slot.row, slot.cells_hash == short_hash, slot.count};
}

} // namespace qloop::intake_files
