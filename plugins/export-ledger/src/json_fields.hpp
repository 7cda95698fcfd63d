// Reading case-file JSON leniently: every field may be absent, null or of
// an unexpected type, and none of that is an error for an export.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace qloop::ledger {

// The value at `key` of an object; nullptr when absent, null or not an object.
const nlohmann::json *field(const nlohmann::json &object, const char *key);
// A string as it is; numbers, booleans and nested JSON as compact JSON text;
// nothing for nullptr.
std::string as_text(const nlohmann::json *v);
std::string text_at(const nlohmann::json &object, const char *key);
// An array's items as "a, b, c" (other values as as_text).
std::string joined(const nlohmann::json *v);
// The items of what should be an array; a lone value counts as one item.
std::vector<const nlohmann::json *> items(const nlohmann::json *v);

} // namespace qloop::ledger
