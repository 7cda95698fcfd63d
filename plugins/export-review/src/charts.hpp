// The review's charts as SVG (the SDK's writer, qloop/svg.hpp: escaping and
// the CJK font stack), the same documents for the HTML (as data: URIs) and
// the PDF (drawn by librsvg):
//  - type distribution: horizontal bars with count and share;
//  - Pareto: bars largest first, the vital few dark, a cumulative % line on
//    the right-hand axis and the threshold as a dashed line;
//  - monthly trend: received and closed side by side per month.
// Every label comes from the data, so it goes through svg::escape.
#pragma once

#include <string>
#include <vector>

#include "figures.hpp"
#include "review_model.hpp"

namespace qloop::review {

// Bars beyond this many are drawn as one "all others" bar (the table lists them).
inline constexpr std::size_t kMaxBars = 20;

std::string distribution_svg(const std::vector<Item> &items, Lang lang);
std::string pareto_svg(const std::vector<Item> &items, ItemKind kind, double threshold,
                       const std::string &title, Lang lang);
std::string trend_svg(const std::vector<Month> &months, Lang lang);

} // namespace qloop::review
