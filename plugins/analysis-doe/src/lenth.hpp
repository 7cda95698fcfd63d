// Lenth's method for unreplicated two-level factorials (R. V. Lenth, "Quick
// and easy analysis of unreplicated factorials", Technometrics 31(4), 1989,
// pp. 469-473):
//   s0  = 1.5 * median |c_j|
//   PSE = 1.5 * median { |c_j| : |c_j| < 2.5 s0 }      (pseudo standard error)
//   d   = m / 3                                          (its degrees of freedom)
//   ME  = t(0.975; d) * PSE                              (margin of error)
//   SME = t(gamma; d) * PSE, gamma = (1 + 0.95^(1/m))/2  (simultaneous ME)
// for m effects c_1..c_m; effects beyond ME are likely active, beyond SME
// active even after allowing for looking at all m at once.
#pragma once

#include <optional>
#include <vector>

namespace qloop::doe {

struct LenthResult {
  double s0 = 0, pse = 0, df = 0, me = 0, sme = 0;
  int effects = 0;
};

// Nothing for fewer than 3 effects (no usable median).
std::optional<LenthResult> lenth(const std::vector<double> &effects, double alpha = 0.05);

} // namespace qloop::doe
