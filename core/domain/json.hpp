// JSON mapping helpers for domain types: ISO 8601 timestamps and optionals.
// The domain speaks JSON because that is how records cross the plugin ABI
// and the API; it still knows nothing of SQL or HTTP.
#pragma once

#include <optional>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/domain/time.hpp"

namespace nlohmann {

template <class T> struct adl_serializer<std::optional<T>> {
  static void to_json(json &j, const std::optional<T> &v) {
    if (v)
      j = *v;
    else
      j = nullptr;
  }
  static void from_json(const json &j, std::optional<T> &v) {
    if (j.is_null())
      v.reset();
    else
      v = j.get<T>();
  }
};

template <> struct adl_serializer<qloop::domain::Timestamp> {
  static void to_json(json &j, const qloop::domain::Timestamp &t) { j = qloop::domain::format_iso(t); }
  static void from_json(const json &j, qloop::domain::Timestamp &t) {
    auto parsed = qloop::domain::parse_iso(j.get<std::string>());
    if (!parsed) throw std::invalid_argument("not an ISO 8601 time: " + j.get<std::string>());
    t = *parsed;
  }
};

} // namespace nlohmann
