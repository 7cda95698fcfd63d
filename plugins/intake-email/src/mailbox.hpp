// What the poll loop needs from a mailbox and from the host, as interfaces:
// the IMAP client and the host implement them in the plugin, fakes in the
// tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <qloop/plugin.h>

#include "settings.hpp"

namespace qloop::intake_email {

struct FetchedMessage {
  std::string bytes;     // the raw message (its first max_bytes when oversize)
  bool vanished = false; // expunged by someone else between search and fetch
  bool oversize = false; // larger than max_bytes; `bytes` is its beginning
};

class Mailbox {
public:
  virtual ~Mailbox() = default;
  virtual std::string describe() const = 0; // for logs and the summary, no password
  // Before the first message: e.g. create the folder of after = move:FOLDER.
  virtual void prepare(const After &after) = 0;
  // UIDs matching an IMAP SEARCH key ("UNSEEN UNDELETED"), ascending.
  virtual std::vector<std::uint32_t> search(const std::string &criteria) = 0;
  virtual FetchedMessage fetch(std::uint32_t uid, std::size_t max_bytes) = 0;
  // The server's INTERNALDATE as ISO 8601.
  virtual std::optional<std::string> internal_date(std::uint32_t uid) = 0;
  // Fetching a message sets \Seen on the server; this takes it back.
  virtual void mark_unseen(const std::vector<std::uint32_t> &uids) = 0;
  // The message is with the host now: mark it \Seen, move it or delete it.
  virtual void settle(const std::vector<std::uint32_t> &uids, const After &after) = 0;
};

class Sink {
public:
  virtual ~Sink() = default;
  virtual void submit(std::string_view records_json) = 0; // throws when the host refuses
  virtual void quarantine(const std::string &source_key, std::string_view raw, const std::string &reason) = 0;
  virtual void log(qloop_log_level level, const std::string &message) = 0;
};

} // namespace qloop::intake_email
