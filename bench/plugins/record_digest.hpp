// The work both sides of the boundary benchmark do: read each complaint
// record and fold a few fields into a digest. Header-only so the benchmark
// can call it directly and the plugin can wrap it, with the same code.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <qloop/plugin.h>

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

// The fields of Record as ABI 1.2 columns pointing into the records (no
// copies of the text): what a host does instead of writing JSON.
class ColumnBuilder {
public:
  static constexpr std::size_t kStringFields = 12;
  void build(const Record *records, std::size_t n) {
    static constexpr const char *names[kStringFields] = {
        "source_key", "channel",      "received_at", "customer", "contact",  "product_model",
        "lot",        "order_number", "phenomenon",  "reporter", "category", "severity"};
    for (std::size_t f = 0; f < kStringFields; ++f) {
      strings_[f].resize(n);
      lengths_[f].resize(n);
    }
    ints_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const Record &r = records[i];
      const std::string *fields[kStringFields] = {
          &r.source_key, &r.channel,      &r.received_at, &r.customer, &r.contact,  &r.product_model,
          &r.lot,        &r.order_number, &r.phenomenon,  &r.reporter, &r.category, &r.severity};
      for (std::size_t f = 0; f < kStringFields; ++f) {
        strings_[f][i] = fields[f]->data();
        lengths_[f][i] = fields[f]->size();
      }
      ints_[i] = r.quantity_affected;
    }
    for (std::size_t f = 0; f < kStringFields; ++f)
      columns_[f] = {sizeof(qloop_column), QLOOP_VALUE_STRING, names[f], nullptr,
                     strings_[f].data(),   lengths_[f].data(), nullptr,  nullptr};
    columns_[kStringFields] = {
        sizeof(qloop_column), QLOOP_VALUE_INT, "quantity_affected", nullptr, nullptr, nullptr,
        ints_.data(),         nullptr};
    batch_ = {sizeof(qloop_record_batch), kStringFields + 1, n, columns_};
  }
  const qloop_record_batch &batch() const { return batch_; }

private:
  std::vector<const char *> strings_[kStringFields];
  std::vector<size_t> lengths_[kStringFields];
  std::vector<std::int64_t> ints_;
  qloop_column columns_[kStringFields + 1]{};
  qloop_record_batch batch_{};
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
         r["phenomenon"].get_ref<const std::string &>().size() +
             r["customer"].get_ref<const std::string &>().size());
}

} // namespace qloop::bench
