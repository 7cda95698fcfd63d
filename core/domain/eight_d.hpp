// The 8D record (D0–D8), structured: the vehicle of the investigation. Each
// section is its own type so the guards can ask precise questions ("is there
// an escape cause?") instead of searching free text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/json.hpp"
#include "core/domain/time.hpp"

namespace qloop::domain {

struct TeamMember { // D1, with RACI role
  std::string name;
  std::string department;
  std::string role; // leader, member, champion, ...
  std::string raci; // R, A, C or I
};

struct ProblemStatement { // D2, 5W2H
  std::string what, why, when, where, who, how, how_many;
};

struct ContainmentAction { // D3, with its scope
  std::string description;
  std::vector<std::string> lots;
  std::int64_t quantity_sorted = 0;
  std::int64_t found_bad = 0;
  bool shipments_stopped = false;
  std::string recall; // recall or field service done, if any
  std::string owner;
  std::optional<Timestamp> done_at;
};

struct RootCause { // D4: kind "occurrence" (发生原因) or "escape" (流出原因)
  std::string kind;
  std::string description;
  std::string evidence;
  std::vector<std::string> analysis_refs; // ids of attached analysis results (5 Why, DOE, ...)
};

struct PermanentActions { // D5
  std::vector<std::int64_t> action_ids;
  std::string rationale;
};

struct Implementation { // D6
  std::string implementation;
  std::string validation; // the data that shows it works
};

struct HorizontalDeployment { // 水平展开, each target with its own status
  std::string target;         // another product, line or process
  std::string status;         // planned, in_progress, done, not_applicable
  std::string owner;
  std::optional<Timestamp> due;
};

struct Prevention { // D7
  bool fmea_updated = false;
  bool control_plan_updated = false;
  bool work_instructions_updated = false;
  std::string notes;
  std::vector<HorizontalDeployment> horizontal_deployment;
};

struct Closure { // D8
  std::optional<Timestamp> closed_at;
  std::string closed_by;
  std::string summary;
};

struct EightD {
  std::string d0; // emergency response
  std::vector<TeamMember> d1;
  ProblemStatement d2;
  std::vector<ContainmentAction> d3;
  std::vector<RootCause> d4;
  PermanentActions d5;
  Implementation d6;
  Prevention d7;
  Closure d8;

  bool has_cause(const std::string &kind) const;
};

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TeamMember, name, department, role, raci)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ProblemStatement, what, why, when, where, who, how, how_many)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ContainmentAction, description, lots, quantity_sorted,
                                                found_bad, shipments_stopped, recall, owner, done_at)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(RootCause, kind, description, evidence, analysis_refs)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PermanentActions, action_ids, rationale)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Implementation, implementation, validation)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(HorizontalDeployment, target, status, owner, due)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Prevention, fmea_updated, control_plan_updated,
                                                work_instructions_updated, notes, horizontal_deployment)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Closure, closed_at, closed_by, summary)

// Section names: "d0" ... "d8".
bool is_eight_d_section(const std::string &name);
// Replaces one section from JSON; throws std::invalid_argument naming the
// section and field when the JSON does not fit.
void set_section(EightD &doc, const std::string &section, const nlohmann::json &value);
nlohmann::json get_section(const EightD &doc, const std::string &section);

void to_json(nlohmann::json &j, const EightD &d);
void from_json(const nlohmann::json &j, EightD &d);

} // namespace qloop::domain
