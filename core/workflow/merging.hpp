// Folding complaints together, and undoing it. A duplicate keeps its number
// and its own trail, in status `duplicate` with duplicate_of pointing at the
// survivor; a merge also moves its contacts, attachments and conversation to
// the survivor, whose audit log then shows the merged complaint's trail too.
// Every link is recorded with what moved (store: complaint_links), so unlink
// puts everything back, and each step is an audit event.
#pragma once

#include <string>

#include "core/workflow/duplicates.hpp"
#include "core/workflow/ledger.hpp"

namespace qloop::workflow {

class Merger {
public:
  explicit Merger(Ledger &ledger) : ledger_(ledger) {}

  // Intake found that `id` (just received) probably repeats match.first: it
  // becomes a duplicate of it, and the survivor gets an inbound contact with
  // the new report's channel and text, so the CQE sees the customer asked
  // again. Call inside store().write().
  domain::Complaint link_probable_duplicate(std::int64_t id, const DuplicateMatch &match,
                                            const std::string &actor);
  // A person's call: `id` duplicates `original` (received or acknowledged only).
  domain::Complaint link_duplicate(std::int64_t id, std::int64_t original, const std::string &actor,
                                   const std::string &reason);
  // Contacts, attachments and conversation messages of `other` move to
  // `survivor`; `other` becomes its duplicate. `other` may be in any open
  // state (or already a duplicate of survivor), but not hold actions that are
  // still open: those belong to a case someone works.
  domain::Complaint merge(std::int64_t survivor, std::int64_t other, const std::string &actor,
                          const std::string &reason);
  // Undoes every link that folded `id` into another complaint, newest first:
  // what moved goes back, a note added to the survivor goes, and `id`
  // returns to the state it had before. Returns `id` as it is now.
  domain::Complaint unlink(std::int64_t id, const std::string &actor, const std::string &reason);

private:
  domain::Complaint get(std::int64_t id);
  domain::Complaint survivor_for(std::int64_t survivor, std::int64_t other);
  // Sets `c` duplicate of survivor, records the link and the events.
  domain::Complaint fold(domain::Complaint c, const domain::Complaint &survivor, domain::ComplaintLink link,
                         const std::string &actor);

  Ledger &ledger_;
};

} // namespace qloop::workflow
