#include "core/workflow/ledger.hpp"

#include <algorithm>
#include <charconv>

#include <date/date.h>

#include "core/domain/json.hpp"
#include "core/workflow/state_machine.hpp"

namespace qloop::workflow {

using domain::Status;
using nlohmann::json;

namespace {

std::string join(const std::vector<std::string> &items, const char *sep) {
  std::string out;
  for (const auto &i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

// The template fields a person may change after receipt.
const std::vector<std::string> &editable_fields() {
  static const std::vector<std::string> fields = {
      "customer", "contact",      "received_at",       "channel",      "product_model",
      "lot",      "order_number", "quantity_affected", "phenomenon",   "reporter",
      "category", "subcategory",  "severity",          "key_complaint"};
  return fields;
}

} // namespace

Ledger::Ledger(store::Store &store, Clock clock) : store_(store), clock_(std::move(clock)) {
  if (!clock_)
    clock_ = [] {
      return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    };
}

void Ledger::audit(const std::string &actor, std::optional<std::int64_t> complaint, const std::string &kind,
                   const std::string &before, const std::string &after, const std::string &reason) {
  domain::AuditEvent e;
  e.at = now();
  e.actor = actor;
  e.complaint_id = complaint;
  e.kind = kind;
  e.before = before;
  e.after = after;
  e.reason = reason;
  store_.append_event(e);
}

domain::Complaint Ledger::must_get(std::int64_t id) {
  auto c = store_.complaint(id);
  if (!c) throw LedgerError(LedgerError::Kind::NotFound, "no complaint with id " + std::to_string(id));
  return *c;
}

Ledger::Received Ledger::receive(domain::Complaint c, const std::string &actor) {
  auto problems = domain::validate_new_complaint(c);
  if (!problems.empty()) throw LedgerError(LedgerError::Kind::Invalid, join(problems, "; "));
  Received out{{}, false};
  store_.write([&] {
    if (!c.source_key.empty()) {
      if (auto existing = store_.complaint_id_by_source_key(c.source_key)) {
        out.complaint = must_get(*existing);
        return;
      }
    }
    const auto t = now();
    c.status = Status::Received;
    c.created_at = c.updated_at = t;
    const int year = static_cast<int>(date::year_month_day{date::floor<date::days>(c.received_at)}.year());
    c.number = store_.next_number(year);
    c.id = store_.insert_complaint(c);
    audit(actor, c.id, "complaint.created", "", json(c).dump());
    out = {c, true};
  });
  return out;
}

domain::Complaint Ledger::find(const std::string &number_or_id) {
  std::optional<domain::Complaint> c;
  store_.read([&] {
    std::int64_t id = 0;
    auto [p, ec] = std::from_chars(number_or_id.data(), number_or_id.data() + number_or_id.size(), id);
    if (ec == std::errc() && p == number_or_id.data() + number_or_id.size())
      c = store_.complaint(id);
    else
      c = store_.complaint_by_number(number_or_id);
  });
  if (!c) throw LedgerError(LedgerError::Kind::NotFound, "no complaint " + number_or_id);
  return *c;
}

ComplaintFile Ledger::file(std::int64_t id) {
  ComplaintFile f;
  store_.read([&] {
    f.complaint = must_get(id);
    f.eight_d = store_.eight_d(id);
    f.actions = store_.actions(id);
    f.contacts = store_.contacts(id);
    f.revisits = store_.revisits(id);
    f.pauses = store_.pauses(id);
    f.links = store_.links(id, true);
  });
  return f;
}

domain::Complaint Ledger::update(std::int64_t id, const json &changes, const std::string &actor,
                                 const std::string &reason) {
  if (!changes.is_object() || changes.empty())
    throw LedgerError(LedgerError::Kind::Invalid, "changes: expected an object with at least one field");
  for (const auto &[key, value] : changes.items())
    if (std::find(editable_fields().begin(), editable_fields().end(), key) == editable_fields().end())
      throw LedgerError(LedgerError::Kind::Invalid, key + ": not a field that can be changed (editable: " +
                                                        join(editable_fields(), ", ") + ")");
  domain::Complaint result;
  store_.write([&] {
    auto c = must_get(id);
    json before_all = c, merged = c;
    for (const auto &[key, value] : changes.items()) merged[key] = value;
    domain::Complaint updated;
    try {
      updated = merged.get<domain::Complaint>();
    } catch (const std::exception &e) {
      throw LedgerError(LedgerError::Kind::Invalid, e.what());
    }
    auto problems = domain::validate_new_complaint(updated);
    if (!problems.empty()) throw LedgerError(LedgerError::Kind::Invalid, join(problems, "; "));
    updated.updated_at = now();
    store_.update_complaint(updated);
    json before = json::object(), after = json::object();
    for (const auto &[key, value] : changes.items()) {
      before[key] = before_all[key];
      after[key] = json(updated)[key];
    }
    audit(actor, id, "complaint.updated", before.dump(), after.dump(), reason);
    result = updated;
  });
  return result;
}

domain::Complaint Ledger::assign(std::int64_t id, const std::string &owner, const std::string &department,
                                 const std::string &actor) {
  if (owner.empty()) throw LedgerError(LedgerError::Kind::Invalid, "owner: must not be empty");
  domain::Complaint c;
  store_.write([&] {
    c = must_get(id);
    json before = {{"owner", c.owner}, {"owner_department", c.owner_department}};
    c.owner = owner;
    c.owner_department = department;
    c.updated_at = now();
    store_.update_complaint(c);
    audit(actor, id, "complaint.assigned", before.dump(),
          json{{"owner", c.owner}, {"owner_department", c.owner_department}}.dump());
  });
  return c;
}

domain::Complaint Ledger::transition(std::int64_t id, Status to, const std::string &actor,
                                     const std::string &reason) {
  domain::Complaint c;
  store_.write([&] {
    ComplaintFile f = file(id);
    c = f.complaint;
    const auto &allowed = next_states(c.status);
    if (std::find(allowed.begin(), allowed.end(), to) == allowed.end())
      throw LedgerError(LedgerError::Kind::Refused, illegal_transition_message(c, to));
    auto missing = missing_for(f, to, reason);
    if (!missing.empty())
      throw LedgerError(LedgerError::Kind::Refused, "cannot move " + c.number + " to " +
                                                        domain::status_name(to) + ": " + join(missing, "; "));
    const Status from = c.status;
    c.status = to;
    c.updated_at = now();
    if (domain::is_closed(to))
      c.closed_at = c.updated_at;
    else
      c.closed_at.reset();
    store_.update_complaint(c);
    audit(actor, id, "complaint.transition", json{{"status", domain::status_name(from)}}.dump(),
          json{{"status", domain::status_name(to)}}.dump(), reason);
  });
  return c;
}

domain::Complaint Ledger::wait_on_customer(std::int64_t id, const std::string &reason,
                                           const std::string &actor) {
  if (reason.empty())
    throw LedgerError(LedgerError::Kind::Invalid, "reason: say what the customer is to provide");
  domain::Complaint c;
  store_.write([&] {
    c = must_get(id);
    if (c.waiting_on_customer)
      throw LedgerError(LedgerError::Kind::Refused, c.number + " is already waiting");
    if (domain::is_closed(c.status)) throw LedgerError(LedgerError::Kind::Refused, c.number + " is closed");
    c.waiting_on_customer = true;
    c.updated_at = now();
    store_.update_complaint(c);
    store_.insert_pause(id, Pause{c.updated_at, std::nullopt, reason});
    audit(actor, id, "complaint.paused", R"({"waiting_on_customer":false})",
          R"({"waiting_on_customer":true})", reason);
  });
  return c;
}

domain::Complaint Ledger::resume(std::int64_t id, const std::string &actor) {
  domain::Complaint c;
  store_.write([&] {
    c = must_get(id);
    if (!c.waiting_on_customer) throw LedgerError(LedgerError::Kind::Refused, c.number + " is not waiting");
    c.waiting_on_customer = false;
    c.updated_at = now();
    store_.update_complaint(c);
    store_.close_pause(id, c.updated_at);
    audit(actor, id, "complaint.resumed", R"({"waiting_on_customer":true})",
          R"({"waiting_on_customer":false})");
  });
  return c;
}

domain::Complaint Ledger::link_recurrence(std::int64_t id, std::int64_t archived_id,
                                          const std::string &actor) {
  domain::Complaint c;
  store_.write([&] {
    c = must_get(id);
    auto old = must_get(archived_id);
    if (old.status != Status::Archived)
      throw LedgerError(LedgerError::Kind::Refused, old.number + " is not archived (" +
                                                        domain::status_name(old.status) +
                                                        "); link recurrences only "
                                                        "to archived cases");
    if (old.product_model != c.product_model)
      throw LedgerError(LedgerError::Kind::Refused, "a recurrence must be on the same product (" +
                                                        c.product_model + " vs " + old.product_model + ")");
    c.recurrence_of = archived_id;
    c.updated_at = now();
    store_.update_complaint(c);
    audit(actor, id, "complaint.recurrence_linked", "", json{{"recurrence_of", old.number}}.dump());
    // The old case's trail reopens: its fix did not hold.
    old.status = Status::Reopened;
    old.closed_at.reset();
    old.updated_at = c.updated_at;
    store_.update_complaint(old);
    audit(actor, archived_id, "complaint.transition", R"({"status":"archived"})", R"({"status":"reopened"})",
          "recurrence: " + c.number);
  });
  return c;
}

domain::Contact Ledger::add_contact(std::int64_t id, domain::Contact contact, const std::string &actor) {
  static const std::vector<std::string> purposes = {"first_response", "update", "feedback", "revisit",
                                                    "other"};
  if (std::find(purposes.begin(), purposes.end(), contact.purpose) == purposes.end())
    throw LedgerError(LedgerError::Kind::Invalid, "purpose: expected one of " + join(purposes, ", "));
  if (contact.summary.empty()) throw LedgerError(LedgerError::Kind::Invalid, "summary: must not be empty");
  store_.write([&] {
    must_get(id);
    contact.complaint_id = id;
    if (contact.at == domain::Timestamp{}) contact.at = now();
    if (contact.actor.empty()) contact.actor = actor;
    contact.id = store_.insert_contact(contact);
    audit(actor, id, "contact.added", "", json(contact).dump());
  });
  return contact;
}

domain::Action Ledger::add_action(std::int64_t id, domain::Action action, const std::string &actor) {
  if (action.description.empty())
    throw LedgerError(LedgerError::Kind::Invalid, "description: must not be empty");
  if (action.owner.empty())
    throw LedgerError(LedgerError::Kind::Invalid, "owner: every action needs an owner");
  store_.write([&] {
    auto c = must_get(id);
    if (domain::is_closed(c.status)) throw LedgerError(LedgerError::Kind::Refused, c.number + " is closed");
    action.complaint_id = id;
    action.status = domain::ActionStatus::Open;
    action.id = store_.insert_action(action);
    audit(actor, id, "action.added", "", json(action).dump());
  });
  return action;
}

domain::Action Ledger::update_action(std::int64_t action_id, const json &changes, const std::string &actor) {
  static const std::vector<std::string> fields = {"description", "owner_department", "owner",
                                                  "due",         "status",           "evidence"};
  for (const auto &[key, value] : changes.items())
    if (std::find(fields.begin(), fields.end(), key) == fields.end())
      throw LedgerError(LedgerError::Kind::Invalid,
                        key + ": not a field that can be changed (editable: " + join(fields, ", ") +
                            "; verify with `action verify`)");
  domain::Action a;
  store_.write([&] {
    auto found = store_.action(action_id);
    if (!found) throw LedgerError(LedgerError::Kind::NotFound, "no action A-" + std::to_string(action_id));
    json before_all = *found, merged = *found;
    for (const auto &[key, value] : changes.items()) merged[key] = value;
    try {
      a = merged.get<domain::Action>();
    } catch (const std::exception &e) {
      throw LedgerError(LedgerError::Kind::Invalid, e.what());
    }
    if (a.status == domain::ActionStatus::Verified)
      throw LedgerError(LedgerError::Kind::Invalid, "status: use `action verify` to record a verification");
    store_.update_action(a);
    json before = json::object(), after = json::object();
    for (const auto &[key, value] : changes.items()) {
      before[key] = before_all[key];
      after[key] = json(a)[key];
    }
    audit(actor, a.complaint_id, "action.updated", before.dump(), after.dump());
  });
  return a;
}

domain::Action Ledger::verify_action(std::int64_t action_id, const std::string &result,
                                     const std::string &actor) {
  if (result.empty())
    throw LedgerError(LedgerError::Kind::Invalid,
                      "result: say what the data showed (pilot run, later lots, ...)");
  domain::Action a;
  store_.write([&] {
    auto found = store_.action(action_id);
    if (!found) throw LedgerError(LedgerError::Kind::NotFound, "no action A-" + std::to_string(action_id));
    a = *found;
    if (a.status != domain::ActionStatus::Done)
      throw LedgerError(LedgerError::Kind::Refused, "A-" + std::to_string(action_id) + " is " +
                                                        domain::action_status_name(a.status) +
                                                        "; only a done action can be verified");
    if (a.owner == actor)
      throw LedgerError(LedgerError::Kind::Refused, "A-" + std::to_string(action_id) +
                                                        " must be verified by someone other than its owner");
    a.status = domain::ActionStatus::Verified;
    a.verification_result = result;
    a.verified_by = actor;
    a.verified_at = now();
    store_.update_action(a);
    audit(actor, a.complaint_id, "action.verified", R"({"status":"done"})", json(a).dump());
  });
  return a;
}

domain::EightD Ledger::set_eight_d(std::int64_t id, const std::string &section, const json &value,
                                   const std::string &actor) {
  if (!domain::is_eight_d_section(section))
    throw LedgerError(LedgerError::Kind::Invalid, "section: expected d0 to d8, got '" + section + "'");
  domain::EightD doc;
  store_.write([&] {
    ComplaintFile f = file(id);
    doc = f.eight_d;
    json before = domain::get_section(doc, section);
    try {
      domain::set_section(doc, section, value);
    } catch (const std::invalid_argument &e) {
      throw LedgerError(LedgerError::Kind::Invalid, e.what());
    }
    if (section == "d8" && doc.d8.closed_at) {
      f.eight_d = doc;
      auto missing = missing_for_d8_closure(f);
      if (!missing.empty())
        throw LedgerError(LedgerError::Kind::Refused,
                          "cannot close the 8D of " + f.complaint.number + ": " + join(missing, "; "));
    }
    store_.save_eight_d(id, doc);
    audit(actor, id, "8d." + section, before.dump(), domain::get_section(doc, section).dump());
  });
  return doc;
}

domain::Revisit Ledger::record_revisit(std::int64_t id, domain::Revisit revisit, const std::string &actor) {
  auto problems = domain::validate_revisit(revisit);
  if (!problems.empty()) throw LedgerError(LedgerError::Kind::Invalid, join(problems, "; "));
  store_.write([&] {
    auto c = must_get(id);
    if (c.status != Status::Revisiting && c.status != Status::FeedingBack)
      throw LedgerError(LedgerError::Kind::Refused, c.number + " is " + domain::status_name(c.status) +
                                                        "; revisits are recorded once feedback is given");
    revisit.complaint_id = id;
    if (revisit.at == domain::Timestamp{}) revisit.at = now();
    revisit.actor = actor;
    revisit.id = store_.insert_revisit(revisit);
    audit(actor, id, revisit.waived ? "revisit.waived" : "revisit.recorded", "", json(revisit).dump(),
          revisit.waiver_reason);
  });
  return revisit;
}

std::int64_t Ledger::attach_analysis(std::int64_t id, store::AnalysisRecord record,
                                     const std::string &actor) {
  store_.write([&] {
    must_get(id);
    record.complaint_id = id;
    record.at = now();
    record.id = store_.insert_analysis(record);
    audit(actor, id, "analysis.attached", "",
          json{{"analysis_id", record.id}, {"method", record.method}, {"section", record.section}}.dump());
  });
  return record.id;
}

std::int64_t Ledger::import_file(ComplaintFile &f, const std::string &actor) {
  auto &c = f.complaint;
  auto problems = domain::validate_new_complaint(c);
  if (!problems.empty()) throw LedgerError(LedgerError::Kind::Invalid, join(problems, "; "));
  // A closed or advanced state must be one the guards would have let it reach.
  if (c.status != Status::Received) {
    auto missing = missing_for(f, c.status, "imported");
    if (!missing.empty())
      throw LedgerError(LedgerError::Kind::Invalid, std::string("status ") + domain::status_name(c.status) +
                                                        " not reachable: " + join(missing, "; "));
  }
  std::int64_t id = 0;
  store_.write([&] {
    if (!c.source_key.empty())
      if (auto existing = store_.complaint_id_by_source_key(c.source_key)) {
        id = *existing;
        return;
      }
    const int year = static_cast<int>(date::year_month_day{date::floor<date::days>(c.received_at)}.year());
    c.number = store_.next_number(year);
    c.id = id = store_.insert_complaint(c);
    auto event = [&](domain::Timestamp at, const std::string &kind, const std::string &after) {
      domain::AuditEvent e;
      e.at = at;
      e.actor = actor;
      e.complaint_id = id;
      e.kind = kind;
      e.after = after;
      e.reason = "imported";
      store_.append_event(e);
    };
    event(c.created_at, "complaint.created", json(c).dump());
    for (auto &contact : f.contacts) {
      contact.complaint_id = id;
      contact.id = store_.insert_contact(contact);
      event(contact.at, "contact.added", json(contact).dump());
    }
    for (auto &action : f.actions) {
      action.complaint_id = id;
      action.id = store_.insert_action(action);
      event(action.verified_at.value_or(c.created_at), "action.added", json(action).dump());
    }
    for (auto &r : f.revisits) {
      r.complaint_id = id;
      r.id = store_.insert_revisit(r);
      event(r.at, r.waived ? "revisit.waived" : "revisit.recorded", json(r).dump());
    }
    for (const auto &p : f.pauses) store_.insert_pause(id, p);
    if (!f.eight_d.d4.empty() || !f.eight_d.d2.what.empty()) {
      store_.save_eight_d(id, f.eight_d);
      event(c.updated_at, "8d.imported", json(f.eight_d).dump());
    }
  });
  return id;
}

std::vector<AuditProblem> Ledger::verify_audit() {
  std::vector<AuditProblem> problems;
  store_.read([&] {
    std::string prev = domain::kGenesisHash;
    std::int64_t expected = 1;
    store_.for_each_event([&](const domain::AuditEvent &e) {
      if (!problems.empty()) return;
      if (e.seq != expected)
        problems.push_back({e.seq, "sequence gap: expected event " + std::to_string(expected)});
      else if (e.prev_hash != prev)
        problems.push_back({e.seq, "previous-hash link broken (an event before it was changed or removed)"});
      else if (domain::audit_hash(e) != e.hash)
        problems.push_back({e.seq, "content does not match its hash (the event was changed)"});
      prev = e.hash;
      ++expected;
    });
  });
  return problems;
}

} // namespace qloop::workflow
