#include "field_check.hpp"

#include <boost/math/special_functions/gamma.hpp>

namespace qloop::fmea {
namespace {

struct Level {
  int occurrence;
  double per_thousand;
};

// AIAG & VDA FMEA Handbook (2019), alternative occurrence tables with
// incidents per 1000 items/vehicles (DFMEA and PFMEA use the same scale).
constexpr Level kLevels[] = {{10, 100.0}, {9, 50.0}, {8, 20.0}, {7, 10.0},
                             {6, 2.0},    {5, 0.5},  {4, 0.1},  {3, 0.01}};

bool in_period(const std::string &date, const std::string &from, const std::string &to) {
  if (date.empty()) return true; // undated complaints cannot be placed outside
  if (!from.empty() && date < from) return false;
  if (!to.empty() && date > to) return false;
  return true;
}

} // namespace

int occurrence_for_rate_per_thousand(double rate) {
  if (!(rate > 0)) return 1;
  for (const Level &l : kLevels)
    if (rate >= l.per_thousand) return l.occurrence;
  return 2;
}

double poisson_lower_bound(long long k, double confidence) {
  if (k <= 0) return 0.0;
  // P(X >= k | L) = 1 - confidence, i.e. the regularized lower incomplete gamma P(k, L) = 1 - confidence.
  return boost::math::gamma_p_inv(static_cast<double>(k), 1.0 - confidence);
}

const char *basis_name(FieldBasis b) noexcept {
  switch (b) {
  case FieldBasis::None: return "none";
  case FieldBasis::Rate: return "rate";
  case FieldBasis::PreventedCause: return "prevented-cause";
  case FieldBasis::LowWithoutExposure: return "low-occurrence-without-exposure";
  case FieldBasis::UnknownRate: return "unknown-rate";
  }
  return "?";
}

FieldVerdict check_occurrence(int occurrence, const FieldEvidence &evidence,
                              const FieldCheckOptions &options) {
  FieldVerdict v;
  v.period_from = evidence.period_from.empty() ? options.period_from : evidence.period_from;
  v.period_to = evidence.period_to.empty() ? options.period_to : evidence.period_to;
  v.exposure = evidence.exposure;
  if (!evidence.complaints.empty()) {
    for (const Complaint &c : evidence.complaints) {
      if (in_period(c.date, v.period_from, v.period_to))
        ++v.complaints;
      else
        ++v.excluded;
    }
  } else if (evidence.count) {
    v.complaints = *evidence.count;
  }
  if (v.complaints == 0) return v;

  if (v.exposure) {
    v.basis = FieldBasis::Rate;
    const double k = static_cast<double>(v.complaints);
    v.rate_per_thousand = k / *v.exposure * 1000.0;
    v.bound_per_thousand = options.point_estimate
                               ? *v.rate_per_thousand
                               : poisson_lower_bound(v.complaints, options.confidence) / *v.exposure * 1000.0;
    v.implied_occurrence = occurrence_for_rate_per_thousand(*v.bound_per_thousand);
    v.contradicted = *v.implied_occurrence > occurrence;
    v.severity = "error";
    return v;
  }
  if (occurrence == 1) {
    v.basis = FieldBasis::PreventedCause;
    v.contradicted = true;
    v.severity = "error";
  } else if (occurrence <= options.low_occurrence_max) {
    v.basis = FieldBasis::LowWithoutExposure;
    v.contradicted = true;
    v.severity = "warning";
  } else {
    v.basis = FieldBasis::UnknownRate;
  }
  return v;
}

} // namespace qloop::fmea
