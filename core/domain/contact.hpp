// Every communication with the customer, so "first response within target"
// and "two contacts within 48 h for key complaints" are checked from data.
#pragma once

#include <cstdint>
#include <string>

#include "core/domain/json.hpp"
#include "core/domain/time.hpp"

namespace qloop::domain {

enum class Direction { Inbound, Outbound };

struct Contact {
  std::int64_t id = 0;
  std::int64_t complaint_id = 0;
  std::string channel; // phone, email, visit, chat, ...
  Direction direction = Direction::Outbound;
  std::string purpose; // first_response, update, feedback, revisit, other
  Timestamp at{};
  std::string summary;
  std::string actor;      // who talked to the customer
  std::string source_key; // set when it came in through an intake channel (exactly once)
};

NLOHMANN_JSON_SERIALIZE_ENUM(Direction, {{Direction::Inbound, "in"}, {Direction::Outbound, "out"}})

void to_json(nlohmann::json &j, const Contact &c);
void from_json(const nlohmann::json &j, Contact &c);
const char *direction_name(Direction d);

} // namespace qloop::domain
