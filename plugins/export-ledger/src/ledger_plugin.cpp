#include "ledger_plugin.hpp"

namespace qloop::ledger {

Defaults LedgerExporterPlugin::configured() const {
  Defaults d;
  d.csv_bom = host().config_bool("csv_bom", d.csv_bom);
  d.csv_injection_guard = host().config_bool("csv_injection_guard", d.csv_injection_guard);
  d.csv_delimiter = host().config_or("csv_delimiter", d.csv_delimiter);
  d.utc_offset = host().config_or("utc_offset", d.utc_offset);
  d.jsonl = host().config_or("jsonl", d.jsonl);
  d.tmpdir = host().config_or("tmpdir", d.tmpdir);
  return d;
}

void LedgerExporterPlugin::begin(std::string_view request_json) {
  export_.reset(); // an export begun again without finish is abandoned
  const auto request = nlohmann::json::parse(request_json, nullptr, false);
  if (request.is_discarded()) throw sdk::InvalidInput("request: not valid JSON");
  Settings settings = parse_settings(request, configured());
  for (const auto &key : settings.ignored_options)
    host().warn("export.ledger: option '" + key + "' is not known and was ignored");
  XlsxOptions xlsx;
  xlsx.zip64 = host().config_bool("zip64", false);
  const std::string what = std::string(format_name(settings.format)) + " to " + settings.output;
  export_ = std::make_unique<LedgerExport>(std::move(settings), xlsx);
  host().info("export.ledger: writing " + what);
}

void LedgerExporterPlugin::write_batch(std::string_view records_json) {
  if (!export_) throw sdk::Error(QLOOP_ERR_INVALID_INPUT, "write_batch before begin");
  export_->write_batch(records_json);
}

std::string LedgerExporterPlugin::finish() {
  if (!export_) throw sdk::Error(QLOOP_ERR_INVALID_INPUT, "finish before begin");
  std::unique_ptr<LedgerExport> done = std::move(export_);
  nlohmann::json summary = done->finish();
  host().info("export.ledger: " + std::to_string(summary.value("complaints", 0)) + " complaints written to " +
              summary.value("output", std::string()));
  return summary.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace qloop::ledger
