// Times as the record wants them: ISO 8601 with an offset.
#pragma once

#include <optional>
#include <string>
#include <string_view>

typedef struct _GDateTime GDateTime;

namespace qloop::intake_email {

// 2026-03-03T09:15:00+08:00, keeping the offset the sender wrote.
std::string iso_from(GDateTime *time);

// An IMAP INTERNALDATE ("03-Mar-2026 09:15:00 +0800", day maybe space-padded)
// as ISO 8601, or nothing when it does not read as one.
std::optional<std::string> internaldate_to_iso(std::string_view text);

// Now, in UTC: 2026-03-03T01:15:00Z.
std::string utc_now_iso();

} // namespace qloop::intake_email
