// One entry of the append-only audit trail. Events are hash-chained: each
// hash covers the previous hash and every field of the event, so changing,
// inserting or removing an event in the middle breaks the chain from there on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/domain/time.hpp"

namespace qloop::domain {

struct AuditEvent {
  std::int64_t seq = 0; // 1, 2, 3, ... in append order
  Timestamp at{};
  std::string actor;
  std::optional<std::int64_t> complaint_id;
  std::string kind;   // "complaint.created", "complaint.transition", "action.verified", ...
  std::string before; // JSON text of the changed data before ("" when created)
  std::string after;  // JSON text after
  std::string reason;
  std::string prev_hash; // hash of event seq-1; kGenesisHash for the first
  std::string hash;
};

inline const std::string kGenesisHash(64, '0');

// SHA-256 (hex) over prev_hash and the event's fields, length-prefixed so no
// two different events hash alike by moving text between fields.
std::string audit_hash(const AuditEvent &e);

} // namespace qloop::domain
