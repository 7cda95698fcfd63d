// Reads a NIST StRD ANOVA file (tests/reference/nist-anova/*.dat): the
// certified values from the header (lines 41-47) and the data (from line 61).
#pragma once

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace qloop::doe::test {

struct NistAnova {
  double between_df = 0, between_ss = 0, between_ms = 0, f = 0;
  double within_df = 0, within_ss = 0, within_ms = 0;
  double r_squared = 0, residual_sd = 0;
  std::vector<int> group;
  std::vector<double> y;
};

inline NistAnova read_nist(const std::string &path) {
  std::ifstream in(path);
  NistAnova d;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::istringstream s(line);
    std::string word;
    if (number >= 41 && number <= 47) {
      if (line.find("Between") != std::string::npos) {
        s >> word >> word >> d.between_df >> d.between_ss >> d.between_ms >> d.f;
      } else if (line.find("Within") != std::string::npos) {
        s >> word >> word >> d.within_df >> d.within_ss >> d.within_ms;
      } else if (line.find("R-Squared") != std::string::npos) {
        d.r_squared = std::stod(line.substr(line.find("R-Squared") + 9));
      } else if (line.find("Standard Deviation") != std::string::npos) {
        d.residual_sd = std::stod(line.substr(line.find("Deviation") + 9));
      }
    } else if (number >= 61) {
      int g = 0;
      double v = 0;
      if (s >> g >> v) {
        d.group.push_back(g);
        d.y.push_back(v);
      }
    }
  }
  return d;
}

// Agreeing significant digits, -log10(|x - c| / |c|), capped at 15.
inline double digits(double x, double c) {
  const double rel = std::fabs(x - c) / std::fabs(c);
  if (rel == 0) return 15;
  return std::min(15.0, -std::log10(rel));
}

} // namespace qloop::doe::test
