// The Box-Cox power transformation y = (x^λ - 1)/λ (ln x at λ = 0) with λ
// chosen by maximum likelihood, for capability of non-normal data. The
// (x^λ - 1)/λ form increases with x for every λ, so a lower specification
// limit stays the lower one after transforming.
#pragma once

#include <optional>
#include <span>
#include <vector>

namespace qloop::spc {

inline constexpr double kBoxCoxLambdaMin = -5.0;
inline constexpr double kBoxCoxLambdaMax = 5.0;

struct BoxCoxFit {
  double lambda = 1;
  // 95% likelihood-ratio interval: ℓ(λ) >= ℓ(λ̂) - χ²(1; 0.95)/2. Empty where
  // the bound lies outside the search range.
  std::optional<double> lambda_low, lambda_high;
  double log_likelihood = 0; // profile log-likelihood at λ̂ (normal model, MLE variance)
  bool at_search_bound = false;
};

// ℓ(λ) = -n/2 ln σ̂²(λ) + (λ - 1) Σ ln x_i. Every x must be > 0.
double boxcox_log_likelihood(std::span<const double> x, double lambda);
// λ̂ over [kBoxCoxLambdaMin, kBoxCoxLambdaMax]: a grid to find the basin,
// then Brent's method. Needs >= 3 values, all > 0, not all equal
// (std::invalid_argument otherwise).
BoxCoxFit boxcox_fit(std::span<const double> x);

double boxcox_transform(double x, double lambda);
std::vector<double> boxcox_transform(std::span<const double> x, double lambda);

} // namespace qloop::spc
