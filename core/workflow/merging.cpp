#include "core/workflow/merging.hpp"

#include <algorithm>

#include "core/log/logging.hpp"
#include "core/workflow/incoming_contact.hpp"

namespace qloop::workflow {

namespace {

using domain::Status;
using nlohmann::json;

json status_json(Status s) { return json{{"status", domain::status_name(s)}}; }

} // namespace

domain::Complaint Merger::get(std::int64_t id) {
  auto c = ledger_.store().complaint(id);
  if (!c) throw LedgerError(LedgerError::Kind::NotFound, "no complaint with id " + std::to_string(id));
  return *c;
}

domain::Complaint Merger::survivor_for(std::int64_t survivor_id, std::int64_t other_id) {
  if (survivor_id == other_id)
    throw LedgerError(LedgerError::Kind::Invalid, "a complaint cannot be folded into itself");
  auto survivor = get(survivor_id);
  if (survivor.status == Status::Duplicate && survivor.duplicate_of) {
    auto first = get(*survivor.duplicate_of);
    throw LedgerError(LedgerError::Kind::Refused, survivor.number + " is itself a duplicate of " +
                                                      first.number + "; link to " + first.number);
  }
  if (survivor.status == Status::Archived)
    throw LedgerError(LedgerError::Kind::Refused,
                      survivor.number + " is archived: a repeat of a closed case is a recurrence (complaint "
                                        "link --recurrence-of), not a duplicate");
  if (survivor.status == Status::Rejected)
    throw LedgerError(LedgerError::Kind::Refused, survivor.number + " was rejected");
  return survivor;
}

domain::Complaint Merger::fold(domain::Complaint c, const domain::Complaint &survivor,
                               domain::ComplaintLink link, const std::string &actor) {
  auto &store = ledger_.store();
  link.complaint_id = c.id;
  link.survivor_id = survivor.id;
  link.at = ledger_.now();
  link.actor = actor;
  link.id = store.insert_link(link);
  const Status from = c.status;
  c.duplicate_of = survivor.id;
  c.status = Status::Duplicate;
  c.updated_at = link.at;
  c.closed_at = link.at;
  store.update_complaint(c);
  ledger_.audit(actor, c.id,
                std::string("complaint.") + (link.kind == domain::LinkKind::Merge ? "merged" : "linked"), "",
                json(link).dump(), link.reason);
  if (from != Status::Duplicate)
    ledger_.audit(actor, c.id, "complaint.transition", status_json(from).dump(),
                  status_json(Status::Duplicate).dump(),
                  std::string(domain::link_kind_name(link.kind)) + " of " + survivor.number);
  return c;
}

domain::Complaint Merger::link_probable_duplicate(std::int64_t id, const DuplicateMatch &match,
                                                  const std::string &actor) {
  domain::Complaint out;
  ledger_.store().write([&] {
    auto c = get(id);
    auto survivor = survivor_for(match.first.id, id);
    domain::ComplaintLink link;
    link.kind = domain::LinkKind::ProbableDuplicate;
    link.reason = match.why;
    link.score = match.similarity;
    link.status_before = c.status;
    // The customer asked again: that is a contact on the first complaint.
    const auto note = incoming_contact(c,
                                       "Reported again via " + c.channel + " as " + c.number +
                                           " (probable duplicate: " + match.why + "):\n",
                                       2000);
    link.note_contact = ledger_.add_contact(survivor.id, note, actor).id;
    out = fold(std::move(c), survivor, std::move(link), actor);
  });
  return out;
}

domain::Complaint Merger::link_duplicate(std::int64_t id, std::int64_t original, const std::string &actor,
                                         const std::string &reason) {
  domain::Complaint out;
  ledger_.store().write([&] {
    auto c = get(id);
    auto survivor = survivor_for(original, id);
    if (c.status != Status::Received && c.status != Status::Acknowledged)
      throw LedgerError(LedgerError::Kind::Refused,
                        c.number + " is " + domain::status_name(c.status) +
                            ": only a received or acknowledged complaint is marked a duplicate; to fold a "
                            "complaint that is being worked into another, merge them (complaint merge)");
    domain::ComplaintLink link;
    link.kind = domain::LinkKind::Duplicate;
    link.reason = reason.empty() ? "duplicate of " + survivor.number : reason;
    link.status_before = c.status;
    out = fold(std::move(c), survivor, std::move(link), actor);
  });
  return out;
}

domain::Complaint Merger::merge(std::int64_t survivor_id, std::int64_t other_id, const std::string &actor,
                                const std::string &reason) {
  domain::Complaint out;
  auto &store = ledger_.store();
  store.write([&] {
    auto survivor = survivor_for(survivor_id, other_id);
    auto other = get(other_id);
    if (other.status == Status::Duplicate && other.duplicate_of != survivor.id)
      throw LedgerError(LedgerError::Kind::Refused, other.number + " is a duplicate of another complaint; "
                                                                   "unlink it first");
    if (other.status == Status::Archived || other.status == Status::Rejected)
      throw LedgerError(LedgerError::Kind::Refused,
                        other.number + " is " + domain::status_name(other.status));
    std::string open_actions;
    for (const auto &a : store.actions(other.id))
      if (a.status != domain::ActionStatus::Verified && a.status != domain::ActionStatus::Cancelled)
        open_actions += (open_actions.empty() ? "A-" : ", A-") + std::to_string(a.id);
    if (!open_actions.empty())
      throw LedgerError(LedgerError::Kind::Refused, other.number + " has open actions (" + open_actions +
                                                        "): finish or cancel them before merging it into " +
                                                        survivor.number);
    domain::ComplaintLink link;
    link.kind = domain::LinkKind::Merge;
    link.reason = reason.empty() ? "merged into " + survivor.number : reason;
    // Folded once already (a probable duplicate): undo returns it to where it was then.
    auto earlier = store.links(other.id, true);
    link.status_before = other.status;
    for (const auto &l : earlier)
      if (l.complaint_id == other.id) {
        link.status_before = l.status_before;
        break;
      }
    for (const auto &contact : store.contacts(other.id)) {
      store.move_contact(contact.id, survivor.id);
      link.moved_contacts.push_back(contact.id);
    }
    for (const auto &message : store.thread_messages(other.id)) {
      store.move_thread_message(message, survivor.id);
      link.moved_messages.push_back(message);
    }
    link.moved_attachments = other.attachments;
    if (!other.attachments.empty()) {
      survivor.attachments.insert(survivor.attachments.end(), other.attachments.begin(),
                                  other.attachments.end());
      survivor.updated_at = ledger_.now();
      store.update_complaint(survivor);
      other.attachments.clear();
    }
    ledger_.audit(actor, survivor.id, "complaint.absorbed", "",
                  json{{"merged", other.number},
                       {"contacts", link.moved_contacts.size()},
                       {"attachments", link.moved_attachments.size()},
                       {"messages", link.moved_messages.size()}}
                      .dump(),
                  link.reason);
    out = fold(std::move(other), survivor, std::move(link), actor);
  });
  log::get("ledger")->info("{} merged {} into complaint {}", actor, out.number, survivor_id);
  return out;
}

domain::Complaint Merger::unlink(std::int64_t id, const std::string &actor, const std::string &reason) {
  if (reason.empty()) throw LedgerError(LedgerError::Kind::Invalid, "reason: say why the link was wrong");
  domain::Complaint out;
  auto &store = ledger_.store();
  store.write([&] {
    auto c = get(id);
    std::vector<domain::ComplaintLink> mine;
    for (auto &l : store.links(id, true))
      if (l.complaint_id == id) mine.push_back(std::move(l));
    if (mine.empty())
      throw LedgerError(LedgerError::Kind::Refused, c.number + " is not linked into another complaint");
    const Status restore = mine.front().status_before;
    for (auto it = mine.rbegin(); it != mine.rend(); ++it) {
      const auto &l = *it;
      auto survivor = get(l.survivor_id);
      for (auto contact_id : l.moved_contacts) store.move_contact(contact_id, id);
      for (const auto &message : l.moved_messages) store.move_thread_message(message, id);
      if (!l.moved_attachments.empty()) {
        auto &kept = survivor.attachments;
        kept.erase(std::remove_if(kept.begin(), kept.end(),
                                  [&](const domain::Attachment &a) {
                                    return std::any_of(
                                        l.moved_attachments.begin(), l.moved_attachments.end(),
                                        [&](const domain::Attachment &m) { return m.path == a.path; });
                                  }),
                   kept.end());
        survivor.updated_at = ledger_.now();
        store.update_complaint(survivor);
        c.attachments.insert(c.attachments.end(), l.moved_attachments.begin(), l.moved_attachments.end());
      }
      if (l.note_contact) store.delete_contact(*l.note_contact);
      store.close_link(l.id, ledger_.now(), actor);
      ledger_.audit(actor, survivor.id, "complaint.link_undone", json(l).dump(), "",
                    c.number + " unlinked: " + reason);
    }
    c.duplicate_of.reset();
    c.status = restore;
    c.closed_at.reset();
    c.updated_at = ledger_.now();
    store.update_complaint(c);
    ledger_.audit(actor, id, "complaint.unlinked", "", json{{"links", mine.size()}}.dump(), reason);
    ledger_.audit(actor, id, "complaint.transition", status_json(Status::Duplicate).dump(),
                  status_json(restore).dump(), "unlinked: " + reason);
    out = c;
  });
  return out;
}

} // namespace qloop::workflow
