// Builders for fishbone requests in tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace fishbone_test {

inline nlohmann::json cause(const std::string &category, const std::string &text,
                            const std::string &status = "", nlohmann::json extra = nlohmann::json::object()) {
  nlohmann::json c = {{"category", category}, {"text", text}};
  if (!status.empty()) c["status"] = status;
  for (auto &[k, v] : extra.items()) c[k] = v;
  return c;
}

inline nlohmann::json request(const std::string &effect, nlohmann::json causes,
                              const std::string &lang = "en") {
  return {
      {"method", "fishbone"}, {"lang", lang}, {"data", {{"effect", effect}, {"causes", std::move(causes)}}}};
}

// One cause on every bone, one verified with a link: nothing to report.
inline nlohmann::json complete() {
  nlohmann::json link = {{"links", {"5why:occ-1"}}};
  return request("Weld crack", {cause("man", "Untrained welder", "ruled_out"),
                                cause("machine", "Low welding current", "verified", link),
                                cause("material", "Thick zinc coating", "suspected"),
                                cause("method", "No parameter lock", "verified", {{"links", {"doe:DOE-7"}}}),
                                cause("environment", "Humidity", "ruled_out"),
                                cause("measurement", "Visual inspection only", "suspected")});
}

inline std::string read_text(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

} // namespace fishbone_test
