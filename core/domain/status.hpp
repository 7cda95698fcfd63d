// The states of the closed loop (闭环): 受理 → 调查 → 处理 → 反馈 → 回访 → 归档,
// plus rejected, duplicate and reopened.
#pragma once

#include <optional>
#include <string>

namespace qloop::domain {

enum class Status {
  Received,      // 受理: logged, nobody has answered the customer yet
  Acknowledged,  // first response given
  Containing,    // D3 containment under way (may start before the root cause is known)
  Investigating, // D4 root cause
  Correcting,    // D5/D6 permanent actions being implemented
  Verifying,     // D6 actions being verified with data
  FeedingBack,   // result being communicated to the customer (反馈)
  Revisiting,    // asking the customer if it stayed fixed (回访)
  Archived,      // 归档: closed
  Rejected,      // not a valid complaint
  Duplicate,     // same as another complaint
  Reopened,      // an archived case came back (recurrence or new evidence)
};

const char *status_name(Status s); // "received", ..., "feeding_back", ...
std::optional<Status> parse_status(const std::string &name);
bool is_closed(Status s); // archived, rejected or duplicate

} // namespace qloop::domain
