// Counting a fishbone per category and status, and the checks a reviewer
// makes on it: a bone nobody considered, no cause verified yet, a verified
// cause with nothing linked as its proof, a verified sub-cause under a cause
// ruled out, the same cause written twice.
#pragma once

#include <array>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fishbone_model.hpp"

namespace qloop::fishbone {

struct Counts {
  std::array<std::size_t, 6> causes{}, sub_causes{};
  std::array<std::array<std::size_t, 3>, 6> by_status{}; // [category][status], causes and sub-causes together
  std::size_t total(Status s) const;
  std::size_t total_causes() const;
  std::size_t total_sub_causes() const;
};

Counts count(const Diagram &d);

struct Finding {
  std::string severity, rule, message;
  nlohmann::json where;
};

std::vector<Finding> review(const Diagram &d, bool zh);

} // namespace qloop::fishbone
