// The plugin's configuration section, read and checked once per run. The
// host validates types; this adds the rules between keys (after = move:X
// needs X, password or password_file, ...) and names the key in every error.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qloop::intake_email {

// What happens to a message once the host has it (as a record or in the
// quarantine): the mailbox itself remembers what was taken.
struct After {
  enum class Kind { Seen, Move, Delete };
  Kind kind = Kind::Seen;
  std::string folder; // Move only
  std::string describe() const;
};

// seen | move:FOLDER | delete. Throws std::invalid_argument.
After parse_after(std::string_view text);

enum class CustomerFrom { Domain, Name, Map };
enum class TlsMode { Require, Try, Off };

struct Settings {
  std::string url; // imap://host:port/MAILBOX or imaps://...
  std::string user;
  std::string password;
  TlsMode tls = TlsMode::Require;
  bool tls_verify = true;
  std::string ca_file;
  std::string channel = "email";
  CustomerFrom customer_from = CustomerFrom::Domain;
  std::string customer_map; // path of "domain = customer" lines
  After after;
  std::size_t max_messages = 200;
  std::size_t batch_size = 20;
  std::size_t max_message_bytes = 32u << 20;
  long timeout_seconds = 60;
  std::vector<std::string> fallback_charsets{"utf-8", "gb18030"};
  bool cut_quoted = true;
};

// Reads the section through `get` (the host's config_get). Throws
// std::invalid_argument("key: what is wrong").
Settings read_settings(const std::function<std::optional<std::string>(const char *)> &get);

} // namespace qloop::intake_email
