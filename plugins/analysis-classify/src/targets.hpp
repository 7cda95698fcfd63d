// The four things the plugin decides for a complaint, and the table columns
// that carry their labels for training and evaluation.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace qloop::classify {

enum class Target : std::size_t { category = 0, subcategory = 1, severity = 2, department = 3 };

inline constexpr std::size_t kTargetCount = 4;
inline constexpr std::array<Target, kTargetCount> kTargets = {Target::category, Target::subcategory,
                                                              Target::severity, Target::department};

inline constexpr std::size_t index_of(Target t) { return static_cast<std::size_t>(t); }

// The key in results and in a rule ("department", not the column name).
inline constexpr const char *target_name(Target t) {
  constexpr const char *names[] = {"category", "subcategory", "severity", "department"};
  return names[index_of(t)];
}

// The label column in a ledger export (record.schema.json field names).
inline constexpr const char *label_column(Target t) {
  constexpr const char *names[] = {"category", "subcategory", "severity", "owner_department"};
  return names[index_of(t)];
}

inline std::optional<Target> target_from_name(std::string_view name) {
  for (Target t : kTargets)
    if (name == target_name(t)) return t;
  return std::nullopt;
}

// The values the record schema allows, where it fixes them; rules are checked
// against these so a typo in the rules file is caught at load time.
inline bool allowed_value(Target t, std::string_view v) {
  if (t == Target::category)
    return v == "product_quality" || v == "service" || v == "logistics" || v == "other";
  if (t == Target::severity) return v == "critical" || v == "major" || v == "minor";
  return !v.empty();
}

// One decision for one target of one record.
struct Decision {
  std::string value;
  double confidence = 0;
  std::string by; // "rule:<name>" or "model"
  std::string explanation;
};

using RowDecisions = std::array<std::optional<Decision>, kTargetCount>;

} // namespace qloop::classify
