// A customer contact made from a complaint record that came in: a reply on
// an existing complaint's thread (intake) and a report folded into an
// earlier one as a probable duplicate (merging) are both the customer
// getting in touch again, through the record's channel, at its time.
#pragma once

#include <cstddef>
#include <string>

#include "core/domain/complaint.hpp"
#include "core/domain/contact.hpp"

namespace qloop::workflow {

// An inbound "update" contact from `c`; the summary starts with `lead` and
// carries the phenomenon text cut to `max_text` bytes.
inline domain::Contact incoming_contact(const domain::Complaint &c, const std::string &lead,
                                        std::size_t max_text) {
  domain::Contact contact;
  contact.channel = c.channel;
  contact.direction = domain::Direction::Inbound;
  contact.purpose = "update";
  contact.at = c.received_at;
  contact.actor = c.reporter.empty() ? c.contact : c.reporter;
  contact.summary =
      lead + (c.phenomenon.size() > max_text ? c.phenomenon.substr(0, max_text) + "..." : c.phenomenon);
  return contact;
}

} // namespace qloop::workflow
