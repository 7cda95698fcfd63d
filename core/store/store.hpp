// The ledger's storage, as an interface: SQLite today (store/sqlite), a
// PostgreSQL store later, with no change to domain or workflow code. Every
// method runs inside the current transaction of write()/read().
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/action.hpp"
#include "core/domain/audit_event.hpp"
#include "core/domain/classification.hpp"
#include "core/domain/complaint.hpp"
#include "core/domain/complaint_link.hpp"
#include "core/domain/contact.hpp"
#include "core/domain/eight_d.hpp"
#include "core/domain/kpi.hpp"
#include "core/domain/revisit.hpp"
#include "core/workflow/sla_clock.hpp"

namespace qloop::store {

struct ComplaintFilter {
  std::optional<domain::Status> status;
  bool open_only = false; // not archived, rejected or duplicate
  std::optional<domain::Severity> severity;
  std::string customer, product_model, category, channel;
  std::optional<domain::Timestamp> received_from, received_to;
  std::size_t limit = 100;
  std::size_t offset = 0;
};

struct AuditFilter {
  std::optional<std::int64_t> complaint_id;
  std::int64_t after_seq = 0;
  std::size_t limit = 0;       // 0: all
  bool include_merged = false; // with complaint_id: also the trails of complaints linked into it
};

struct AnalysisRecord {
  std::int64_t id = 0;
  std::int64_t complaint_id = 0;
  std::string method, plugin, section; // section: d4, d6 or d7
  std::string request, result;         // JSON text
  domain::Timestamp at{};
};

// An intake item that could not become a complaint, kept with its raw input.
struct QuarantineItem {
  std::int64_t id = 0;
  std::string plugin, source_key;
  std::string raw; // bytes as the channel had them
  std::string reason;
  domain::Timestamp first_at{}, last_at{};
  std::int64_t attempts = 1;
  std::string state = "held"; // held, released, dismissed
  std::optional<std::int64_t> complaint_id;
  std::string note;
};

struct QuarantineFilter {
  std::string plugin;
  bool held_only = true;
  std::size_t limit = 100;
};

// Thrown by stores for constraint violations the caller can act on (a
// duplicate source key, a missing complaint).
class StoreError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class Store {
public:
  virtual ~Store() = default;

  // Runs fn in one write transaction, serialised with every other writer,
  // in this process or another; commits, or rolls back if fn throws.
  virtual void write(const std::function<void()> &fn) = 0;
  // Runs fn with a consistent snapshot.
  virtual void read(const std::function<void()> &fn) = 0;

  virtual int schema_version() = 0;
  virtual int migrate() = 0; // applies what is missing; returns how many

  // Complaints.
  virtual std::string next_number(int year) = 0; // "QC-2026-00042"
  virtual std::int64_t insert_complaint(const domain::Complaint &c) = 0;
  virtual void update_complaint(const domain::Complaint &c) = 0;
  virtual std::optional<domain::Complaint> complaint(std::int64_t id) = 0;
  virtual std::optional<domain::Complaint> complaint_by_number(const std::string &number) = 0;
  virtual std::optional<std::int64_t> complaint_id_by_source_key(const std::string &source_key) = 0;
  virtual std::vector<domain::Complaint> complaints(const ComplaintFilter &f) = 0;
  virtual std::int64_t count_complaints(const ComplaintFilter &f) = 0;

  // The rest of a complaint's file.
  virtual std::int64_t insert_contact(const domain::Contact &c) = 0;
  virtual std::optional<std::int64_t> contact_id_by_source_key(const std::string &source_key) = 0;
  // Conversations: which complaint a message id belongs to (first link wins).
  virtual void link_thread_message(const std::string &message_id, std::int64_t complaint_id) = 0;
  virtual std::optional<std::int64_t> complaint_id_by_thread_message(const std::string &message_id) = 0;
  virtual std::vector<domain::Contact> contacts(std::int64_t complaint_id) = 0;
  virtual std::int64_t insert_action(const domain::Action &a) = 0;
  virtual void update_action(const domain::Action &a) = 0;
  virtual std::optional<domain::Action> action(std::int64_t id) = 0;
  virtual std::vector<domain::Action> actions(std::int64_t complaint_id) = 0;
  virtual std::int64_t insert_revisit(const domain::Revisit &r) = 0;
  virtual std::vector<domain::Revisit> revisits(std::int64_t complaint_id) = 0;
  virtual void insert_pause(std::int64_t complaint_id, const workflow::Pause &p) = 0;
  virtual void close_pause(std::int64_t complaint_id, domain::Timestamp to) = 0;
  virtual std::vector<workflow::Pause> pauses(std::int64_t complaint_id) = 0;
  virtual domain::EightD eight_d(std::int64_t complaint_id) = 0;
  virtual void save_eight_d(std::int64_t complaint_id, const domain::EightD &doc) = 0;
  virtual std::int64_t insert_analysis(const AnalysisRecord &a) = 0;
  virtual std::vector<AnalysisRecord> analyses(std::int64_t complaint_id) = 0;

  // Probable-duplicate candidates: one customer's complaints received in
  // [from, to] on the same order (when order_number is not empty) or the
  // same product, open (not archived, rejected or a duplicate), earliest
  // first, at most `limit` of each kind.
  virtual std::vector<domain::Complaint> duplicate_candidates(const std::string &customer,
                                                              const std::string &order_number,
                                                              const std::string &product_model,
                                                              domain::Timestamp from, domain::Timestamp to,
                                                              std::size_t limit) = 0;
  // Links that folded a complaint into another (sqlite_links.cpp).
  virtual std::int64_t insert_link(const domain::ComplaintLink &link) = 0;
  virtual std::vector<domain::ComplaintLink> links(std::int64_t complaint_id, bool active_only) = 0;
  virtual void close_link(std::int64_t link_id, domain::Timestamp at, const std::string &by) = 0;
  virtual void move_contact(std::int64_t contact_id, std::int64_t to_complaint_id) = 0;
  virtual void delete_contact(std::int64_t contact_id) = 0;
  virtual std::vector<std::string> thread_messages(std::int64_t complaint_id) = 0;
  virtual void move_thread_message(const std::string &message_id, std::int64_t to_complaint_id) = 0;

  // Classification at intake and the triage queue (sqlite_classifications.cpp).
  virtual void put_classification(const domain::Classification &c) = 0; // insert or replace
  virtual std::optional<domain::Classification> classification(std::int64_t complaint_id) = 0;
  virtual std::vector<domain::Classification> triage_queue(std::size_t limit) = 0; // oldest first
  // Routing: how many open complaints an owner has.
  virtual std::int64_t open_complaints_of(const std::string &owner) = 0;

  // Intake quarantine. Putting the same (plugin, source key) again updates
  // the raw input and reason, counts the attempt and holds it again.
  virtual std::int64_t put_quarantine(const QuarantineItem &q) = 0;
  virtual std::optional<QuarantineItem> quarantine_item(std::int64_t id) = 0;
  virtual std::vector<QuarantineItem> quarantine_items(const QuarantineFilter &f) = 0;
  virtual void settle_quarantine(std::int64_t id, const std::string &state,
                                 std::optional<std::int64_t> complaint_id, const std::string &note) = 0;

  // KPI facts (read in one query each): every complaint received or closed
  // in [from, to), and every revisit recorded in it (waived ones included).
  virtual std::vector<domain::ComplaintFacts> complaint_facts(domain::Timestamp from,
                                                              domain::Timestamp to) = 0;
  virtual std::vector<domain::RevisitFact> revisit_facts(domain::Timestamp from, domain::Timestamp to) = 0;

  // Audit trail: append fills seq, prev_hash and hash.
  virtual void append_event(domain::AuditEvent &e) = 0;
  virtual std::vector<domain::AuditEvent> events(const AuditFilter &f) = 0;
  // Streams every event in seq order (verification of large trails).
  virtual void for_each_event(const std::function<void(const domain::AuditEvent &)> &fn) = 0;
};

} // namespace qloop::store
