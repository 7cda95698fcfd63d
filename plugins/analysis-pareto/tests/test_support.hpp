// Builders for Pareto requests in tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace pareto_test {

inline std::string read_text(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Montgomery's tank defect data (tests/data/README.md) as the host builds a
// table from the CSV: a header and [name, count] rows.
inline nlohmann::json montgomery_table() {
  nlohmann::json rows = nlohmann::json::array();
  std::istringstream lines(read_text(PARETO_TEST_DATA "/montgomery-tank-defects.csv"));
  std::string line;
  std::getline(lines, line); // header
  while (std::getline(lines, line)) {
    auto comma = line.find(',');
    rows.push_back(nlohmann::json::array({line.substr(0, comma), std::stoll(line.substr(comma + 1))}));
  }
  return {{"columns", {"Defect", "Frequency"}}, {"rows", rows}};
}

// One record per occurrence of each category: {"defect": name}.
inline nlohmann::json records(const std::vector<std::pair<std::string, int>> &counts,
                              const std::string &field = "defect") {
  nlohmann::json items = nlohmann::json::array();
  for (const auto &[name, n] : counts)
    for (int i = 0; i < n; ++i) items.push_back({{field, name}});
  return items;
}

inline nlohmann::json request_of_records(nlohmann::json items, nlohmann::json options) {
  return {{"method", "pareto"}, {"data", {{"items", std::move(items)}}}, {"options", std::move(options)}};
}

} // namespace pareto_test
