#include "core/workflow/classification.hpp"

#include <cstdio>

#include "core/domain/severity.hpp"

namespace qloop::workflow {

namespace {

std::string two_digits(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

void add_reason(domain::Classification &out, const std::string &reason) {
  out.triage = true;
  out.triage_reason += (out.triage_reason.empty() ? "" : "; ") + reason;
}

} // namespace

domain::Classification apply_classification(domain::Complaint &c, const Decisions &decisions,
                                            bool severity_given, const ClassifyPolicy &policy) {
  domain::Classification out;
  out.decisions = decisions;
  // One target: the complaint's field it fills, whether the channel already
  // set that field, and how to set it (false: not a valid value).
  auto fill = [&](const char *target, const char *field, bool given, auto &&set) {
    if (given) return;
    auto it = decisions.find(target);
    if (it == decisions.end() || it->second.value.empty()) {
      add_reason(out, std::string(target) + ": undecided");
      return;
    }
    if (!set(it->second.value)) {
      add_reason(out, std::string(target) + ": '" + it->second.value + "' is not a valid value");
      return;
    }
    out.filled.emplace_back(field);
    if (it->second.confidence < policy.triage_below)
      add_reason(out, std::string(target) + ": " + two_digits(it->second.confidence) + " < " +
                          two_digits(policy.triage_below));
  };
  fill("category", "category", !c.category.empty(), [&](const std::string &v) {
    c.category = v;
    return true;
  });
  fill("subcategory", "subcategory", !c.subcategory.empty(), [&](const std::string &v) {
    c.subcategory = v;
    return true;
  });
  fill("severity", "severity", severity_given, [&](const std::string &v) {
    auto s = domain::parse_severity(v);
    if (s) c.severity = *s;
    return s.has_value();
  });
  fill("department", "owner_department", !c.owner_department.empty(), [&](const std::string &v) {
    c.owner_department = v;
    return true;
  });
  return out;
}

domain::Classification unclassified(const std::string &why) {
  domain::Classification out;
  out.triage = true;
  out.triage_reason = "not classified: " + why;
  return out;
}

} // namespace qloop::workflow
