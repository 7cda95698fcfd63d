// Small helpers for building result JSON.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>

#include "request_io.hpp"

namespace qloop::spc {

// A number, or null for NaN and infinities (JSON has neither).
inline Json number(double v) { return std::isfinite(v) ? Json(v) : Json(); }

// A number rounded to `digits` significant digits, for display tables only
// (details keep full precision).
inline Json rounded(double v, int digits = 6) {
  if (!std::isfinite(v)) return Json();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return std::stod(buf);
}

// Text for messages.
inline std::string fmt(double v, int digits = 6) {
  if (!std::isfinite(v)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

inline Json finding(const std::string &severity, const std::string &rule, const std::string &message,
                    const Json &where = Json()) {
  Json f = {{"severity", severity}, {"rule", rule}, {"message", message}};
  if (!where.is_null()) f["where"] = where;
  return f;
}

} // namespace qloop::spc
