// The fishbone diagram as SVG: a spine to the effect at the head, the 6M
// bones (人机料 above, 法环测 below) slanting into it, each cause a labelled
// branch on its bone with its sub-causes on a twig below it. Status shows as
// colour and marker (● verified, ○ suspected, × ruled out, struck through),
// explained in a legend.
#pragma once

#include <string>

#include "fishbone_model.hpp"

namespace qloop::fishbone {

std::string fishbone_svg(const Diagram &d, bool zh);

} // namespace qloop::fishbone
