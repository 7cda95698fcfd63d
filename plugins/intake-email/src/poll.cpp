#include "poll.hpp"

#include <algorithm>

#include "text.hpp"

namespace qloop::intake_email {

namespace {

using nlohmann::json;

// A batch is sent early past this size: attachments make records large.
constexpr std::size_t kMaxBatchBytes = 16u << 20;
// An oversize message is kept in the quarantine by its beginning only.
constexpr std::size_t kOversizeKeep = 64u << 10;

std::string dump(const json &j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

class Run {
public:
  Run(Mailbox &mailbox, const Settings &settings, ConvertOptions options, Sink &sink)
      : mailbox_(mailbox), settings_(settings), options_(std::move(options)), sink_(sink) {}

  json operator()() {
    mailbox_.prepare(settings_.after);
    auto uids = mailbox_.search(search_criteria(settings_.after));
    std::sort(uids.begin(), uids.end());
    if (uids.size() > settings_.max_messages) {
      skipped_ = uids.size() - settings_.max_messages;
      uids.resize(settings_.max_messages);
      sink_.log(QLOOP_LOG_INFO, std::to_string(skipped_) + " more new message(s) wait for the next run");
    }
    for (const auto uid : uids) take(uid);
    flush();
    return {{"mailbox", mailbox_.describe()}, {"after", settings_.after.describe()}, {"fetched", fetched_},
            {"submitted", submitted_},        {"quarantined", quarantined_},         {"skipped", skipped_}};
  }

private:
  void take(std::uint32_t uid) {
    FetchedMessage message = mailbox_.fetch(uid, settings_.max_message_bytes);
    if (message.vanished) {
      ++skipped_;
      return;
    }
    ++fetched_;
    // With after = seen, \Seen means "with the host": the fetch must not
    // set it before the host has the message.
    if (settings_.after.kind == After::Kind::Seen) mailbox_.mark_unseen({uid});
    if (message.oversize) {
      const std::string key = source_key_for(message.bytes, "");
      message.bytes.resize(std::min(message.bytes.size(), kOversizeKeep));
      hold(uid, key, message.bytes,
           "message: larger than max_message_bytes (" + std::to_string(settings_.max_message_bytes) +
               "); its beginning is kept here");
      return;
    }
    options_.internal_date = [this, uid] { return mailbox_.internal_date(uid); };
    Conversion c = convert_message(message.bytes, options_);
    if (!c.record) {
      hold(uid, c.source_key, message.bytes, c.reason);
      return;
    }
    for (const auto &w : c.warnings) sink_.log(QLOOP_LOG_WARN, c.source_key + ": " + w);
    const std::string text = dump(*c.record);
    batch_bytes_ += text.size();
    batch_.push_back(std::move(*c.record));
    batch_uids_.push_back(uid);
    if (batch_.size() >= settings_.batch_size || batch_bytes_ >= kMaxBatchBytes) flush();
  }

  void hold(std::uint32_t uid, const std::string &key, std::string_view raw, const std::string &reason) {
    sink_.quarantine(key, raw, reason);
    ++quarantined_;
    settled_.push_back(uid);
  }

  // Records first, then the mailbox: what the host refused stays new.
  void flush() {
    if (!batch_.empty()) {
      sink_.submit(dump(batch_));
      submitted_ += batch_.size();
      settled_.insert(settled_.end(), batch_uids_.begin(), batch_uids_.end());
      batch_ = json::array();
      batch_uids_.clear();
      batch_bytes_ = 0;
    }
    if (!settled_.empty()) {
      std::sort(settled_.begin(), settled_.end());
      mailbox_.settle(settled_, settings_.after);
      settled_.clear();
    }
  }

  Mailbox &mailbox_;
  const Settings &settings_;
  ConvertOptions options_;
  Sink &sink_;
  json batch_ = json::array();
  std::vector<std::uint32_t> batch_uids_, settled_;
  std::size_t batch_bytes_ = 0, fetched_ = 0, submitted_ = 0, quarantined_ = 0, skipped_ = 0;
};

} // namespace

std::string search_criteria(const After &after) {
  return after.kind == After::Kind::Seen ? "UNSEEN UNDELETED" : "UNDELETED";
}

json poll_mailbox(Mailbox &mailbox, const Settings &settings, ConvertOptions options, Sink &sink) {
  return Run(mailbox, settings, std::move(options), sink)();
}

} // namespace qloop::intake_email
