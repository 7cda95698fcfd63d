#include "core/domain/severity.hpp"

namespace qloop::domain {

const char *severity_name(Severity s) {
  switch (s) {
  case Severity::Critical: return "critical";
  case Severity::Major: return "major";
  default: return "minor";
  }
}

std::optional<Severity> parse_severity(const std::string &name) {
  if (name == "critical") return Severity::Critical;
  if (name == "major") return Severity::Major;
  if (name == "minor") return Severity::Minor;
  return std::nullopt;
}

} // namespace qloop::domain
