// The S x O risk matrix (S x F for FMEA-MSR) as SVG: each cell shaded by the
// AP the handbook table gives it with the weakest detection (D = 10, or M = 10),
// and the worksheet rows placed in their cells, counted and coloured by their AP.
#ifndef QLOOP_FMEA_RISK_MATRIX_HPP
#define QLOOP_FMEA_RISK_MATRIX_HPP

#include <string>

#include "columns.hpp"
#include "evaluate.hpp"

namespace qloop::fmea {

std::string risk_matrix_title(FmeaType type, Lang lang);
std::string risk_matrix_svg(const Evaluation &ev, Lang lang);

} // namespace qloop::fmea

#endif
