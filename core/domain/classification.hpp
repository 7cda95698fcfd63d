// Automatic grading of a new complaint (BRIEF: 自动分类、优先级、分配): the
// classifier's decision per target (category, subcategory, severity,
// department), what the host filled in from it, the owner routing chose,
// and whether a person must look (the triage queue) and what they changed.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/json.hpp"
#include "core/domain/time.hpp"

namespace qloop::domain {

// Targets, in the order they are shown.
inline constexpr const char *kClassifyTargets[] = {"category", "subcategory", "severity", "department"};

struct Decision {
  std::string value;
  double confidence = 0; // 0..1
  std::string by;        // "rule:safety" or "model"
  std::string explanation;
};

struct Classification {
  std::int64_t complaint_id = 0;
  Timestamp at{};
  std::map<std::string, Decision> decisions; // target -> decision; an undecided target is absent
  std::vector<std::string> filled;           // fields the host set from the decisions
  std::string assigned_by;                   // routing's reason, when it chose the owner
  bool triage = false;                       // waiting for a person
  std::string triage_reason;                 // "severity: 0.41 < 0.60", "category: undecided"
  std::string reviewed_by;
  std::optional<Timestamp> reviewed_at;
  nlohmann::json corrections = nlohmann::json::object(); // field -> {"from", "to"}
};

void to_json(nlohmann::json &j, const Decision &d);
void from_json(const nlohmann::json &j, Decision &d);
void to_json(nlohmann::json &j, const Classification &c);

} // namespace qloop::domain
