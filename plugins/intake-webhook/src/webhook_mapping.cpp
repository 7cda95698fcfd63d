#include "webhook_mapping.hpp"

#include <stdexcept>

namespace qloop::webhook {

namespace {

using nlohmann::json;

std::string trim(const std::string &s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

const std::vector<std::string> &record_fields() {
  static const std::vector<std::string> f = {
      "source_key",        "received_at", "customer", "contact",  "product_model", "lot",     "order_number",
      "quantity_affected", "phenomenon",  "reporter", "category", "subcategory",   "severity"};
  return f;
}

// Scalars as the record wants them: text fields take numbers as text; the
// quantity takes a whole-number string as a number. Anything else is left
// for the host's checks to name.
json as_field(const std::string &field, const json &v) {
  if (field == "quantity_affected") {
    if (v.is_string()) {
      const auto t = trim(v.get<std::string>());
      if (!t.empty() && t.find_first_not_of("0123456789") == std::string::npos && t.size() < 18)
        return std::stoll(t);
    }
    return v;
  }
  if (v.is_number()) return v.dump();
  if (v.is_string()) return trim(v.get<std::string>());
  return v;
}

} // namespace

Mapping parse_mapping(const std::string &text) {
  Mapping m;
  std::string pair;
  auto take = [&](const std::string &raw) {
    const auto p = trim(raw);
    if (p.empty()) return;
    const auto eq = p.find('=');
    if (eq == std::string::npos)
      throw std::invalid_argument("mapping: '" + p + "' is not field=/json/pointer");
    const auto field = trim(p.substr(0, eq));
    const auto pointer = trim(p.substr(eq + 1));
    if (std::find(record_fields().begin(), record_fields().end(), field) == record_fields().end())
      throw std::invalid_argument("mapping: '" + field + "' is not a record field");
    try {
      m.fields[field] = json::json_pointer(pointer);
    } catch (const json::exception &) {
      throw std::invalid_argument("mapping: '" + pointer + "' (for " + field +
                                  ") is not a JSON pointer like /a/b");
    }
  };
  for (char ch : text) {
    if (ch == ';' || ch == '\n') {
      take(pair);
      pair.clear();
    } else {
      pair += ch;
    }
  }
  take(pair);
  if (!m.fields.count("phenomenon") || !m.fields.count("customer"))
    throw std::invalid_argument("mapping: customer and phenomenon must be mapped");
  return m;
}

Converted convert(const json &payload, const Mapping &mapping, const std::string &received_now,
                  const std::string &payload_hash) {
  Converted out;
  if (!payload.contains(mapping.items)) {
    out.rejected.push_back({mapping.key_prefix + ":sha256:" + payload_hash, payload.dump(),
                            "payload: nothing at " + mapping.items.to_string()});
    return out;
  }
  const json &at = payload.at(mapping.items);
  const json items = at.is_array() ? at : json::array({at});
  for (std::size_t i = 0; i < items.size(); ++i) {
    const json &item = items[i];
    const std::string fallback_key =
        mapping.key_prefix + ":sha256:" + payload_hash + (items.size() > 1 ? ":" + std::to_string(i) : "");
    if (!item.is_object()) {
      out.rejected.push_back(
          {fallback_key, item.dump(), "item " + std::to_string(i) + ": not a JSON object"});
      continue;
    }
    json record = {{"channel", mapping.channel}};
    for (const auto &[field, pointer] : mapping.fields) {
      if (!item.contains(pointer)) continue;
      const json &v = item.at(pointer);
      if (!v.is_null()) record[field] = as_field(field, v);
    }
    if (record.contains("source_key")) {
      record["source_key"] = mapping.key_prefix + ":" +
                             (record["source_key"].is_string() ? record["source_key"].get<std::string>()
                                                               : record["source_key"].dump());
    } else {
      record["source_key"] = fallback_key; // the same payload again gives the same key
    }
    if (!record.contains("received_at")) record["received_at"] = received_now;
    record["extra"] = {{"payload", item}};
    out.records.push_back(std::move(record));
  }
  return out;
}

} // namespace qloop::webhook
