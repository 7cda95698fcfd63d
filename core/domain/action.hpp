// Corrective and preventive actions, each with an owner, a due date, evidence
// and a verification by someone other than a wish.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/domain/json.hpp"
#include "core/domain/time.hpp"

namespace qloop::domain {

enum class ActionType { Temporary, Permanent, Preventive };
enum class ActionStatus { Open, InProgress, Done, Verified, Cancelled };

struct Action {
  std::int64_t id = 0;
  std::int64_t complaint_id = 0;
  ActionType type = ActionType::Permanent;
  std::string description;
  std::string owner_department;
  std::string owner;
  std::optional<Timestamp> due;
  ActionStatus status = ActionStatus::Open;
  std::string evidence;
  std::string verification_result; // what the data showed
  std::string verified_by;
  std::optional<Timestamp> verified_at;
};

NLOHMANN_JSON_SERIALIZE_ENUM(ActionType, {{ActionType::Temporary, "temporary"},
                                          {ActionType::Permanent, "permanent"},
                                          {ActionType::Preventive, "preventive"}})
NLOHMANN_JSON_SERIALIZE_ENUM(ActionStatus, {{ActionStatus::Open, "open"},
                                            {ActionStatus::InProgress, "in_progress"},
                                            {ActionStatus::Done, "done"},
                                            {ActionStatus::Verified, "verified"},
                                            {ActionStatus::Cancelled, "cancelled"}})

const char *action_type_name(ActionType t);
std::optional<ActionType> parse_action_type(const std::string &s);
const char *action_status_name(ActionStatus s);
std::optional<ActionStatus> parse_action_status(const std::string &s);
// Open or in progress: still work to do (cancelled and verified are settled).
bool is_open(const Action &a);

void to_json(nlohmann::json &j, const Action &a);
void from_json(const nlohmann::json &j, Action &a);

} // namespace qloop::domain
