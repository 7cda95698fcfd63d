// 回访: asking the customer, after the fix, whether it stayed fixed.
#pragma once

#include <cstdint>
#include <string>

#include "core/domain/json.hpp"
#include "core/domain/time.hpp"

namespace qloop::domain {

struct Revisit {
  std::int64_t id = 0;
  std::int64_t complaint_id = 0;
  Timestamp at{};
  int satisfaction = 0; // 1..5; 0 when waived
  std::string comment;
  bool problem_recurred = false;
  bool waived = false; // no revisit, with a reason (customer unreachable, ...)
  std::string waiver_reason;
  std::string actor;
};

void to_json(nlohmann::json &j, const Revisit &r);
void from_json(const nlohmann::json &j, Revisit &r);
// Problems with a revisit as given, one message per field.
std::vector<std::string> validate_revisit(const Revisit &r);

} // namespace qloop::domain
