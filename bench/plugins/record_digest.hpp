// The work both sides of the boundary benchmark do: read each complaint
// record and fold a few fields into a digest. Header-only so the benchmark
// can call it directly and the plugin can wrap it, with the same code.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace qloop::bench {

struct Digest {
  std::uint64_t records = 0;
  std::uint64_t quantity = 0;
  std::uint64_t text_bytes = 0;
};

struct Record {
  std::string source_key, channel, received_at, customer, contact, product_model, lot, order_number;
  std::int64_t quantity_affected = 0;
  std::string phenomenon, reporter, category, severity;
};

inline void fold(Digest &d, std::int64_t quantity, std::size_t text_bytes) {
  d.records += 1;
  d.quantity += static_cast<std::uint64_t>(quantity);
  d.text_bytes += text_bytes;
}

// Direct C++: the host's own structs.
inline void digest_records(Digest &d, const Record *records, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    fold(d, records[i].quantity_affected, records[i].phenomenon.size() + records[i].customer.size());
}

// From the JSON batch a plugin receives.
inline void digest_json(Digest &d, std::string_view batch) {
  auto records = nlohmann::json::parse(batch);
  for (const auto &r : records)
    fold(d, r.value("quantity_affected", std::int64_t{0}),
         r["phenomenon"].get_ref<const std::string &>().size() + r["customer"].get_ref<const std::string &>().size());
}

} // namespace qloop::bench
