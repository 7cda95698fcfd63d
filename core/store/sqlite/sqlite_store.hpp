// The embedded default store: one SQLite file under the data dir, WAL mode,
// foreign keys on, every write in a BEGIN IMMEDIATE transaction so writers in
// several processes queue instead of losing or corrupting anything.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/store/store.hpp"

namespace qloop::store::sqlite {

class SqliteStore : public Store {
public:
  // Opens (creating when absent) the database file and applies pending
  // migrations when `migrate_now`.
  explicit SqliteStore(const std::filesystem::path &file, bool migrate_now = true);
  ~SqliteStore() override;

  void write(const std::function<void()> &fn) override;
  void read(const std::function<void()> &fn) override;
  int schema_version() override;
  int migrate() override;

  std::string next_number(int year) override;
  std::int64_t insert_complaint(const domain::Complaint &c) override;
  void update_complaint(const domain::Complaint &c) override;
  std::optional<domain::Complaint> complaint(std::int64_t id) override;
  std::optional<domain::Complaint> complaint_by_number(const std::string &number) override;
  std::optional<std::int64_t> complaint_id_by_source_key(const std::string &source_key) override;
  std::vector<domain::Complaint> complaints(const ComplaintFilter &f) override;
  std::int64_t count_complaints(const ComplaintFilter &f) override;

  std::int64_t insert_contact(const domain::Contact &c) override;
  std::optional<std::int64_t> contact_id_by_source_key(const std::string &source_key) override;
  void link_thread_message(const std::string &message_id, std::int64_t complaint_id) override;
  std::optional<std::int64_t> complaint_id_by_thread_message(const std::string &message_id) override;
  std::vector<domain::Contact> contacts(std::int64_t complaint_id) override;
  std::int64_t insert_action(const domain::Action &a) override;
  void update_action(const domain::Action &a) override;
  std::optional<domain::Action> action(std::int64_t id) override;
  std::vector<domain::Action> actions(std::int64_t complaint_id) override;
  std::int64_t insert_revisit(const domain::Revisit &r) override;
  std::vector<domain::Revisit> revisits(std::int64_t complaint_id) override;
  void insert_pause(std::int64_t complaint_id, const workflow::Pause &p) override;
  void close_pause(std::int64_t complaint_id, domain::Timestamp to) override;
  std::vector<workflow::Pause> pauses(std::int64_t complaint_id) override;
  domain::EightD eight_d(std::int64_t complaint_id) override;
  void save_eight_d(std::int64_t complaint_id, const domain::EightD &doc) override;
  std::int64_t insert_analysis(const AnalysisRecord &a) override;
  std::vector<AnalysisRecord> analyses(std::int64_t complaint_id) override;

  std::vector<domain::Complaint> duplicate_candidates(const std::string &customer,
                                                      const std::string &order_number,
                                                      const std::string &product_model,
                                                      domain::Timestamp from, domain::Timestamp to,
                                                      std::size_t limit) override;
  std::int64_t insert_link(const domain::ComplaintLink &link) override; // sqlite_links.cpp
  std::vector<domain::ComplaintLink> links(std::int64_t complaint_id, bool active_only) override;
  void close_link(std::int64_t link_id, domain::Timestamp at, const std::string &by) override;
  void move_contact(std::int64_t contact_id, std::int64_t to_complaint_id) override;
  void delete_contact(std::int64_t contact_id) override;
  std::vector<std::string> thread_messages(std::int64_t complaint_id) override;
  void move_thread_message(const std::string &message_id, std::int64_t to_complaint_id) override;

  void put_classification(const domain::Classification &c) override; // sqlite_classifications.cpp
  std::optional<domain::Classification> classification(std::int64_t complaint_id) override;
  std::vector<domain::Classification> triage_queue(std::size_t limit) override;
  std::int64_t open_complaints_of(const std::string &owner) override;

  std::int64_t put_quarantine(const QuarantineItem &q) override; // sqlite_quarantine.cpp
  std::optional<QuarantineItem> quarantine_item(std::int64_t id) override;
  std::vector<QuarantineItem> quarantine_items(const QuarantineFilter &f) override;
  void settle_quarantine(std::int64_t id, const std::string &state, std::optional<std::int64_t> complaint_id,
                         const std::string &note) override;

  std::vector<domain::ComplaintFacts> complaint_facts(domain::Timestamp from, domain::Timestamp to) override;
  std::vector<domain::RevisitFact> revisit_facts(domain::Timestamp from,
                                                 domain::Timestamp to) override; // sqlite_kpi.cpp

  void append_event(domain::AuditEvent &e) override;
  std::vector<domain::AuditEvent> events(const AuditFilter &f) override;
  void for_each_event(const std::function<void(const domain::AuditEvent &)> &fn) override;

  SQLite::Database &database() { return db_; }

private:
  // A prepared statement, compiled once per connection and reset for reuse.
  SQLite::Statement &prepared(const char *sql);
  // Ends every cached statement's read, so the WAL can be checkpointed.
  void reset_statements() noexcept;
  std::vector<domain::Complaint> query_complaints(const ComplaintFilter &f, bool count_only,
                                                  std::int64_t *count);

  SQLite::Database db_;
  std::map<const char *, std::unique_ptr<SQLite::Statement>> statements_;
  int depth_ = 0;                                                  // nesting of write()/read()
  std::optional<std::pair<std::int64_t, std::string>> last_event_; // cached chain head in this transaction
};

} // namespace qloop::store::sqlite
