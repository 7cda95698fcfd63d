#include "core/domain/complaint_link.hpp"

namespace qloop::domain {

const char *link_kind_name(LinkKind kind) {
  switch (kind) {
  case LinkKind::ProbableDuplicate: return "probable_duplicate";
  case LinkKind::Duplicate: return "duplicate";
  case LinkKind::Merge: return "merge";
  }
  return "unknown";
}

std::optional<LinkKind> parse_link_kind(const std::string &name) {
  for (auto kind : {LinkKind::ProbableDuplicate, LinkKind::Duplicate, LinkKind::Merge})
    if (name == link_kind_name(kind)) return kind;
  return std::nullopt;
}

void to_json(nlohmann::json &j, const ComplaintLink &l) {
  j = {{"id", l.id},
       {"kind", link_kind_name(l.kind)},
       {"complaint_id", l.complaint_id},
       {"survivor_id", l.survivor_id},
       {"at", format_iso(l.at)},
       {"actor", l.actor},
       {"reason", l.reason},
       {"score", l.score},
       {"status_before", status_name(l.status_before)},
       {"moved_contacts", l.moved_contacts},
       {"moved_attachments", l.moved_attachments},
       {"moved_messages", l.moved_messages},
       {"note_contact", l.note_contact},
       {"undone_at", l.undone_at ? nlohmann::json(format_iso(*l.undone_at)) : nlohmann::json()},
       {"undone_by", l.undone_by}};
}

} // namespace qloop::domain
