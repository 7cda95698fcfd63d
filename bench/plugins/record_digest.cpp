// Benchmark plugin: an exporter whose write_batch digests a batch of complaint
// records, exactly as bench/plugins/record_digest.hpp does when called directly.
#include "record_digest.hpp"

#include <qloop/plugin.hpp>

namespace {

class RecordDigest : public qloop::sdk::ExporterPlugin {
public:
  static constexpr const char *id = "export.bench-digest";
  static constexpr const char *name = "Record digest (benchmark)";
  static constexpr const char *version = "1.0.0";
  static constexpr const char *vendor = "qloop";
  static constexpr const char *description = "Digests record batches to measure the boundary";
  static constexpr const char *formats[] = {"digest", nullptr};
  using ExporterPlugin::ExporterPlugin;

  void begin(std::string_view) override { digest_ = {}; }
  void write_batch(std::string_view records) override { qloop::bench::digest_json(digest_, records); }
  // The ABI 1.2 fast path: the same digest from host-owned columns.
  void write_columns(const qloop::sdk::RecordBatch &batch) {
    using RB = qloop::sdk::RecordBatch;
    const qloop_column *quantity = batch.column("quantity_affected");
    const qloop_column *phenomenon = batch.column("phenomenon");
    const qloop_column *customer = batch.column("customer");
    for (std::size_t row = 0; row < batch.rows(); ++row)
      qloop::bench::fold(digest_, RB::integer(quantity, row),
                         RB::text(phenomenon, row).size() + RB::text(customer, row).size());
  }
  std::string finish() override {
    return "{\"records\":" + std::to_string(digest_.records) +
           ",\"quantity\":" + std::to_string(digest_.quantity) +
           ",\"text_bytes\":" + std::to_string(digest_.text_bytes) + "}";
  }

private:
  qloop::bench::Digest digest_;
};

} // namespace

QLOOP_PLUGIN(RecordDigest)
