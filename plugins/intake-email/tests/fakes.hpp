// Test doubles: a mailbox that behaves like an IMAP server's (a fetch sets
// \Seen, MOVE takes the message out of the folder) and a host sink that
// keeps records once per source key, as the real host does.
#pragma once

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mailbox.hpp"

namespace email_test {

using nlohmann::json;
using qloop::intake_email::After;
using qloop::intake_email::FetchedMessage;

inline std::string data_dir() { return std::string(INTAKE_EMAIL_TESTS_DIR) + "/data/"; }

inline std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string sample(const std::string &name) { return read_file(data_dir() + name); }

struct StoredMessage {
  std::string bytes;
  std::set<std::string> flags;
  std::string internal_date = "2026-03-09T10:00:00+08:00";
};

class FakeMailbox : public qloop::intake_email::Mailbox {
public:
  std::map<std::uint32_t, StoredMessage> inbox;
  std::map<std::string, std::vector<StoredMessage>> folders;
  std::vector<std::string> calls;
  std::set<std::uint32_t> vanish; // fetch finds these gone
  bool fail_settle = false;       // the connection drops after the host has the records
  std::uint32_t next_uid = 1;

  std::uint32_t deliver(const std::string &bytes) {
    inbox[next_uid] = StoredMessage{bytes, {}, "2026-03-09T10:00:00+08:00"};
    return next_uid++;
  }
  bool seen(std::uint32_t uid) const { return inbox.at(uid).flags.count("\\Seen") > 0; }

  std::string describe() const override { return "fake://INBOX"; }
  void prepare(const After &after) override {
    calls.push_back("prepare " + after.describe());
    if (after.kind == After::Kind::Move) folders[after.folder];
  }
  std::vector<std::uint32_t> search(const std::string &criteria) override {
    calls.push_back("search " + criteria);
    std::vector<std::uint32_t> out;
    for (const auto &[uid, m] : inbox) {
      if (m.flags.count("\\Deleted")) continue;
      if (criteria.find("UNSEEN") != std::string::npos && m.flags.count("\\Seen")) continue;
      out.push_back(uid);
    }
    return out;
  }
  FetchedMessage fetch(std::uint32_t uid, std::size_t max_bytes) override {
    calls.push_back("fetch " + std::to_string(uid));
    FetchedMessage f;
    if (vanish.count(uid) || !inbox.count(uid)) {
      f.vanished = true;
      return f;
    }
    auto &m = inbox.at(uid);
    m.flags.insert("\\Seen"); // BODY[] sets it, as on a real server
    f.bytes = m.bytes.substr(0, max_bytes);
    f.oversize = m.bytes.size() > max_bytes;
    return f;
  }
  std::optional<std::string> internal_date(std::uint32_t uid) override {
    calls.push_back("internaldate " + std::to_string(uid));
    return inbox.at(uid).internal_date;
  }
  void mark_unseen(const std::vector<std::uint32_t> &uids) override {
    for (auto uid : uids) inbox.at(uid).flags.erase("\\Seen");
  }
  void settle(const std::vector<std::uint32_t> &uids, const After &after) override {
    std::string list;
    for (auto uid : uids) list += " " + std::to_string(uid);
    calls.push_back("settle " + after.describe() + list);
    if (fail_settle) throw std::runtime_error("connection reset");
    for (auto uid : uids) {
      if (after.kind == After::Kind::Seen) {
        inbox.at(uid).flags.insert("\\Seen");
      } else {
        if (after.kind == After::Kind::Move) folders[after.folder].push_back(inbox.at(uid));
        inbox.erase(uid);
      }
    }
  }
};

struct Held {
  std::string raw, reason;
  int attempts = 0;
};

class FakeSink : public qloop::intake_email::Sink {
public:
  std::map<std::string, json> records; // by source key
  std::map<std::string, Held> quarantine_items;
  std::vector<std::string> logs;
  std::size_t batches = 0, duplicates = 0;
  int refuse_after = -1; // refuse every batch after this many were taken

  void submit(std::string_view records_json) override {
    if (refuse_after >= 0 && batches >= static_cast<std::size_t>(refuse_after))
      throw std::runtime_error("the host refused the record batch");
    const json batch = json::parse(records_json);
    for (const auto &r : batch) {
      if (records.count(r["source_key"])) {
        ++duplicates;
        continue;
      }
      records[r["source_key"]] = r;
    }
    ++batches;
  }
  void quarantine(const std::string &key, std::string_view raw, const std::string &reason) override {
    auto &h = quarantine_items[key];
    h.raw.assign(raw);
    h.reason = reason;
    ++h.attempts;
  }
  void log(qloop_log_level, const std::string &message) override { logs.push_back(message); }
};

} // namespace email_test
