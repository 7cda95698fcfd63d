// Test helpers: the reference CSV files as subgroups or request tables.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "chart_series.hpp"
#include "request_io.hpp"

namespace qloop::spc::test {

// Rows of a small CSV file (no quoting), header included.
inline std::vector<std::vector<std::string>> read_csv(const std::string &path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::stringstream s(line);
    std::string cell;
    while (std::getline(s, cell, ',')) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

// Montgomery's piston rings: 40 subgroups of 5 and the trial (phase-I) flags.
struct PistonRings {
  Subgroups groups;
  std::vector<std::uint8_t> trial;
};

inline PistonRings piston_rings() {
  const auto rows = read_csv(std::string(QLOOP_REFERENCE_DIR) + "/spc/pistonrings.csv");
  PistonRings p;
  std::vector<double> current;
  std::string sample;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    if (rows[r][1] != sample && !current.empty()) {
      p.groups.add(current);
      current.clear();
    }
    if (rows[r][1] != sample) p.trial.push_back(rows[r][2] == "TRUE" ? 1 : 0);
    sample = rows[r][1];
    current.push_back(std::stod(rows[r][0]));
  }
  p.groups.add(current);
  return p;
}

// The same file as the `table` a CSV input becomes in a request.
inline Json piston_rings_table() {
  const auto rows = read_csv(std::string(QLOOP_REFERENCE_DIR) + "/spc/pistonrings.csv");
  Json t = {{"columns", rows[0]}, {"rows", Json::array()}};
  for (std::size_t r = 1; r < rows.size(); ++r)
    t["rows"].push_back({std::stod(rows[r][0]), std::stoll(rows[r][1]), rows[r][2]});
  return t;
}

} // namespace qloop::spc::test
