// A link that folds one complaint into another: a probable duplicate found
// at intake, a duplicate a person marked, or a merge. The absorbed complaint
// keeps its number and becomes a duplicate of the survivor; what moved is
// recorded so that the link can be undone exactly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/complaint.hpp"
#include "core/domain/status.hpp"
#include "core/domain/time.hpp"

namespace qloop::domain {

enum class LinkKind { ProbableDuplicate, Duplicate, Merge };

const char *link_kind_name(LinkKind kind);
std::optional<LinkKind> parse_link_kind(const std::string &name);

struct ComplaintLink {
  std::int64_t id = 0;
  LinkKind kind = LinkKind::Duplicate;
  std::int64_t complaint_id = 0; // the absorbed complaint
  std::int64_t survivor_id = 0;
  Timestamp at{};
  std::string actor;
  std::string reason; // a person's words, or the matcher's explanation
  double score = 0;   // probable duplicates: how alike (0..1); else 0
  Status status_before = Status::Received;
  // What moved to the survivor (merge), and the note added there (probable
  // duplicate): taken back by an undo.
  std::vector<std::int64_t> moved_contacts;
  std::vector<Attachment> moved_attachments;
  std::vector<std::string> moved_messages;
  std::optional<std::int64_t> note_contact;
  std::optional<Timestamp> undone_at;
  std::string undone_by;
};

void to_json(nlohmann::json &j, const ComplaintLink &l);

} // namespace qloop::domain
