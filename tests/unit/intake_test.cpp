// Intake into the ledger: what the channels submit is checked field by field,
// stored exactly once, and what cannot be stored is held in the quarantine
// with its raw bytes and the reason, never dropped.
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/store/sqlite/sqlite_store.hpp"
#include "core/workflow/intake.hpp"
#include "test_support.hpp"

using namespace qloop;
using nlohmann::json;
using workflow::LedgerError;

namespace {

json record(const std::string &key) {
  return {{"source_key", key},
          {"channel", "file"},
          {"received_at", "2026-03-02T08:40:00+08:00"},
          {"customer", "华东汽车电子有限公司"},
          {"product_model", "PCBA-X100"},
          {"quantity_affected", 18},
          {"phenomenon", "焊点虚焊,上电后间歇性失效"},
          {"severity", "major"},
          {"extra", {{"工单", "WO-77"}}}};
}

class IntakeTest : public ::testing::Test {
protected:
  qloop::testing::TempDir dir;
  std::unique_ptr<store::sqlite::SqliteStore> store =
      std::make_unique<store::sqlite::SqliteStore>(dir.path() / "qloop.db");
  workflow::Ledger ledger{*store, [] { return *domain::parse_iso("2026-03-02T09:00:00Z"); }};
  workflow::Intake intake{ledger, dir.path() / "attachments"};

  std::int64_t count() { return store->count_complaints({}); }
};

TEST_F(IntakeTest, GoodRecordsAreStoredOnceAndExtraFieldsKept) {
  json batch = json::array({record("file:abc:2"), record("file:abc:3")});
  auto t = intake.submit("intake.files", batch.dump());
  EXPECT_EQ(t.stored, 2u);
  EXPECT_EQ(count(), 2);
  auto again = intake.submit("intake.files", batch.dump());
  EXPECT_EQ(again.stored, 0u);
  EXPECT_EQ(again.duplicates, 2u);
  EXPECT_EQ(count(), 2);
  auto c = ledger.find(std::to_string(*store->complaint_id_by_source_key("file:abc:2")));
  EXPECT_EQ(c.extra["工单"], "WO-77");
  EXPECT_EQ(c.severity, domain::Severity::Major);
  EXPECT_EQ(c.status, domain::Status::Received);
  // The actor of the trail is the channel.
  auto events = store->events({c.id, 0, 0});
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.front().actor, "intake:intake.files");
}

TEST_F(IntakeTest, BadRecordsAreQuarantinedWithEveryProblemNamed) {
  json bad = record("file:abc:9");
  bad["quantity_affected"] = "abc";
  bad["severity"] = "urgent";
  bad.erase("customer");
  bad["received_at"] = "yesterday";
  auto t = intake.submit("intake.files", json::array({bad, record("file:abc:10")}).dump());
  EXPECT_EQ(t.stored, 1u);
  EXPECT_EQ(t.quarantined, 1u);
  auto held = intake.items({});
  ASSERT_EQ(held.size(), 1u);
  const auto &q = held.front();
  EXPECT_EQ(q.source_key, "file:abc:9");
  EXPECT_EQ(json::parse(q.raw), bad);
  for (const char *field :
       {"customer: is required", "quantity_affected", "severity: 'urgent'", "received_at: 'yesterday'"})
    EXPECT_NE(q.reason.find(field), std::string::npos) << field << " in " << q.reason;
}

TEST_F(IntakeTest, AnUnusableBatchStoresNothingAndSaysWhy) {
  EXPECT_THROW(intake.submit("intake.files", "{oops"), LedgerError);
  EXPECT_THROW(intake.submit("intake.files", R"({"source_key": "x"})"), LedgerError);
  EXPECT_EQ(count(), 0);
  EXPECT_TRUE(intake.items({}).empty());
}

TEST_F(IntakeTest, TheSameBadItemTwiceIsOneItemWithTwoAttempts) {
  intake.quarantine("intake.files", "file:abc:4", "a,\"broken", "row 4: unterminated quote");
  intake.quarantine("intake.files", "file:abc:4", "a,\"broken", "row 4: unterminated quote");
  json no_key = record("");
  no_key.erase("source_key");
  intake.submit("intake.files", json::array({no_key, no_key}).dump());
  auto held = intake.items({});
  ASSERT_EQ(held.size(), 2u);
  EXPECT_EQ(held[0].attempts, 2);
  EXPECT_EQ(held[1].attempts, 2);
  EXPECT_EQ(held[1].source_key.rfind("sha256:", 0), 0u);
}

TEST_F(IntakeTest, RetryWithACorrectedRecordReleasesTheItemAndIsAudited) {
  json bad = record("mail:<1@x>");
  bad["customer"] = "";
  intake.submit("intake.email", json::array({bad}).dump());
  auto id = intake.items({}).front().id;
  EXPECT_THROW(intake.retry(id, std::nullopt, "cqe"), LedgerError); // still bad
  json fixed = bad;
  fixed["customer"] = "Rhein Automotive GmbH";
  auto received = intake.retry(id, fixed, "cqe");
  EXPECT_TRUE(received.created);
  auto item = intake.item(id);
  EXPECT_EQ(item.state, "released");
  EXPECT_EQ(item.complaint_id, received.complaint.id);
  EXPECT_TRUE(intake.items({}).empty());
  EXPECT_THROW(intake.retry(id, fixed, "cqe"), LedgerError); // once only
  auto events = store->events({received.complaint.id, 0, 0});
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(events.back().kind, "quarantine.released");
  EXPECT_EQ(events.back().actor, "cqe");
}

TEST_F(IntakeTest, RawChannelInputCannotBeRetriedAsIsButCanBeDismissed) {
  auto id = intake.quarantine("intake.files", "file:abc:5", "\xB9\xFD broken", "row 5: not GB18030");
  try {
    intake.retry(id, std::nullopt, "cqe");
    FAIL();
  } catch (const LedgerError &e) {
    EXPECT_NE(std::string(e.what()).find("raw input"), std::string::npos);
  }
  EXPECT_THROW(intake.dismiss(id, "", "cqe"), LedgerError);
  intake.dismiss(id, "test row from the call-centre export", "cqe");
  EXPECT_EQ(intake.item(id).state, "dismissed");
  EXPECT_EQ(intake.item(id).raw, "\xB9\xFD broken");
  store::QuarantineFilter all;
  all.held_only = false;
  EXPECT_EQ(intake.items(all).size(), 1u);
  EXPECT_TRUE(ledger.verify_audit().empty());
}

TEST_F(IntakeTest, InlineAttachmentsAreStoredWithSafeNames) {
  json r = record("mail:<2@x>");
  r["attachments"] = json::array({{{"name", "../../etc/照片.txt"},
                                   {"media_type", "text/plain"},
                                   {"content_base64", "aGVsbG8gd29ybGQ="}}});
  intake.submit("intake.email", json::array({r}).dump());
  auto c = ledger.find(std::to_string(*store->complaint_id_by_source_key("mail:<2@x>")));
  ASSERT_EQ(c.attachments.size(), 1u);
  EXPECT_EQ(c.attachments[0].name, "照片.txt");
  std::filesystem::path stored = c.attachments[0].path;
  EXPECT_EQ(
      std::filesystem::canonical(stored).string().rfind(std::filesystem::canonical(dir.path()).string(), 0),
      0u);
  std::ifstream in(stored);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(text, "hello world");

  json broken = record("mail:<3@x>");
  broken["attachments"] = json::array({{{"name", "a.bin"}, {"content_base64", "not base64!"}}});
  auto t = intake.submit("intake.email", json::array({broken}).dump());
  EXPECT_EQ(t.quarantined, 1u);
}

TEST_F(IntakeTest, RepliesBecomeContactsOnTheComplaintTheyAnswerExactlyOnce) {
  json first = record("email:<m1@customer.cn>");
  first["channel"] = "email";
  first["thread"] = {{"message_id", "<m1@customer.cn>"}};
  ASSERT_EQ(intake.submit("intake.email", json::array({first}).dump()).stored, 1u);
  const auto id = *store->complaint_id_by_source_key("email:<m1@customer.cn>");
  const auto number = store->complaint(id)->number;

  // A reply to it, a reply to the reply, and a mail naming the number in its
  // subject: three contacts on the one complaint, no new complaint.
  json reply = record("email:<m2@customer.cn>");
  reply["channel"] = "email";
  reply["phenomenon"] = "Re: 又发现了 3 件不良";
  reply["reporter"] = "王工";
  reply["thread"] = {{"message_id", "<m2@customer.cn>"}, {"refers_to", {"<m1@customer.cn>"}}};
  json second = record("email:<m3@customer.cn>");
  second["thread"] = {{"message_id", "<m3@customer.cn>"}, {"refers_to", {"<m2@customer.cn>", "<m1@x>"}}};
  json by_number = record("email:<m4@other.cn>");
  by_number["thread"] = {{"message_id", "<m4@other.cn>"}, {"complaint_number", number}};
  auto t = intake.submit("intake.email", json::array({reply, second, by_number}).dump());
  EXPECT_EQ(t.replies, 3u);
  EXPECT_EQ(t.stored, 0u);
  EXPECT_EQ(count(), 1);
  auto contacts = store->contacts(id);
  ASSERT_EQ(contacts.size(), 3u);
  EXPECT_EQ(contacts[0].direction, domain::Direction::Inbound);
  EXPECT_EQ(contacts[0].channel, "email");
  EXPECT_EQ(contacts[0].summary, "Re: 又发现了 3 件不良");
  EXPECT_EQ(contacts[0].actor, "王工");
  EXPECT_EQ(contacts[0].source_key, "email:<m2@customer.cn>");

  // Taken again (a crash before the mailbox was told): nothing is added.
  auto again = intake.submit("intake.email", json::array({reply, second, by_number}).dump());
  EXPECT_EQ(again.duplicates, 3u);
  EXPECT_EQ(store->contacts(id).size(), 3u);

  // A reply to a message nobody knows is a new complaint.
  json stranger = record("email:<m9@else.cn>");
  stranger["channel"] = "email"; // from another channel it would be a probable duplicate of the first
  stranger["thread"] = {{"message_id", "<m9@else.cn>"}, {"refers_to", {"<unknown@x>"}}};
  EXPECT_EQ(intake.submit("intake.email", json::array({stranger}).dump()).stored, 1u);
  EXPECT_EQ(count(), 2);

  // A malformed thread is quarantined with the field named.
  json bad = record("email:<m10@else.cn>");
  bad["thread"] = {{"refers_to", "<m1@customer.cn>"}};
  EXPECT_EQ(intake.submit("intake.email", json::array({bad}).dump()).quarantined, 1u);
  auto held = intake.items({});
  ASSERT_FALSE(held.empty());
  EXPECT_NE(held.back().reason.find("thread.refers_to: must be an array of strings"), std::string::npos);
}

TEST(IntakeRecordSchema, TheReaderKnowsExactlyTheSchemasFields) {
  std::ifstream in(std::string(QLOOP_SOURCE_DIR) + "/sdk/schemas/record.schema.json");
  auto schema = json::parse(in);
  std::vector<std::string> in_schema;
  for (auto &[k, v] : schema["properties"].items()) in_schema.push_back(k);
  auto known = domain::intake_record_fields();
  std::sort(in_schema.begin(), in_schema.end());
  std::sort(known.begin(), known.end());
  EXPECT_EQ(in_schema, known);
  // Every required field of the schema is reported missing by the reader.
  auto check = domain::read_intake_record(json::object());
  for (const auto &field : schema["required"])
    EXPECT_NE(
        std::find(check.problems.begin(), check.problems.end(), field.get<std::string>() + ": is required"),
        check.problems.end())
        << field;
}

} // namespace
