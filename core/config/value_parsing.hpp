// Typed reading of configuration text, shared by the host schema and the
// validation of plugin sections. Each returns nothing when the text is not of
// the type, so the caller can name file, key and expectation in one message.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace qloop::config {

std::optional<long long> parse_int(const std::string &text);
std::optional<double> parse_double(const std::string &text);
std::optional<bool> parse_bool(const std::string &text); // true/false, yes/no, on/off, 1/0
std::vector<std::string> split_list(const std::string &text, char separator); // trimmed, empties dropped
std::string trim(const std::string &text);

} // namespace qloop::config
