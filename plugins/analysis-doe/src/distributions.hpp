// Distribution functions from Boost.Math, wrapped so that edge cases (zero
// degrees of freedom, infinite statistics) give NaN instead of throwing.
#pragma once

namespace qloop::doe {

// P(F(df1, df2) > f): the p-value of an F test. NaN when undefined.
double f_upper_tail(double f, double df1, double df2);
// Two-sided p-value of a t statistic with df degrees of freedom.
double t_two_sided(double t, double df);
// The q-quantile of Student's t with df (real, > 0) degrees of freedom.
double t_quantile(double q, double df);
// The q-quantile of the standard normal distribution.
double normal_quantile(double q);

} // namespace qloop::doe
