#include "json_fields.hpp"

namespace qloop::ledger {

using nlohmann::json;

const json *field(const json &object, const char *key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string as_text(const json *v) {
  if (v == nullptr) return {};
  if (v->is_string()) return v->get<std::string>();
  return v->dump(-1, ' ', false, json::error_handler_t::replace); // numbers, booleans, nested JSON
}

std::string text_at(const json &object, const char *key) { return as_text(field(object, key)); }

std::string joined(const json *v) {
  if (v == nullptr) return {};
  if (!v->is_array()) return as_text(v);
  std::string out;
  for (const auto &item : *v) {
    const std::string part = as_text(&item);
    if (part.empty()) continue;
    if (!out.empty()) out += ", ";
    out += part;
  }
  return out;
}

std::vector<const json *> items(const json *v) {
  std::vector<const json *> out;
  if (v == nullptr) return out;
  if (v->is_array()) {
    for (const auto &item : *v) out.push_back(&item);
  } else {
    out.push_back(v);
  }
  return out;
}

} // namespace qloop::ledger
