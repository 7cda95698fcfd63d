// Control-chart constants computed exactly rather than read from a rounded
// table: d2 and d3 by numerical integration of the distribution of the range
// of n standard normal variables, c4 from the gamma function. Every derived
// factor (A2, D3, D4, A3, B3, B4, ...) follows from these by its definition.
#pragma once

namespace qloop::spc {

// Largest subgroup size a range (R) chart accepts; beyond it the range wastes
// information and the X̄-S chart is the right tool.
inline constexpr int kMaxRangeSubgroup = 25;

// Factors of charts built on the subgroup range (and the moving range, n = 2).
struct RangeConstants {
  int n = 0;
  double d2 = 0; // E[R] / sigma
  double d3 = 0; // SD[R] / sigma
  double A2 = 0; // X̄ limits from R̄: 3 / (d2 sqrt n)
  double D3 = 0; // R chart LCL factor on R̄: max(0, 1 - 3 d3/d2)
  double D4 = 0; // R chart UCL factor on R̄: 1 + 3 d3/d2
  double D1 = 0; // R chart LCL factor on a known sigma: max(0, d2 - 3 d3)
  double D2 = 0; // R chart UCL factor on a known sigma: d2 + 3 d3
  double E2 = 0; // individuals limits from MR̄ (n = 2): 3 / d2
};

// Factors of charts built on the subgroup standard deviation.
struct SdConstants {
  int n = 0;
  double c4 = 0; // E[s] / sigma
  double A = 0;  // X̄ limits from a known sigma: 3 / sqrt n
  double A3 = 0; // X̄ limits from s̄: 3 / (c4 sqrt n)
  double B3 = 0; // S chart LCL factor on s̄: max(0, 1 - 3 sqrt(1 - c4²)/c4)
  double B4 = 0; // S chart UCL factor on s̄: 1 + 3 sqrt(1 - c4²)/c4
  double B5 = 0; // S chart LCL factor on a known sigma: max(0, c4 - 3 sqrt(1 - c4²))
  double B6 = 0; // S chart UCL factor on a known sigma: c4 + 3 sqrt(1 - c4²)
};

// E[W] for the range W of n independent N(0, 1) variables (n >= 2):
// d2 = ∫ [1 - Φ(x)^n - (1 - Φ(x))^n] dx over the real line.
double d2(int n);
// SD[W] for the same range: E[W²] = 2 ∫∫_{s<t} [1 - (1-Φ(s))^n - Φ(t)^n +
// (Φ(t) - Φ(s))^n] ds dt, d3 = sqrt(E[W²] - d2²).
double d3(int n);
// c4 = sqrt(2/(n-1)) Γ(n/2) / Γ((n-1)/2), for n >= 2.
double c4(int n);

// Cached per n; 2 <= n <= kMaxRangeSubgroup, else std::invalid_argument.
const RangeConstants &range_constants(int n);
// Any n >= 2 (no cache needed: c4 is a gamma ratio).
SdConstants sd_constants(int n);

} // namespace qloop::spc
