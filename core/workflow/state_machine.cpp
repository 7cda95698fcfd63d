#include "core/workflow/state_machine.hpp"

#include <algorithm>
#include <map>

namespace qloop::workflow {

using domain::ActionStatus;
using domain::ActionType;
using domain::Severity;
using domain::Status;

const std::vector<Status> &next_states(Status from) {
  static const std::map<Status, std::vector<Status>> table = {
      {Status::Received, {Status::Acknowledged, Status::Rejected, Status::Duplicate}},
      {Status::Acknowledged,
       {Status::Containing, Status::Investigating, Status::Rejected, Status::Duplicate}},
      // Containment may start before the root cause is known and continue alongside it.
      {Status::Containing, {Status::Investigating}},
      {Status::Investigating, {Status::Correcting, Status::Containing}},
      {Status::Correcting, {Status::Verifying, Status::Investigating}},
      {Status::Verifying, {Status::FeedingBack, Status::Correcting}},
      {Status::FeedingBack, {Status::Revisiting}},
      {Status::Revisiting, {Status::Archived}},
      {Status::Archived, {Status::Reopened}},
      {Status::Rejected, {Status::Reopened}},
      // Duplicate: none. Links are made and undone by complaint link/merge/unlink
      // (workflow/merging), which move contacts and attachments both ways.
      {Status::Reopened, {Status::Containing, Status::Investigating}},
  };
  static const std::vector<Status> none;
  auto it = table.find(from);
  return it == table.end() ? none : it->second;
}

namespace {

std::vector<const domain::Action *> open_or_unverified(const ComplaintFile &f) {
  std::vector<const domain::Action *> out;
  for (const auto &a : f.actions)
    if (a.status != ActionStatus::Verified && a.status != ActionStatus::Cancelled) out.push_back(&a);
  return out;
}

std::string action_list(const std::vector<const domain::Action *> &actions) {
  std::string s;
  for (const auto *a : actions) s += (s.empty() ? "" : ", ") + std::string("A-") + std::to_string(a->id);
  return s;
}

bool has_contact(const ComplaintFile &f, domain::Direction direction, const std::string &purpose) {
  return std::any_of(f.contacts.begin(), f.contacts.end(), [&](const domain::Contact &c) {
    return c.direction == direction && (purpose.empty() || c.purpose == purpose);
  });
}

bool major_or_critical(const domain::Complaint &c) {
  return c.severity == Severity::Major || c.severity == Severity::Critical;
}

} // namespace

std::vector<std::string> missing_for_d8_closure(const ComplaintFile &file) {
  std::vector<std::string> missing;
  std::vector<const domain::Action *> open;
  for (const auto &a : file.actions)
    if (domain::is_open(a)) open.push_back(&a);
  if (!open.empty()) missing.push_back(std::to_string(open.size()) + " open action(s): " + action_list(open));
  return missing;
}

std::vector<std::string> missing_for(const ComplaintFile &file, Status to, const std::string &reason) {
  std::vector<std::string> missing;
  const auto &c = file.complaint;
  switch (to) {
  case Status::Acknowledged:
    if (!has_contact(file, domain::Direction::Outbound, ""))
      missing.push_back("no outbound customer contact recorded (the first response)");
    break;
  case Status::Rejected:
  case Status::Reopened:
    if (reason.empty()) missing.push_back("a reason");
    break;
  case Status::Duplicate:
    missing.push_back("a link to the complaint it duplicates: use complaint link --duplicate-of or "
                      "complaint merge");
    break;
  case Status::Investigating:
    if (c.status == Status::Containing && file.eight_d.d3.empty())
      missing.push_back("no containment action recorded in D3");
    break;
  case Status::Correcting:
    if (!file.eight_d.has_cause("occurrence"))
      missing.push_back("no occurrence cause (D4 kind 'occurrence')");
    if (std::none_of(file.actions.begin(), file.actions.end(), [](const domain::Action &a) {
          return a.type == ActionType::Permanent && a.status != ActionStatus::Cancelled;
        }))
      missing.push_back("no permanent action");
    break;
  case Status::Verifying: {
    std::vector<const domain::Action *> open;
    for (const auto &a : file.actions)
      if (a.type == ActionType::Permanent && domain::is_open(a)) open.push_back(&a);
    if (!open.empty()) missing.push_back("permanent action(s) not done: " + action_list(open));
    break;
  }
  case Status::FeedingBack: {
    auto unverified = open_or_unverified(file);
    if (!unverified.empty()) missing.push_back("action(s) not verified: " + action_list(unverified));
    break;
  }
  case Status::Revisiting:
    if (!has_contact(file, domain::Direction::Outbound, "feedback"))
      missing.push_back("no feedback contact with the customer (contact purpose 'feedback')");
    break;
  case Status::Archived: {
    if (major_or_critical(c)) {
      if (!file.eight_d.has_cause("occurrence"))
        missing.push_back("no occurrence cause (D4 kind 'occurrence')");
      if (!file.eight_d.has_cause("escape")) missing.push_back("no escape cause (D4 kind 'escape')");
      if (!file.eight_d.d8.closed_at) missing.push_back("8D not closed (D8)");
    }
    auto unverified = open_or_unverified(file);
    if (!unverified.empty()) missing.push_back("action(s) not verified: " + action_list(unverified));
    if (file.revisits.empty()) missing.push_back("no revisit recorded or waived with a reason");
    break;
  }
  default: break;
  }
  return missing;
}

std::string illegal_transition_message(const domain::Complaint &c, Status to) {
  std::string allowed;
  for (Status s : next_states(c.status))
    allowed += (allowed.empty() ? "" : ", ") + std::string(status_name(s));
  if (c.status == Status::Duplicate)
    return "cannot move " + c.number + " from duplicate to " + status_name(to) +
           ": undo the link with complaint unlink";
  return "cannot move " + c.number + " from " + status_name(c.status) + " to " + status_name(to) +
         (allowed.empty() ? ": no further state" : ": allowed next states are " + allowed);
}

} // namespace qloop::workflow
