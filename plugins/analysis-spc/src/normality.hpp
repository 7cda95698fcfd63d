// The Anderson-Darling test of normality with mean and variance estimated
// from the data (Stephens' case 3), its small-sample adjustment and the
// p-value approximation of D'Agostino and Stephens (1986, Table 4.9).
#pragma once

#include <span>
#include <vector>

namespace qloop::spc {

// D'Agostino and Stephens give the p-value approximation for n >= 8.
inline constexpr std::size_t kMinAndersonDarling = 8;

struct AndersonDarling {
  std::size_t n = 0;
  double mean = 0, sd = 0;
  double a2 = 0;          // A²
  double a2_adjusted = 0; // A*² = A² (1 + 0.75/n + 2.25/n²)
  double p_value = 0;
};

// Needs n >= kMinAndersonDarling and sd > 0 (std::invalid_argument otherwise).
AndersonDarling anderson_darling(std::span<const double> x);
// p-value for an adjusted statistic A*² (D'Agostino & Stephens 1986, Table 4.9).
double anderson_darling_p(double a2_adjusted);

// Points of a normal probability plot: sorted data against the normal
// quantiles of Blom's plotting positions (i - 3/8)/(n + 1/4).
struct ProbabilityPoint {
  double value, quantile;
};
std::vector<ProbabilityPoint> normal_probability_points(std::span<const double> x);

} // namespace qloop::spc
