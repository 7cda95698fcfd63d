// Field complaints against the occurrence rating ("occurrence-contradicted-by-field").
//
// The rule (documented in docs/methods/fmea.md):
//  1. Only complaints inside the period count (when a period and complaint dates
//     are given); with none, nothing is judged.
//  2. With an exposure (units in the field over the period), the complaint rate
//     per 1000 units is compared with the occurrence scale of the AIAG & VDA
//     FMEA Handbook (2019) alternative occurrence tables (incidents per 1000
//     items/vehicles: O 10 >= 100, 9: 50, 8: 20, 7: 10, 6: 2, 5: 0.5, 4: 0.1,
//     3: 0.01, 2: below). By default the rate used is the one-sided lower
//     confidence bound of the Poisson rate (exact, Garwood), so a rating is
//     called contradicted only when the field data show, at that confidence,
//     more incidents than the rating's level allows. Contradicted when the
//     occurrence implied by that rate exceeds the rated O.
//  3. Without an exposure the rate is unknown; then O = 1 (cause prevented)
//     with any complaint is contradicted (error), and O 2-3 ("low") with any
//     complaint is flagged as likely contradicted (warning) until an exposure
//     allows the rate check.
#ifndef QLOOP_FMEA_FIELD_CHECK_HPP
#define QLOOP_FMEA_FIELD_CHECK_HPP

#include <optional>
#include <string>

#include "worksheet.hpp"

namespace qloop::fmea {

struct FieldCheckOptions {
  double confidence = 0.95;           // for the lower bound of the complaint rate
  bool point_estimate = false;        // compare the plain rate instead of its lower bound
  int low_occurrence_max = 3;         // "low" occurrence ratings flagged without exposure
  std::string period_from, period_to; // default period for rows that give none
};

enum class FieldBasis {
  None,               // no complaints counted
  Rate,               // judged from complaints per exposure
  PreventedCause,     // O = 1 with complaints, no exposure
  LowWithoutExposure, // O 2..low_occurrence_max with complaints, no exposure
  UnknownRate,        // complaints but no exposure and O above the low band: not judged
};

struct FieldVerdict {
  FieldBasis basis = FieldBasis::None;
  long long complaints = 0; // counted inside the period
  long long excluded = 0;   // listed but dated outside the period
  std::optional<double> exposure;
  std::optional<double> rate_per_thousand;  // complaints / exposure * 1000
  std::optional<double> bound_per_thousand; // the rate compared (lower bound or point)
  std::optional<int> implied_occurrence;
  bool contradicted = false;
  const char *severity = "warning"; // of the finding when contradicted
  std::string period_from, period_to;
};

// AIAG & VDA alternative occurrence table: the highest O whose listed
// incidence per 1000 is <= rate (O 2 below 0.01 per 1000; O 1 only at rate 0).
int occurrence_for_rate_per_thousand(double rate);

// One-sided lower confidence bound of a Poisson mean given k events:
// L = gamma_p_inv(k, 1 - confidence) (= chi2_{1-c}(2k)/2), 0 for k = 0.
double poisson_lower_bound(long long k, double confidence);

FieldVerdict check_occurrence(int occurrence, const FieldEvidence &evidence,
                              const FieldCheckOptions &options);

const char *basis_name(FieldBasis b) noexcept;

} // namespace qloop::fmea

#endif
