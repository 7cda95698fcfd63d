// The 5 Why tree as SVG: the problem on top, occurrence and escape chains in
// two shaded bands below it, one box per step (question, answer, evidence,
// cause type), arrows from each answer to the question it raises. Steps with
// findings get an orange (warning) or red (error) border.
#pragma once

#include <string>
#include <vector>

#include "five_why_model.hpp"
#include "five_why_rules.hpp"
#include "five_why_tree.hpp"

namespace qloop::fivewhy {

std::string tree_svg(const Analysis &analysis, const Tree &tree, const std::vector<Finding> &findings,
                     bool zh);

} // namespace qloop::fivewhy
