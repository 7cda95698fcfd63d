// Small builders for 5 Why requests in tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace fivewhy_test {

inline nlohmann::json step(const std::string &why, const std::string &because,
                           const std::string &evidence = "ev", const std::string &cause_type = "") {
  nlohmann::json s = {{"why", why}, {"because", because}};
  if (!evidence.empty()) s["evidence"] = evidence;
  if (!cause_type.empty()) s["cause_type"] = cause_type;
  return s;
}

inline nlohmann::json chain(const std::string &id, const std::string &kind, nlohmann::json steps) {
  return {{"id", id}, {"kind", kind}, {"steps", std::move(steps)}};
}

inline nlohmann::json request(const std::string &problem, nlohmann::json chains,
                              nlohmann::json options = {}) {
  nlohmann::json r = {{"method", "5why"}, {"data", {{"problem", problem}, {"chains", std::move(chains)}}}};
  if (!options.is_null()) r["options"] = std::move(options);
  return r;
}

// A sound English occurrence chain: linked questions, evidence, ends on a
// method cause. Depth 4.
inline nlohmann::json good_occurrence() {
  return chain(
      "occ", "occurrence",
      {step("Why did the bracket weld crack?", "Weld penetration was insufficient", "section MR-0412"),
       step("Why was the weld penetration insufficient?", "Welding current was too low", "welder log"),
       step("Why was the welding current too low?", "Current parameter was changed and not restored",
            "parameter log"),
       step("Why was the current parameter not restored after the change?",
            "No approval or lock-out for parameter changes", "procedure QP-07", "method")});
}

// A sound escape chain, depth 3.
inline nlohmann::json good_escape() {
  return chain(
      "esc", "escape",
      {step("Why was the weak weld crack not detected?", "Outgoing inspection is visual only", "IS-A100"),
       step("Why is outgoing inspection visual only?", "The control plan sets pull tests monthly",
            "CP rev C"),
       step("Why does the control plan set pull tests monthly?", "PFMEA rated weak penetration as low risk",
            "PFMEA line 12", "management")});
}

inline std::string read_text(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

} // namespace fivewhy_test
