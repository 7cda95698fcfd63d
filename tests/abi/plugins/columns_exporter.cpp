// An exporter on the C++ layer that reads the ABI 1.2 column batches: it
// reports what it saw so the tests can check the RecordBatch view (nulls,
// strings that are not NUL-terminated, typed reads).
#include <string>

#include <qloop/plugin.hpp>

namespace {

class ColumnsExporter : public qloop::sdk::ExporterPlugin {
public:
  static constexpr const char *id = "export.test-columns";
  static constexpr const char *name = "Column reader (test)";
  static constexpr const char *version = "1.0.0";
  static constexpr const char *vendor = "qloop tests";
  static constexpr const char *description = "Summarises column batches";
  static constexpr const char *formats[] = {"summary", nullptr};
  using ExporterPlugin::ExporterPlugin;

  void begin(std::string_view) override { seen_.clear(); }
  void write_batch(std::string_view) override { seen_ += "json;"; }
  void write_columns(const qloop::sdk::RecordBatch &batch) {
    using RB = qloop::sdk::RecordBatch;
    const qloop_column *customer = batch.column("customer");
    const qloop_column *quantity = batch.column("quantity_affected");
    const qloop_column *score = batch.column("score");
    if (batch.column("no_such_field") != nullptr) throw std::logic_error("found a column that is not there");
    for (std::size_t row = 0; row < batch.rows(); ++row) {
      seen_ += std::string(RB::text(customer, row, "<null>")) + "|" +
               std::to_string(RB::integer(quantity, row, -1)) + "|" +
               std::to_string(RB::number(score, row, -1.0)).substr(0, 4) + ";";
    }
  }
  std::string finish() override { return seen_; }

private:
  std::string seen_;
};

} // namespace

QLOOP_PLUGIN(ColumnsExporter)
