// The poll loop against a fake mailbox and host: what is settled when, and
// that a failure at any step neither loses a message nor makes two
// complaints of it.
#include <gtest/gtest.h>

#include "fakes.hpp"
#include "poll.hpp"

namespace {

using namespace qloop::intake_email;
using email_test::FakeMailbox;
using email_test::FakeSink;
using email_test::json;
using email_test::sample;

ConvertOptions options() {
  ConvertOptions o;
  o.now = [] { return std::string("2026-03-10T00:00:00Z"); };
  return o;
}

Settings settings(const std::string &after = "seen") {
  Settings s;
  s.after = parse_after(after);
  return s;
}

TEST(Poll, SeenMarksOnlyWhatTheHostHas) {
  FakeMailbox box;
  FakeSink host;
  box.deliver(sample("gbk-quoted-printable.eml"));
  box.deliver(sample("broken.eml"));
  box.deliver(sample("big5-8bit.eml"));
  const json summary = poll_mailbox(box, settings(), options(), host);
  EXPECT_EQ(summary, (json{{"mailbox", "fake://INBOX"},
                           {"after", "seen"},
                           {"fetched", 3},
                           {"submitted", 2},
                           {"quarantined", 1},
                           {"skipped", 0}}));
  EXPECT_EQ(host.records.size(), 2u);
  ASSERT_EQ(host.quarantine_items.size(), 1u);
  const auto &held = host.quarantine_items.begin()->second;
  EXPECT_EQ(held.raw, sample("broken.eml")); // the raw bytes, whole
  EXPECT_NE(held.reason.find("not an email message"), std::string::npos);
  for (std::uint32_t uid : {1u, 2u, 3u}) EXPECT_TRUE(box.seen(uid)) << uid;
  EXPECT_EQ(box.calls.front(), "prepare seen");
  EXPECT_EQ(box.calls[1], "search UNSEEN UNDELETED");

  // Nothing new: nothing fetched.
  const json again = poll_mailbox(box, settings(), options(), host);
  EXPECT_EQ(again["fetched"], 0);
}

TEST(Poll, AHostThatRefusesLeavesTheMessagesNew) {
  FakeMailbox box;
  FakeSink host;
  host.refuse_after = 0;
  box.deliver(sample("gbk-quoted-printable.eml"));
  box.deliver(sample("big5-8bit.eml"));
  EXPECT_THROW(poll_mailbox(box, settings(), options(), host), std::runtime_error);
  // The fetch set \Seen; the loop took it back, so the next run sees them.
  EXPECT_FALSE(box.seen(1));
  EXPECT_FALSE(box.seen(2));
  host.refuse_after = -1;
  EXPECT_EQ(poll_mailbox(box, settings(), options(), host)["submitted"], 2);
  EXPECT_EQ(host.records.size(), 2u);
  EXPECT_TRUE(box.seen(1) && box.seen(2));
}

TEST(Poll, ACrashBetweenSubmitAndSettleMakesNoDuplicate) {
  FakeMailbox box;
  FakeSink host;
  box.deliver(sample("gbk-quoted-printable.eml"));
  box.deliver(sample("no-message-id.eml"));
  box.fail_settle = true; // the host stored the batch, then the connection dropped
  EXPECT_THROW(poll_mailbox(box, settings(), options(), host), std::runtime_error);
  EXPECT_EQ(host.records.size(), 2u);
  EXPECT_FALSE(box.seen(1));
  box.fail_settle = false;
  const json again = poll_mailbox(box, settings(), options(), host);
  EXPECT_EQ(again["fetched"], 2);
  EXPECT_EQ(host.records.size(), 2u); // the same source keys: nothing twice
  EXPECT_EQ(host.duplicates, 2u);
  EXPECT_TRUE(box.seen(1) && box.seen(2));
}

TEST(Poll, MoveTakesEveryMessageInTheFolderAndMovesIt) {
  FakeMailbox box;
  FakeSink host;
  box.deliver(sample("gbk-quoted-printable.eml"));
  box.deliver(sample("broken.eml"));
  box.inbox[1].flags.insert("\\Seen"); // someone read it in their mail client: still new to qloop
  const json summary = poll_mailbox(box, settings("move:Processed"), options(), host);
  EXPECT_EQ(summary["fetched"], 2);
  EXPECT_EQ(summary["after"], "move:Processed");
  EXPECT_TRUE(box.inbox.empty());
  EXPECT_EQ(box.folders["Processed"].size(), 2u);
  EXPECT_EQ(box.calls.front(), "prepare move:Processed");
  EXPECT_EQ(box.calls[1], "search UNDELETED");
}

TEST(Poll, DeleteRemovesSettledMessages) {
  FakeMailbox box;
  FakeSink host;
  box.deliver(sample("big5-8bit.eml"));
  EXPECT_EQ(poll_mailbox(box, settings("delete"), options(), host)["submitted"], 1);
  EXPECT_TRUE(box.inbox.empty());
}

TEST(Poll, BatchesAndTheLimitPerRun) {
  FakeMailbox box;
  FakeSink host;
  for (const char *name : {"gbk-quoted-printable.eml", "big5-8bit.eml", "utf8-attachments.eml",
                           "html-only.eml", "alternative-inline-image.eml"})
    box.deliver(sample(name));
  Settings s = settings();
  s.batch_size = 2;
  s.max_messages = 4;
  const json first = poll_mailbox(box, s, options(), host);
  EXPECT_EQ(first["fetched"], 4);
  EXPECT_EQ(first["skipped"], 1);
  EXPECT_EQ(host.batches, 2u);
  EXPECT_FALSE(box.seen(5));
  const json second = poll_mailbox(box, s, options(), host);
  EXPECT_EQ(second["fetched"], 1);
  EXPECT_EQ(host.records.size(), 5u);
}

TEST(Poll, VanishedOversizeAndServerDates) {
  FakeMailbox box;
  FakeSink host;
  box.deliver(sample("gbk-quoted-printable.eml"));
  box.deliver(sample("utf8-attachments.eml"));
  box.deliver(sample("no-message-id.eml"));
  box.vanish.insert(1);
  Settings s = settings();
  s.max_message_bytes = 1000; // the attachment sample is about 2 kB
  const json summary = poll_mailbox(box, s, options(), host);
  EXPECT_EQ(summary["skipped"], 1);
  EXPECT_EQ(summary["quarantined"], 1);
  ASSERT_EQ(host.quarantine_items.size(), 1u);
  const auto &held = host.quarantine_items.begin()->second;
  EXPECT_EQ(held.raw.size(), 1000u);
  EXPECT_NE(held.reason.find("max_message_bytes"), std::string::npos);
  ASSERT_EQ(host.records.size(), 1u);
  EXPECT_EQ(host.records.begin()->second["received_at"], "2026-03-09T10:00:00+08:00"); // INTERNALDATE
  EXPECT_TRUE(box.seen(2) && box.seen(3));
}

} // namespace
