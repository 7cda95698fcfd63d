// One scheduled run: take the new messages of the mailbox to the host and
// settle each (after = seen|move|delete) only once the host has it. A crash
// between the two leaves the message new in the mailbox; the next run hands
// it over again and the host's source key keeps it one complaint.
#pragma once

#include <nlohmann/json.hpp>

#include "mailbox.hpp"
#include "mime_record.hpp"
#include "settings.hpp"

namespace qloop::intake_email {

// `options` carries the record rules (channel, customers, charsets); its
// internal_date is set per message. Returns the summary
// {"mailbox", "after", "fetched", "submitted", "quarantined", "skipped"}.
nlohmann::json poll_mailbox(Mailbox &mailbox, const Settings &settings, ConvertOptions options, Sink &sink);

// The SEARCH key for "not taken yet": with after = seen that is what is not
// \Seen; with move and delete every message still in the folder.
std::string search_criteria(const After &after);

} // namespace qloop::intake_email
