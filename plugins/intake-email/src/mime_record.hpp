// One email (its raw RFC 5322 bytes) to one complaint record
// (sdk/schemas/record.schema.json), or the reason it cannot be one. GMime
// parses the MIME structure and decodes headers (RFC 2047/2231); the text of
// the body is decoded by text.hpp's rules.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "customer.hpp"

namespace qloop::intake_email {

// Initialises GMime once per process (cheap after the first call).
void ensure_gmime();

struct ConvertOptions {
  std::string channel = "email";
  CustomerRule customers;
  std::vector<std::string> fallback_charsets{"utf-8", "gb18030"};
  bool cut_quoted = true;
  // When the Date header is missing or unreadable: the server's
  // INTERNALDATE as ISO 8601, if there is one (asked only then).
  std::function<std::optional<std::string>()> internal_date;
  // The last resort for received_at.
  std::function<std::string()> now;
};

struct Conversion {
  std::string source_key;               // always set: the record's, or the quarantine item's
  std::optional<nlohmann::json> record; // the record, or nothing when `reason` says why
  std::string reason;
  std::vector<std::string> warnings; // kept in extra.email.warnings too
};

// "email:<Message-ID>" with the angle brackets, or "email:sha256:<hex of the
// raw bytes>" when there is no Message-ID (or it is absurdly long).
std::string source_key_for(std::string_view raw, std::string_view message_id);

Conversion convert_message(std::string_view raw, const ConvertOptions &options);

} // namespace qloop::intake_email
