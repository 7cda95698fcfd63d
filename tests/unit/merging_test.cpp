// Probable duplicates across channels, merges and their undo: the same
// problem reported by phone and by email is one case; a person can fold two
// complaints together, and take a wrong link back with nothing lost.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/domain/text_similarity.hpp"
#include "core/store/sqlite/sqlite_store.hpp"
#include "core/workflow/intake.hpp"
#include "core/workflow/merging.hpp"
#include "test_support.hpp"

using namespace qloop;
using domain::Status;
using nlohmann::json;
using workflow::LedgerError;

namespace {

json report(const std::string &key, const std::string &channel, const std::string &received_at) {
  return {{"source_key", key},
          {"channel", channel},
          {"received_at", received_at},
          {"customer", "Rhein Automotive GmbH"},
          {"product_model", "PSU-450W"},
          {"order_number", "PO-2026-0193"},
          {"lot", "L2026-0871"},
          {"quantity_affected", 40},
          {"phenomenon", "Output voltage drops to 11.2 V at 80% load on 40 units"},
          {"severity", "major"}};
}

class MergingTest : public ::testing::Test {
protected:
  qloop::testing::TempDir dir;
  std::unique_ptr<store::sqlite::SqliteStore> store =
      std::make_unique<store::sqlite::SqliteStore>(dir.path() / "qloop.db");
  workflow::Ledger ledger{*store, [] { return *domain::parse_iso("2026-03-09T09:00:00Z"); }};
  workflow::Intake intake{ledger, dir.path() / "attachments"};
  workflow::Merger merger{ledger};

  domain::Complaint by_key(const std::string &key) {
    return *store->complaint(*store->complaint_id_by_source_key(key));
  }

  std::string refusal(const std::function<void()> &fn) {
    try {
      fn();
    } catch (const LedgerError &e) {
      return e.what();
    }
    return "(no refusal)";
  }
};

} // namespace

TEST(TextSimilarity, CountsSharedCharacterBigramsInAnyLanguage) {
  EXPECT_DOUBLE_EQ(domain::text_similarity("焊点虚焊", "焊点虚焊"), 1.0);
  // 焊点 点虚 虚焊 against 焊点 点开 开裂: one bigram of six in common, Dice 2*1/6.
  EXPECT_NEAR(domain::text_similarity("焊点虚焊", "焊点开裂"), 2.0 / 6.0, 1e-12);
  // Case, spaces, punctuation and fullwidth forms do not count.
  EXPECT_DOUBLE_EQ(domain::text_similarity("Cold Solder, joint!", "cold solder joint"), 1.0);
  EXPECT_DOUBLE_EQ(domain::text_similarity("ＰＣＢＡ　Ｘ１００", "pcba x100"), 1.0);
  EXPECT_DOUBLE_EQ(domain::text_similarity("abc", "xyz"), 0.0);
}

TEST_F(MergingTest, AReportFromAnotherChannelOnTheSameOrderIsLinkedToTheFirst) {
  ASSERT_EQ(intake
                .submit("intake.webhook",
                        json::array({report("crm:77", "phone", "2026-03-02T08:40:00+08:00")}).dump())
                .stored,
            1u);
  // Two days later by email, in Chinese: another channel, the same order.
  auto mail = report("email:<a@rhein.de>", "email", "2026-03-04T10:00:00+01:00");
  mail["phenomenon"] = "PSU-450W 负载 80% 时输出电压跌落";
  auto t = intake.submit("intake.email", json::array({mail}).dump());
  EXPECT_EQ(t.linked, 1u);
  EXPECT_EQ(t.stored, 0u);
  auto first = by_key("crm:77");
  auto second = by_key("email:<a@rhein.de>");
  EXPECT_EQ(second.status, Status::Duplicate);
  EXPECT_EQ(second.duplicate_of, first.id);
  EXPECT_EQ(first.status, Status::Received);
  // The first complaint shows the customer asked again, through which channel.
  auto contacts = store->contacts(first.id);
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].channel, "email");
  EXPECT_NE(contacts[0].summary.find("Reported again via email as " + second.number), std::string::npos);
  EXPECT_NE(contacts[0].summary.find("same customer and order PO-2026-0193"), std::string::npos);
  auto links = store->links(second.id, true);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].kind, domain::LinkKind::ProbableDuplicate);
  EXPECT_EQ(links[0].survivor_id, first.id);
}

TEST_F(MergingTest, WhatIsNotAProbableDuplicateIsStoredOnItsOwn) {
  intake.submit("intake.webhook",
                json::array({report("crm:1", "phone", "2026-03-02T08:40:00+08:00")}).dump());
  // Same channel: two calls are two reports.
  auto same_channel = report("crm:2", "phone", "2026-03-03T08:40:00+08:00");
  // Outside the 14-day window.
  auto late = report("email:<late@x>", "email", "2026-04-02T08:40:00+08:00");
  // Another customer.
  auto other_customer = report("email:<o@x>", "email", "2026-03-03T08:40:00+08:00");
  other_customer["customer"] = "Nordic Appliances AB";
  // Same product, different order and lot, unrelated text.
  auto unrelated = report("email:<u@x>", "email", "2026-03-03T08:40:00+08:00");
  unrelated["order_number"] = "PO-9";
  unrelated["lot"] = "L9";
  unrelated["phenomenon"] = "Labels show the wrong lot number";
  auto t = intake.submit("intake.email", json::array({same_channel, late, other_customer, unrelated}).dump());
  EXPECT_EQ(t.stored, 4u);
  EXPECT_EQ(t.linked, 0u);
  // Same product, other order, but the text alike: linked.
  auto alike = report("email:<s@x>", "email", "2026-03-05T08:40:00+08:00");
  alike["order_number"] = "PO-10";
  alike["lot"] = "";
  alike["phenomenon"] = "Output voltage drops to 11.0 V at 80 % load";
  EXPECT_EQ(intake.submit("intake.email", json::array({alike}).dump()).linked, 1u);
  EXPECT_EQ(by_key("email:<s@x>").duplicate_of, by_key("crm:1").id);
}

TEST_F(MergingTest, UnlinkTakesAWrongLinkBackWithNothingLost) {
  intake.submit("intake.webhook",
                json::array({report("crm:77", "phone", "2026-03-02T08:40:00+08:00")}).dump());
  intake.submit("intake.email",
                json::array({report("email:<a@x>", "email", "2026-03-03T08:40:00+08:00")}).dump());
  auto first = by_key("crm:77");
  auto second = by_key("email:<a@x>");
  ASSERT_EQ(second.status, Status::Duplicate);
  EXPECT_NE(refusal([&] { merger.unlink(second.id, "cqe", ""); }).find("reason"), std::string::npos);
  auto back = merger.unlink(second.id, "cqe", "different failure mode after analysis");
  EXPECT_EQ(back.status, Status::Received);
  EXPECT_FALSE(back.duplicate_of);
  EXPECT_TRUE(store->contacts(first.id).empty()) << "the 'reported again' note goes with the link";
  EXPECT_TRUE(store->links(second.id, true).empty());
  EXPECT_EQ(store->links(second.id, false).size(), 1u) << "the undone link stays on record";
  auto events = store->events({second.id, 0, 0});
  EXPECT_EQ(events.back().kind, "complaint.transition");
  EXPECT_EQ(events.back().after, R"({"status":"received"})");
  EXPECT_TRUE(ledger.verify_audit().empty());
  EXPECT_NE(refusal([&] { merger.unlink(second.id, "cqe", "again"); }).find("is not linked"),
            std::string::npos);
}

TEST_F(MergingTest, MergeMovesContactsAttachmentsAndConversationAndUndoMovesThemBack) {
  auto a = ledger
               .receive(
                   *[&] {
                     static domain::Complaint c;
                     c.customer = "ACME";
                     c.received_at = *domain::parse_iso("2026-03-02T08:00:00Z");
                     c.channel = "phone";
                     c.phenomenon = "cracked housing";
                     c.product_model = "HOUSING-H5";
                     return &c;
                   }(),
                   "cqe")
               .complaint;
  auto bc = a;
  bc.id = 0;
  bc.number.clear();
  bc.channel = "email";
  bc.source_key = "email:<b@acme>";
  bc.attachments = {{"photo.jpg", "image/jpeg", "/data/attachments/x/photo.jpg"}};
  auto b = ledger.receive(bc, "cqe").complaint;
  store->write([&] { store->link_thread_message("<b@acme>", b.id); });
  domain::Contact call;
  call.purpose = "first_response";
  call.summary = "called back";
  const auto call_id = ledger.add_contact(b.id, call, "cqe").id;
  ledger.transition(b.id, Status::Acknowledged, "cqe", "");

  auto merged = merger.merge(a.id, b.id, "cqe", "same cracked housings");
  EXPECT_EQ(merged.status, Status::Duplicate);
  EXPECT_EQ(merged.duplicate_of, a.id);
  auto survivor = *store->complaint(a.id);
  ASSERT_EQ(survivor.attachments.size(), 1u);
  EXPECT_EQ(survivor.attachments[0].name, "photo.jpg");
  ASSERT_EQ(store->contacts(a.id).size(), 1u);
  EXPECT_EQ(store->contacts(a.id)[0].id, call_id);
  EXPECT_EQ(store->complaint_id_by_thread_message("<b@acme>"), a.id) << "replies to b now land on a";
  // The survivor's log shows the merged complaint's trail too.
  store::AuditFilter with_merged{a.id, 0, 0, true};
  auto trail = store->events(with_merged);
  EXPECT_TRUE(std::any_of(trail.begin(), trail.end(), [&](const auto &e) {
    return e.complaint_id == b.id && e.kind == "contact.added";
  }));
  EXPECT_NE(
      refusal([&] { merger.merge(b.id, a.id, "cqe", ""); }).find("is itself a duplicate of " + a.number),
      std::string::npos);

  auto back = merger.unlink(b.id, "cqe", "two different housings");
  EXPECT_EQ(back.status, Status::Acknowledged);
  EXPECT_EQ(back.attachments.size(), 1u);
  EXPECT_TRUE(store->complaint(a.id)->attachments.empty());
  EXPECT_EQ(store->contacts(b.id).size(), 1u);
  EXPECT_TRUE(store->contacts(a.id).empty());
  EXPECT_EQ(store->complaint_id_by_thread_message("<b@acme>"), b.id);
  EXPECT_TRUE(ledger.verify_audit().empty());
}

TEST_F(MergingTest, GuardsSayWhatIsWrong) {
  domain::Complaint c;
  c.customer = "ACME";
  c.received_at = *domain::parse_iso("2026-03-02T08:00:00Z");
  c.channel = "phone";
  c.phenomenon = "cracked housing";
  auto a = ledger.receive(c, "cqe").complaint;
  c.source_key = "k2";
  auto b = ledger.receive(c, "cqe").complaint;
  EXPECT_NE(refusal([&] { merger.merge(a.id, a.id, "cqe", ""); }).find("into itself"), std::string::npos);
  domain::Action action;
  action.type = domain::ActionType::Temporary;
  action.description = "sort stock";
  action.owner = "wh";
  auto act = ledger.add_action(b.id, action, "cqe");
  EXPECT_NE(
      refusal([&] { merger.merge(a.id, b.id, "cqe", ""); }).find("open actions (A-" + std::to_string(act.id)),
      std::string::npos);
  ledger.transition(b.id, Status::Rejected, "cqe", "not ours");
  EXPECT_NE(
      refusal([&] { merger.link_duplicate(b.id, a.id, "cqe", ""); }).find("only a received or acknowledged"),
      std::string::npos);
  EXPECT_NE(refusal([&] { ledger.transition(a.id, Status::Duplicate, "cqe", ""); }).find("complaint link"),
            std::string::npos);
}

TEST_F(MergingTest, AClosedCaseIsNoLinkTargetAndARefusedLinkStillStoresTheRecord) {
  intake.submit("intake.webhook",
                json::array({report("crm:77", "phone", "2026-03-02T08:40:00+08:00")}).dump());
  auto first = by_key("crm:77");
  first.status = Status::Archived; // as if worked to the end (a repeat is a recurrence, not a duplicate)
  store->write([&] { store->update_complaint(first); });
  auto t = intake.submit("intake.email",
                         json::array({report("email:<a@x>", "email", "2026-03-03T08:40:00+08:00")}).dump());
  EXPECT_EQ(t.stored, 1u);
  EXPECT_EQ(t.linked, 0u);
  EXPECT_EQ(by_key("email:<a@x>").status, Status::Received);
}
