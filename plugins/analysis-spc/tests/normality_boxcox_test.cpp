// Anderson-Darling normality test and the Box-Cox transformation.
#include <cmath>

#include <boost/math/distributions/normal.hpp>
#include <gtest/gtest.h>

#include "boxcox.hpp"
#include "methods.hpp"
#include "normality.hpp"
#include "test_data.hpp"

namespace qloop::spc {
namespace {

// Montgomery's orange-juice counts (54 samples; see attribute_charts_test):
// a positive, right-skewed series used below as non-normal data.
const std::vector<double> kSkewed = {12, 15, 8,  10, 4,  7,  16, 9,  14, 10, 5, 6, 17, 12, 22, 8, 10, 5,
                                     13, 11, 20, 18, 24, 15, 9,  12, 7,  13, 9, 6, 9,  6,  12, 5, 6,  4,
                                     6,  3,  7,  6,  2,  4,  3,  6,  5,  4,  8, 5, 6,  7,  5,  6, 3,  5};

// D'Agostino & Stephens (1986), Goodness-of-Fit Techniques, Table 4.7: upper
// percentage points of the modified statistic A*² = A²(1 + 0.75/n + 2.25/n²)
// for the normal case with mean and variance estimated: 0.631 (10%), 0.752
// (5%), 0.873 (2.5%), 1.035 (1%). Their Table 4.9 p-value formulas must give
// back these levels (to the 0.005 the fitted curves achieve).
TEST(AndersonDarling, PValueFormulaReproducesPublishedPercentagePoints) {
  EXPECT_NEAR(anderson_darling_p(0.631), 0.10, 0.005);
  EXPECT_NEAR(anderson_darling_p(0.752), 0.05, 0.005);
  EXPECT_NEAR(anderson_darling_p(0.873), 0.025, 0.002);
  EXPECT_NEAR(anderson_darling_p(1.035), 0.01, 0.001);
  // Continuity across the breakpoints of the piecewise formula.
  for (double a : {0.2, 0.34, 0.6})
    EXPECT_NEAR(anderson_darling_p(a - 1e-9), anderson_darling_p(a + 1e-9), 0.01) << a;
  EXPECT_GT(anderson_darling_p(0.1), 0.9);
  EXPECT_LT(anderson_darling_p(5.0), 1e-10);
}

// A² cross-checked against SciPy 1.10 scipy.stats.anderson(x, 'norm')
// (an independent implementation of the same statistic), p-values from the
// D'Agostino-Stephens formula evaluated in Python.
TEST(AndersonDarling, PistonRingsPhaseOneAgreesWithScipy) {
  const auto data = test::piston_rings();
  std::vector<double> x(data.groups.values.begin(), data.groups.values.begin() + 125);
  const AndersonDarling ad = anderson_darling(x);
  EXPECT_EQ(ad.n, 125u);
  EXPECT_NEAR(ad.a2, 0.19101938332570967, 1e-10);
  EXPECT_NEAR(ad.a2_adjusted, 0.19219300641686282, 1e-10);
  EXPECT_NEAR(ad.p_value, 0.8958342620630695, 1e-9);
  const AndersonDarling all = anderson_darling(data.groups.values);
  EXPECT_NEAR(all.a2, 0.5180748456555193, 1e-10);
  EXPECT_NEAR(all.p_value, 0.18622507709447236, 1e-9);
}

TEST(AndersonDarling, RejectsSkewedData) {
  const AndersonDarling ad = anderson_darling(kSkewed);
  EXPECT_NEAR(ad.a2, 1.8146049899639465, 1e-10); // SciPy
  EXPECT_NEAR(ad.p_value, 0.00010572157476685702, 1e-12);
}

TEST(AndersonDarling, ExactNormalQuantilesLookNormal) {
  // Blom scores of n = 200 are as normal as a sample can be: A² is tiny.
  std::vector<double> x;
  const boost::math::normal z;
  for (int i = 1; i <= 200; ++i) x.push_back(boost::math::quantile(z, (i - 0.375) / 200.25));
  const AndersonDarling ad = anderson_darling(x);
  EXPECT_LT(ad.a2, 0.05);
  EXPECT_GT(ad.p_value, 0.99);
}

TEST(AndersonDarling, NeedsEightDistinctValues) {
  EXPECT_THROW(anderson_darling(std::vector<double>{1, 2, 3, 4, 5, 6, 7}), std::invalid_argument);
  EXPECT_THROW(anderson_darling(std::vector<double>(10, 3.0)), std::invalid_argument);
}

// Box-Cox λ by maximum likelihood, cross-checked against SciPy 1.10
// scipy.stats.boxcox_normmax(x, method='mle'), boxcox_llf and the 95%
// interval of scipy.stats.boxcox(x, alpha=0.05) (independent code, same
// profile likelihood ℓ(λ) = (λ-1)Σ ln x - n/2 ln σ̂²(λ)).
TEST(BoxCox, MaximumLikelihoodLambdaAgreesWithScipy) {
  const BoxCoxFit f = boxcox_fit(kSkewed);
  EXPECT_NEAR(f.lambda, -0.002543589272813325, 1e-6);
  EXPECT_NEAR(f.log_likelihood, -77.59341154296123, 1e-8);
  ASSERT_TRUE(f.lambda_low && f.lambda_high);
  EXPECT_NEAR(*f.lambda_low, -0.43545959458542016, 1e-6);
  EXPECT_NEAR(*f.lambda_high, 0.4426651273497047, 1e-6);
  EXPECT_NEAR(boxcox_log_likelihood(kSkewed, 0.5), -80.02983195172769, 1e-8); // SciPy boxcox_llf
  // Montgomery's circuit-board counts: λ̂ = 0.61499 (SciPy), llf -82.67658.
  const std::vector<double> circuit = {21, 24, 16, 12, 15, 5,  28, 20, 31, 25, 20, 24, 16, 19, 10, 17,
                                       13, 22, 18, 39, 30, 24, 16, 19, 17, 15, 16, 18, 12, 15, 24, 21,
                                       28, 20, 25, 19, 18, 21, 16, 22, 19, 12, 14, 9,  16, 21};
  const BoxCoxFit c = boxcox_fit(circuit);
  EXPECT_NEAR(c.lambda, 0.6149912854840242, 1e-6);
  EXPECT_NEAR(c.log_likelihood, -82.67657653836379, 1e-8);
}

TEST(BoxCox, RecoversKnownPowers) {
  // x = exp(z/2) for normal (Blom) scores z is symmetric on the log scale:
  // λ̂ = 0. x = (1 + 0.1 z)² is the square of a normal variable: λ̂ near 0.5
  // (0.494482 by SciPy; the likelihood includes the Jacobian, so not exactly).
  const boost::math::normal z;
  std::vector<double> lognormal, squared;
  for (int i = 1; i <= 400; ++i) {
    const double q = boost::math::quantile(z, (i - 0.375) / 400.25);
    lognormal.push_back(std::exp(0.5 * q));
    squared.push_back((1 + 0.1 * q) * (1 + 0.1 * q));
  }
  EXPECT_NEAR(boxcox_fit(lognormal).lambda, 0.0, 1e-6);
  EXPECT_NEAR(boxcox_fit(squared).lambda, 0.4944824138831902, 1e-6);
}

TEST(BoxCox, TransformIsIncreasingForNegativeLambda) {
  // (x^λ - 1)/λ keeps order for every λ, so LSL stays below USL.
  EXPECT_LT(boxcox_transform(2.0, -1.5), boxcox_transform(3.0, -1.5));
  EXPECT_NEAR(boxcox_transform(5.0, 0.0), std::log(5.0), 1e-15);
  EXPECT_NEAR(boxcox_transform(4.0, 0.5), 2.0, 1e-15);
  EXPECT_THROW(boxcox_fit(std::vector<double>{1, 2, -3, 4}), std::invalid_argument);
}

TEST(BoxCox, CapabilityMethodTransformsDataAndLimits) {
  Json values = Json::array();
  for (double v : kSkewed) values.push_back(v);
  const Json request = {{"data", values}, {"options", {{"lsl", 1}, {"usl", 30}, {"transform", "boxcox"}}}};
  const Json r = capability_method(request);
  const double lambda = r["details"]["transform"]["lambda"].get<double>();
  EXPECT_NEAR(lambda, -0.002543589272813325, 1e-6);
  EXPECT_NEAR(r["details"]["transform"]["spec"]["usl"].get<double>(), boxcox_transform(30, lambda), 1e-12);
  EXPECT_NEAR(r["details"]["transform"]["spec"]["lsl"].get<double>(), boxcox_transform(1, lambda), 1e-12);
  // After the transformation normality is no longer rejected (SciPy: A² = 0.3642).
  EXPECT_NEAR(r["details"]["normality"]["a2"].get<double>(), 0.36424628812532234, 1e-6);
  EXPECT_TRUE(r["details"]["normality"]["normal"].get<bool>());
  EXPECT_FALSE(r["details"]["original"]["normality"]["normal"].get<bool>());
  // "auto" picks the transformation because normality is rejected.
  Json automatic = request;
  automatic["options"]["transform"] = "auto";
  EXPECT_EQ(capability_method(automatic)["details"]["transform"]["type"], "boxcox");
}

} // namespace
} // namespace qloop::spc
