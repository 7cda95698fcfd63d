// Probable duplicates: the same problem reported again through another
// channel (a phone call, then an email, then a row in the online service's
// export). A new complaint is a probable duplicate of the earliest open
// complaint of the same customer, from another channel, received within the
// window, that is on the same order (and product), or on the same product
// with the same lot or a text alike enough. Within one channel the source
// key already makes a repeat of the same item a no-op, and two items are two
// reports on purpose (two rows of one export, two calls).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/domain/complaint.hpp"
#include "core/store/store.hpp"

namespace qloop::workflow {

struct DuplicatePolicy {
  bool link = true;                // [intake] link_duplicates
  bool other_channels_only = true; // [intake] duplicate_channels = other | any
  int window_days = 14;            // [intake] duplicate_window_days: either side of received_at
  double min_similarity = 0.5;     // [intake] duplicate_similarity: text_similarity for a product match
  std::size_t max_candidates = 20; // per look-up (order, product): the earliest ones
};

struct DuplicateMatch {
  domain::Complaint first;
  double similarity = 0; // of the two phenomenon texts
  std::string why;       // "same customer and order PO-7 (PCBA-X100), 2 days apart; text 0.64 alike"
};

// Call inside a store transaction.
std::optional<DuplicateMatch> find_probable_duplicate(store::Store &store, const domain::Complaint &incoming,
                                                      const DuplicatePolicy &policy);

} // namespace qloop::workflow
