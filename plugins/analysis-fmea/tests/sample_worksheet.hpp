// A small process FMEA used by several tests: a welding line (the brief's
// "one model's welding defect") with rows chosen to land in H, M and L.
#ifndef QLOOP_FMEA_TESTS_SAMPLE_WORKSHEET_HPP
#define QLOOP_FMEA_TESTS_SAMPLE_WORKSHEET_HPP

#include <cstdio>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>
#include <unistd.h>

namespace fmea_test {

// AP by the handbook table (DFMEA/PFMEA): row 1 S8/O5/D7 -> H (RPN 280),
// row 2 S8/O3/D5 -> M (120), row 3 S5/O3/D3 -> L (45), row 4 S9/O4/D5 -> H (180),
// row 5 S6/O7/D4 -> M (168).
inline nlohmann::json sample_rows() {
  return nlohmann::json::parse(R"([
    {"id": "W-1", "item": "OP20 spot welding", "function": "Join bracket to frame, nugget >= 5 mm",
     "failure_mode": "Weld nugget undersize", "effect": "Bracket detaches in service", "S": 8,
     "cause": "Electrode tip wear", "prevention_control": "Tip dressing every 200 welds", "O": 5,
     "detection_control": "Chisel test once per shift", "D": 7,
     "recommended_action": "Weld current monitoring with automatic stop", "owner": "Li Wei", "due_date": "2024-06-30",
     "S'": 8, "O'": 3, "D'": 3},
    {"id": "W-2", "item": "OP20 spot welding", "function": "Join bracket to frame",
     "failure_mode": "Weld spatter on mating face", "effect": "Poor fit at assembly", "S": 8,
     "cause": "Excess current", "prevention_control": "Parameter lock", "O": 3,
     "detection_control": "Visual check", "D": 5},
    {"id": "W-3", "item": "OP30 deburring", "function": "Remove burrs",
     "failure_mode": "Residual burr", "effect": "Scratch on customer part", "S": 5,
     "cause": "Worn tool", "prevention_control": "Tool life counter", "O": 3,
     "detection_control": "Go/no-go gauge", "D": 3},
    {"id": "W-4", "item": "OP40 leak test", "function": "Reject leaking housings",
     "failure_mode": "Leak not detected", "effect": "Coolant loss, engine overheating", "S": 9,
     "cause": "Test pressure drift", "prevention_control": "Daily master part check", "O": 4,
     "detection_control": "SPC on test pressure", "D": 5},
    {"id": "W-5", "item": "OP50 marking", "function": "Mark lot number",
     "failure_mode": "Illegible lot mark", "effect": "Traceability lost", "S": 6,
     "cause": "Laser power low", "prevention_control": "Power check at start-up", "O": 7,
     "detection_control": "Camera reading", "D": 4,
     "recommended_action": "Closed-loop laser power control", "owner": "Zhang Min"}
  ])");
}

inline nlohmann::json sample_request() {
  return {{"method", "fmea"},
          {"data", {{"type", "process"}, {"rows", sample_rows()}}},
          {"options", nlohmann::json::object()}};
}

// A scratch file name under the system temp directory, removed by the caller.
inline std::string temp_path(const std::string &name) {
  return (std::filesystem::temp_directory_path() /
          ("qloop-fmea-test-" + std::to_string(::getpid()) + "-" + name))
      .string();
}

} // namespace fmea_test

#endif
