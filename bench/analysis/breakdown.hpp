// Where the time of one analysis call goes, measured by calling the plugins'
// own code (their static *_core libraries, the same code the .so holds) stage
// by stage on the same request text:
//   parse   the request text into the JSON tree (the plugin's first step)
//   read    the JSON tree into the method's arrays (doe: DataTable +
//           read_factor_table; spc: read_measurements)
//   core    spc only: limits and all run rules on the arrays (build_imr,
//           assign_rules, evaluate_rules): the computation without JSON
//   method  the whole method on the parsed tree (read + compute + result
//           tree with its SVG chart); method - read = compute and report
//   write   the result tree to text (the plugin's last step)
//   free    freeing the request tree (done inside the plugin's call too)
// The call through the ABI is parse + method + write + free.
#pragma once

#include <string>
#include <vector>

namespace qloop::bench {

struct Lap {
  double parse = 0, read = 0, core = -1, method = 0, write = 0, free = 0; // seconds; core < 0: not measured
};

Lap anova_lap(const std::string &request);
Lap doe_lap(const std::string &request);
// `values` are the series the request holds (for the core stage).
Lap imr_lap(const std::string &request, const std::vector<double> &values);

} // namespace qloop::bench
