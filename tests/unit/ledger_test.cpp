// The ledger and the closed loop over a real SQLite file: guards a CQE would
// expect, exactly-once receipt, the audit trail and its tamper detection.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "core/store/sqlite/migrations.hpp"
#include "core/store/sqlite/sqlite_store.hpp"
#include "core/workflow/ledger.hpp"
#include "core/workflow/sla_watch.hpp"
#include "core/workflow/state_machine.hpp"
#include "test_support.hpp"

using namespace qloop;
using domain::Status;
using workflow::LedgerError;

namespace {

domain::Timestamp at(const char *iso) { return *domain::parse_iso(iso); }

class LedgerTest : public ::testing::Test {
protected:
  qloop::testing::TempDir dir;
  std::unique_ptr<store::sqlite::SqliteStore> store =
      std::make_unique<store::sqlite::SqliteStore>(dir.path() / "qloop.db");
  domain::Timestamp clock = at("2026-03-02T09:00:00Z");
  workflow::Ledger ledger{*store, [this] { return clock; }};

  domain::Complaint sample(const char *severity = "major") {
    domain::Complaint c;
    c.customer = "华东汽车电子有限公司";
    c.received_at = at("2026-03-02T08:40:00+08:00");
    c.channel = "phone";
    c.product_model = "PCBA-X100";
    c.lot = "L2026-4001";
    c.quantity_affected = 18;
    c.phenomenon = "焊点虚焊,上电后间歇性失效";
    c.severity = *domain::parse_severity(severity);
    return c;
  }

  std::string refusal(const std::function<void()> &fn) {
    try {
      fn();
    } catch (const LedgerError &e) {
      return e.what();
    }
    return "(no refusal)";
  }

  // Walks a complaint to `revisiting` doing what each guard asks.
  std::int64_t walk_to_revisiting(domain::Severity severity) {
    auto c = sample();
    c.severity = severity;
    auto id = ledger.receive(c, "cqe").complaint.id;
    domain::Contact first;
    first.purpose = "first_response";
    first.summary = "we are on it";
    ledger.add_contact(id, first, "cqe");
    ledger.transition(id, Status::Acknowledged, "cqe", "");
    ledger.transition(id, Status::Containing, "cqe", "");
    ledger.set_eight_d(
        id, "d3",
        R"([{"description":"sort lot L2026-4001","lots":["L2026-4001"],"quantity_sorted":2000,"found_bad":18,"shipments_stopped":true}])"_json,
        "cqe");
    ledger.transition(id, Status::Investigating, "cqe", "");
    ledger.set_eight_d(
        id, "d4",
        R"([{"kind":"occurrence","description":"reflow profile drifted","evidence":"DOE run 12"},{"kind":"escape","description":"ICT did not cover the joint","evidence":"coverage report"}])"_json,
        "cqe");
    domain::Action a;
    a.type = domain::ActionType::Permanent;
    a.description = "lock the reflow profile";
    a.owner = "engineer";
    auto action = ledger.add_action(id, a, "cqe");
    ledger.transition(id, Status::Correcting, "cqe", "");
    ledger.update_action(action.id, {{"status", "done"}, {"evidence", "profile locked"}}, "engineer");
    ledger.transition(id, Status::Verifying, "cqe", "");
    ledger.verify_action(action.id, "3 lots, 0 defects", "qa-manager");
    ledger.transition(id, Status::FeedingBack, "cqe", "");
    domain::Contact feedback;
    feedback.purpose = "feedback";
    feedback.summary = "8D sent";
    ledger.add_contact(id, feedback, "cqe");
    ledger.transition(id, Status::Revisiting, "cqe", "");
    return id;
  }
};

} // namespace

TEST_F(LedgerTest, ReceiveNumbersByYearAndIsExactlyOncePerSourceKey) {
  auto c = sample();
  c.source_key = "email:<abc@example.com>";
  auto first = ledger.receive(c, "intake");
  EXPECT_TRUE(first.created);
  EXPECT_EQ(first.complaint.number, "QC-2026-00001");
  EXPECT_EQ(first.complaint.status, Status::Received);
  auto again = ledger.receive(c, "intake");
  EXPECT_FALSE(again.created);
  EXPECT_EQ(again.complaint.id, first.complaint.id);
  c.source_key.clear();
  EXPECT_EQ(ledger.receive(c, "intake").complaint.number, "QC-2026-00002");
  c.received_at = at("2025-12-31T23:00:00Z");
  EXPECT_EQ(ledger.receive(c, "intake").complaint.number, "QC-2025-00001");
}

TEST_F(LedgerTest, ReceiveRejectsAnIncompleteRecordNamingTheFields) {
  auto c = sample();
  c.customer.clear();
  c.phenomenon.clear();
  EXPECT_EQ(refusal([&] { ledger.receive(c, "x"); }),
            "customer: must not be empty; phenomenon: must not be empty");
}

TEST_F(LedgerTest, IllegalTransitionsSayWhereTheComplaintCanGo) {
  auto id = ledger.receive(sample(), "cqe").complaint.id;
  EXPECT_EQ(
      refusal([&] { ledger.transition(id, Status::Archived, "cqe", ""); }),
      "cannot move QC-2026-00001 from received to archived: allowed next states are acknowledged, rejected, "
      "duplicate");
}

TEST_F(LedgerTest, AcknowledgeNeedsAFirstResponseContact) {
  auto id = ledger.receive(sample(), "cqe").complaint.id;
  EXPECT_NE(refusal([&] {
              ledger.transition(id, Status::Acknowledged, "cqe", "");
            }).find("no outbound customer contact recorded"),
            std::string::npos);
  domain::Contact k;
  k.purpose = "first_response";
  k.summary = "called back";
  ledger.add_contact(id, k, "cqe");
  EXPECT_EQ(ledger.transition(id, Status::Acknowledged, "cqe", "").status, Status::Acknowledged);
}

TEST_F(LedgerTest, ContainmentCanStartBeforeAnyRootCauseIsKnown) {
  auto id = ledger.receive(sample(), "cqe").complaint.id;
  domain::Contact k;
  k.purpose = "first_response";
  k.summary = "ok";
  ledger.add_contact(id, k, "cqe");
  ledger.transition(id, Status::Acknowledged, "cqe", "");
  EXPECT_EQ(ledger.transition(id, Status::Containing, "cqe", "").status, Status::Containing);
  EXPECT_NE(
      refusal([&] { ledger.transition(id, Status::Investigating, "cqe", ""); }).find("no containment action"),
      std::string::npos);
  ledger.set_eight_d(id, "d3", R"([{"description":"stop shipping X100","shipments_stopped":true}])"_json,
                     "cqe");
  EXPECT_EQ(ledger.transition(id, Status::Investigating, "cqe", "").status, Status::Investigating);
  EXPECT_NE(
      refusal([&] { ledger.transition(id, Status::Correcting, "cqe", ""); }).find("no occurrence cause"),
      std::string::npos);
}

TEST_F(LedgerTest, ArchiveOfAMajorComplaintNeedsBothCausesVerifiedActionsRevisitAndD8) {
  auto id = walk_to_revisiting(domain::Severity::Major);
  auto why = refusal([&] { ledger.transition(id, Status::Archived, "cqe", ""); });
  EXPECT_NE(why.find("8D not closed (D8)"), std::string::npos) << why;
  EXPECT_NE(why.find("no revisit recorded or waived with a reason"), std::string::npos) << why;
  ledger.set_eight_d(
      id, "d8", R"({"closed_at":"2026-03-05T10:00:00Z","closed_by":"cqe","summary":"done"})"_json, "cqe");
  domain::Revisit waived;
  waived.waived = true;
  EXPECT_EQ(refusal([&] { ledger.record_revisit(id, waived, "cqe"); }),
            "waiver_reason: a waived revisit needs a reason");
  waived.waiver_reason = "customer unreachable";
  ledger.record_revisit(id, waived, "cqe");
  auto c = ledger.transition(id, Status::Archived, "cqe", "");
  EXPECT_EQ(c.status, Status::Archived);
  EXPECT_TRUE(c.closed_at.has_value());
}

TEST_F(LedgerTest, ArchiveWithoutTheEscapeCauseIsRefusedForMajorButNotMinor) {
  for (auto severity : {domain::Severity::Major, domain::Severity::Minor}) {
    auto id = walk_to_revisiting(severity);
    ledger.set_eight_d(id, "d4", R"([{"kind":"occurrence","description":"drift"}])"_json, "cqe");
    ledger.set_eight_d(id, "d8", R"({"closed_at":"2026-03-05T10:00:00Z"})"_json, "cqe");
    domain::Revisit r;
    r.satisfaction = 5;
    ledger.record_revisit(id, r, "cqe");
    auto why = refusal([&] { ledger.transition(id, Status::Archived, "cqe", ""); });
    if (severity == domain::Severity::Major)
      EXPECT_NE(why.find("no escape cause"), std::string::npos) << why;
    else
      EXPECT_EQ(why, "(no refusal)");
  }
}

TEST_F(LedgerTest, NoD8WithOpenActionsAndNoSelfVerification) {
  auto id = ledger.receive(sample(), "cqe").complaint.id;
  domain::Action a;
  a.description = "retrain operators";
  a.owner = "line-lead";
  auto action = ledger.add_action(id, a, "cqe");
  EXPECT_NE(refusal([&] {
              ledger.set_eight_d(id, "d8", R"({"closed_at":"2026-03-05T10:00:00Z"})"_json, "cqe");
            }).find("1 open action(s): A-" + std::to_string(action.id)),
            std::string::npos);
  EXPECT_NE(refusal([&] {
              ledger.verify_action(action.id, "ok", "cqe");
            }).find("only a done action can be verified"),
            std::string::npos);
  ledger.update_action(action.id, {{"status", "done"}}, "line-lead");
  EXPECT_NE(refusal([&] {
              ledger.verify_action(action.id, "ok", "line-lead");
            }).find("someone other than its owner"),
            std::string::npos);
  EXPECT_EQ(ledger.verify_action(action.id, "audit passed", "qa").status, domain::ActionStatus::Verified);
}

TEST_F(LedgerTest, EightDSectionsAreStructuredAndValidated) {
  auto id = ledger.receive(sample(), "cqe").complaint.id;
  EXPECT_NE(refusal([&] {
              ledger.set_eight_d(id, "d4", R"([{"kind":"guess","description":"x"}])"_json, "cqe");
            }).find("d4: kind: expected 'occurrence' or 'escape'"),
            std::string::npos);
  EXPECT_NE(refusal([&] { ledger.set_eight_d(id, "d9", "{}"_json, "cqe"); }).find("expected d0 to d8"),
            std::string::npos);
  ledger.set_eight_d(id, "d2", R"({"what":"虚焊","how_many":"18 pcs"})"_json, "cqe");
  ledger.set_eight_d(
      id, "d7",
      R"({"fmea_updated":true,"horizontal_deployment":[{"target":"PCBA-X200","status":"planned"}]})"_json,
      "cqe");
  auto f = ledger.file(id);
  EXPECT_EQ(f.eight_d.d2.what, "虚焊");
  ASSERT_EQ(f.eight_d.d7.horizontal_deployment.size(), 1u);
  EXPECT_EQ(f.eight_d.d7.horizontal_deployment[0].target, "PCBA-X200");
}

TEST_F(LedgerTest, WaitingOnTheCustomerRecordsPauses) {
  auto id = ledger.receive(sample(), "cqe").complaint.id;
  ledger.wait_on_customer(id, "samples requested", "cqe");
  EXPECT_THROW(ledger.wait_on_customer(id, "again", "cqe"), LedgerError);
  clock += std::chrono::hours(5);
  ledger.resume(id, "cqe");
  auto pauses = ledger.file(id).pauses;
  ASSERT_EQ(pauses.size(), 1u);
  EXPECT_EQ(pauses[0].reason, "samples requested");
  ASSERT_TRUE(pauses[0].to.has_value());
  EXPECT_EQ(*pauses[0].to - pauses[0].from, std::chrono::hours(5));
}

TEST_F(LedgerTest, ARecurrenceLinkReopensTheArchivedCase) {
  auto old_id = walk_to_revisiting(domain::Severity::Minor);
  domain::Revisit r;
  r.satisfaction = 4;
  ledger.record_revisit(old_id, r, "cqe");
  ledger.transition(old_id, Status::Archived, "cqe", "");
  auto fresh = ledger.receive(sample(), "cqe").complaint.id;
  auto other = sample();
  other.product_model = "PSU-450W";
  auto unrelated = ledger.receive(other, "cqe").complaint.id;
  EXPECT_NE(refusal([&] { ledger.link_recurrence(unrelated, old_id, "cqe"); }).find("same product"),
            std::string::npos);
  auto linked = ledger.link_recurrence(fresh, old_id, "cqe");
  EXPECT_EQ(linked.recurrence_of, old_id);
  EXPECT_EQ(ledger.file(old_id).complaint.status, Status::Reopened);
}

TEST_F(LedgerTest, EveryChangeIsAnAuditEventWithActorBeforeAndAfter) {
  auto id = ledger.receive(sample(), "alice").complaint.id;
  ledger.update(id, {{"lot", "L2026-4002"}, {"quantity_affected", 20}}, "bob", "customer corrected the lot");
  auto events = store->events({.complaint_id = id});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, "complaint.created");
  EXPECT_EQ(events[0].actor, "alice");
  EXPECT_EQ(events[1].kind, "complaint.updated");
  EXPECT_EQ(events[1].actor, "bob");
  EXPECT_EQ(events[1].before, R"({"lot":"L2026-4001","quantity_affected":18})");
  EXPECT_EQ(events[1].after, R"({"lot":"L2026-4002","quantity_affected":20})");
  EXPECT_EQ(events[1].reason, "customer corrected the lot");
  EXPECT_EQ(events[1].prev_hash, events[0].hash);
  EXPECT_TRUE(ledger.verify_audit().empty());
}

TEST_F(LedgerTest, EscalationsAreRaisedOncePerLevelAsTheTargetRunsOut) {
  // Critical: first response within 30 calendar minutes; levels at 50% (owner),
  // 80% (manager) and 100% (head of quality) of it.
  const auto policy = workflow::SlaPolicy::defaults();
  auto c = sample("critical");
  c.received_at = at("2026-03-02T09:00:00Z");
  auto id = ledger.receive(c, "cqe").complaint.id;
  auto raise = [&](const char *when) {
    std::vector<std::string> got;
    for (const auto &e : workflow::raise_escalations(ledger, policy, at(when), "sla-watch"))
      got.push_back(std::string(workflow::sla_target_name(e.target)) + ">" + e.role);
    return got;
  };
  EXPECT_TRUE(raise("2026-03-02T09:14:00Z").empty()); // 47%
  EXPECT_EQ(raise("2026-03-02T09:16:00Z"), std::vector<std::string>{"first_response>owner"});
  EXPECT_TRUE(raise("2026-03-02T09:17:00Z").empty()); // already raised
  // Run late: both levels reached since are raised at once.
  EXPECT_EQ(raise("2026-03-02T09:31:00Z"),
            (std::vector<std::string>{"first_response>manager", "first_response>head_of_quality"}));
  EXPECT_TRUE(raise("2026-03-02T09:40:00Z").empty());

  // Each is an audit event to the role, in the verified chain.
  store::AuditFilter f;
  f.complaint_id = id;
  std::vector<domain::AuditEvent> events;
  store->read([&] { events = store->events(f); });
  int escalations = 0;
  for (const auto &e : events)
    if (e.kind == workflow::kEscalationEvent) {
      ++escalations;
      EXPECT_EQ(e.actor, "sla-watch");
      EXPECT_NE(e.after.find("\"target\":\"first_response\""), std::string::npos) << e.after;
    }
  EXPECT_EQ(escalations, 3);
  EXPECT_TRUE(ledger.verify_audit().empty());

  // A late first response is listed as breached, met at its time, and ends
  // the escalation of that target.
  domain::Contact answer;
  answer.purpose = "first_response";
  answer.summary = "calling back";
  answer.at = at("2026-03-02T09:45:00Z");
  ledger.add_contact(id, answer, "cqe");
  bool listed = false;
  for (const auto &item : workflow::open_sla_items(ledger, policy, at("2026-03-02T10:00:00Z")))
    if (item.state.target == workflow::SlaTarget::FirstResponse) {
      listed = true;
      EXPECT_TRUE(item.state.breached);
      EXPECT_EQ(item.met_at, answer.at);
    }
  EXPECT_TRUE(listed);
  EXPECT_TRUE(raise("2026-03-02T10:00:00Z").empty());
}

TEST_F(LedgerTest, TamperingWithTheTrailIsDetectedAtTheFirstBrokenEvent) {
  for (int i = 0; i < 5; ++i) ledger.receive(sample(), "cqe");
  ASSERT_TRUE(ledger.verify_audit().empty());
  auto &db = store->database();
  // The triggers refuse edits through SQL...
  EXPECT_THROW(db.exec("UPDATE audit_events SET actor = 'mallory' WHERE seq = 3"), SQLite::Exception);
  // ...so a tamperer drops them first. The chain still names event 3.
  db.exec("DROP TRIGGER audit_no_update");
  db.exec("UPDATE audit_events SET actor = 'mallory' WHERE seq = 3");
  auto problems = ledger.verify_audit();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].seq, 3);
  EXPECT_NE(problems[0].problem.find("content does not match its hash"), std::string::npos);

  // Recomputing event 3's hash to match only moves the break to event 4.
  db.exec("UPDATE audit_events SET actor = 'cqe' WHERE seq = 3");
  ASSERT_TRUE(ledger.verify_audit().empty());
  db.exec("DROP TRIGGER audit_no_delete");
  db.exec("DELETE FROM audit_events WHERE seq = 2");
  problems = ledger.verify_audit();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].seq, 3);
  EXPECT_NE(problems[0].problem.find("sequence gap"), std::string::npos);
}

TEST_F(LedgerTest, ImportChecksTheStateAgainstTheGuards) {
  workflow::ComplaintFile f;
  f.complaint = sample();
  f.complaint.status = Status::Archived;
  EXPECT_NE(refusal([&] { ledger.import_file(f, "migration"); }).find("status archived not reachable"),
            std::string::npos);
  f.complaint.status = Status::Received;
  f.complaint.source_key = "erp:7";
  auto id = ledger.import_file(f, "migration");
  EXPECT_EQ(ledger.import_file(f, "migration"), id); // same source key: nothing twice
}

TEST_F(LedgerTest, SchemaMigrationsAreVersionedAndIdempotent) {
  const int latest = store::sqlite::migrations().back().version;
  EXPECT_GE(latest, 2);
  EXPECT_EQ(store->schema_version(), latest);
  EXPECT_EQ(store->migrate(), 0);
  store.reset();
  store::sqlite::SqliteStore reopened(dir.path() / "qloop.db");
  EXPECT_EQ(reopened.schema_version(), latest);
}

TEST_F(LedgerTest, AVersionOneLedgerWithDataUpgradesInPlace) {
  // A ledger as the first release wrote it: only migration 1 applied.
  const auto old_file = dir.path() / "v1.db";
  {
    SQLite::Database db(old_file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at "
            "INTEGER)");
    db.exec(store::sqlite::migrations().front().sql);
    db.exec("INSERT INTO schema_migrations VALUES (1, '0001_ledger', 0)");
    db.exec(
        "INSERT INTO complaints (number, source_key, customer, received_at, channel, phenomenon, severity, "
        "status, created_at, updated_at) VALUES ('QC-2025-00001', 'erp:1', 'ACME', 1700000000, 'phone', "
        "'cracked', 'minor', 'received', 1700000000, 1700000000)");
  }
  store::sqlite::SqliteStore upgraded(old_file);
  EXPECT_EQ(upgraded.schema_version(), store::sqlite::migrations().back().version);
  auto c = upgraded.complaint_by_number("QC-2025-00001");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->customer, "ACME");
  EXPECT_TRUE(c->extra.is_object() && c->extra.empty());
  EXPECT_TRUE(upgraded.quarantine_items({}).empty());
}

TEST_F(LedgerTest, NoStatementKeepsAReadOpenAfterItsTransactionSoTheWalCanBeCheckpointed) {
  // receive() runs cached SELECTs (source key, numbering) that return a row
  // and are not stepped to the end; left so, they pinned a snapshot and the
  // WAL grew without bound. Every transaction now ends them.
  for (int i = 0; i < 20; ++i) {
    auto c = sample();
    c.source_key = "wal-test:" + std::to_string(i);
    const auto number = ledger.receive(c, "cqe").complaint.number;
    EXPECT_EQ(ledger.find(number).source_key, c.source_key); // a read between the writes
  }
  SQLite::Statement checkpoint(store->database(), "PRAGMA wal_checkpoint(TRUNCATE)");
  ASSERT_TRUE(checkpoint.executeStep());
  EXPECT_EQ(checkpoint.getColumn(0).getInt(), 0) << "the checkpoint was blocked by a reader";
  EXPECT_EQ(std::filesystem::file_size(dir.path() / "qloop.db-wal"), 0U);
}
