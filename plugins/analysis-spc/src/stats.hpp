// Small numerically careful building blocks: compensated sums, two-pass
// mean and standard deviation. Used everywhere a long series is summed.
#pragma once

#include <cmath>
#include <cstddef>
#include <span>

namespace qloop::spc {

// Compensated summation with Knuth's branch-free TwoSum: the rounding error
// of every addition is recovered exactly and accumulated, so the result is
// as good as summing in twice the precision (10^7 points lose no digits),
// at a few independent flops per term.
class CompensatedSum {
public:
  void add(double x) noexcept {
    const double t = sum_ + x;
    const double virtual_x = t - sum_;
    compensation_ += (sum_ - (t - virtual_x)) + (x - virtual_x);
    sum_ = t;
  }
  double value() const noexcept { return sum_ + compensation_; }

private:
  double sum_ = 0.0;
  double compensation_ = 0.0;
};

double mean(std::span<const double> x);
// Sample standard deviation (divisor n - 1) by two passes about the mean;
// NaN for fewer than 2 values.
double sample_sd(std::span<const double> x);
// Sum of squared deviations about `centre` (compensated).
double sum_squared_deviations(std::span<const double> x, double centre);
// max - min; 0 for an empty span.
double range_of(std::span<const double> x);

} // namespace qloop::spc
