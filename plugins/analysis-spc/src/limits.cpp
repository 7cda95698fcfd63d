#include "limits.hpp"

#include <algorithm>

namespace qloop::spc {

const char *source_name(LimitSource s) {
  switch (s) {
  case LimitSource::phase1: return "phase1";
  case LimitSource::given: return "given";
  case LimitSource::standard: return "standard";
  }
  return "";
}

ControlLimits ControlLimits::three_sigma(double center, double sigma, double floor) {
  return {center, center + 3 * sigma, std::max(floor, center - 3 * sigma), sigma, sigma};
}

ControlLimits ControlLimits::from_limits(double center, double ucl, double lcl) {
  return {center, ucl, lcl, (ucl - center) / 3, (center - lcl) / 3};
}

} // namespace qloop::spc
