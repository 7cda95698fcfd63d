// How a webhook payload (online service, chat, social-media connectors)
// becomes standard records: each record field is read from a JSON pointer
// into the item; the whole item is kept in extra.payload, so nothing is lost.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace qloop::webhook {

struct Mapping {
  std::map<std::string, nlohmann::json::json_pointer> fields; // record field -> pointer into an item
  nlohmann::json::json_pointer items;                         // where the item array is ("" = the payload)
  std::string channel = "webhook";                            // record.channel
  std::string key_prefix = "webhook";                         // source_key = prefix:id
};

// "customer=/customer/name; phenomenon=/text" (';' or newlines between
// pairs). Throws std::invalid_argument naming the bad pair.
Mapping parse_mapping(const std::string &text);
inline constexpr const char *kDefaultMapping =
    "source_key=/id; received_at=/created_at; customer=/customer; contact=/contact; "
    "product_model=/product; lot=/lot; order_number=/order; quantity_affected=/quantity; "
    "phenomenon=/text; reporter=/reporter; category=/category; severity=/severity";

// An item that could not become a record, with why.
struct Rejected {
  std::string source_key;
  std::string raw;
  std::string reason;
};

struct Converted {
  nlohmann::json records = nlohmann::json::array();
  std::vector<Rejected> rejected;
};

// The payload's items as records. `received_now` (ISO 8601) stands in for a
// missing received_at. `payload_hash` names items without an id.
Converted convert(const nlohmann::json &payload, const Mapping &mapping, const std::string &received_now,
                  const std::string &payload_hash);

} // namespace qloop::webhook
