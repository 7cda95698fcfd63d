// The checks a reviewer makes on a 5 Why before accepting it in an 8D (D4):
// both occurrence and escape chains exist, each path is deep enough but not
// rambling, each "why" follows from the answer above it, nothing goes in a
// circle, every step has evidence, and each path ends on a process or
// system cause rather than on "operator error".
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "five_why_model.hpp"
#include "five_why_tree.hpp"

namespace qloop::fivewhy {

struct Finding {
  std::string severity; // info, warning, error
  std::string rule;
  std::string message;
  nlohmann::json where;
};

std::vector<Finding> review(const Analysis &analysis, const Tree &tree, const Settings &settings, bool zh);

// True when `answer` reads as blaming a person (operator error, 粗心, ...).
bool sounds_like_human_error(const std::string &answer, const std::vector<std::string> &extra_terms);

} // namespace qloop::fivewhy
