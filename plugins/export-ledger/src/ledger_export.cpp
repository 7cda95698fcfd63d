#include "ledger_export.hpp"

#include <stdexcept>
#include <string>

#include <qloop/plugin.hpp>

#include "csv_sink.hpp"
#include "jsonl_sink.hpp"

namespace qloop::ledger {
namespace {

using nlohmann::json;

std::unique_ptr<Sink> make_sink(const Settings &s, const std::string &path, const XlsxOptions &xlsx) {
  switch (s.format) {
  case Format::Xlsx: return std::make_unique<XlsxSink>(s, path, xlsx);
  case Format::Csv: return std::make_unique<CsvSink>(s, path);
  case Format::Jsonl: return std::make_unique<JsonlSink>(s, path);
  }
  throw sdk::Unsupported("format not supported");
}

// "batch 3, record 17 (QC-2025-00042)": where a bad case file sits.
std::string position(std::size_t batch, std::size_t index, const json &record) {
  std::string where = "batch " + std::to_string(batch) + ", record " + std::to_string(index + 1);
  if (record.is_object()) {
    auto c = record.find("complaint");
    if (c != record.end() && c->is_object()) {
      auto n = c->find("number");
      if (n != c->end() && n->is_string()) where += " (" + n->get<std::string>() + ")";
    }
  }
  return where;
}

} // namespace

LedgerExport::LedgerExport(Settings settings, XlsxOptions xlsx)
    : settings_(std::move(settings)), output_(std::make_unique<OutputFile>(settings_.output)),
      sink_(make_sink(settings_, output_->part_path(), xlsx)) {}

void LedgerExport::write_batch(std::string_view records_json) {
  if (finished_) throw sdk::Error(QLOOP_ERR_INVALID_INPUT, "write_batch after finish");
  if (failed_)
    throw sdk::Error(QLOOP_ERR_INVALID_INPUT, "an earlier batch failed; this export cannot continue");
  const std::size_t batch = ++batches_;
  failed_ = true; // until this batch went through
  json records;
  try {
    records = json::parse(records_json);
  } catch (const json::parse_error &e) {
    throw sdk::InvalidInput("batch " + std::to_string(batch) + ": not valid JSON: " + e.what());
  }
  if (!records.is_array())
    throw sdk::InvalidInput("batch " + std::to_string(batch) + ": expected a JSON array of case files");
  for (std::size_t i = 0; i < records.size(); ++i) {
    const json &record = records[i];
    try {
      sink_->write(record);
    } catch (const std::invalid_argument &e) { // the row builder's "not a case file"
      throw sdk::InvalidInput(position(batch, i, record) + ": " + e.what());
    }
    ++complaints_;
    if (auto a = record.find("actions"); a != record.end() && a->is_array())
      for (const auto &action : *a) actions_ += action.is_object() ? 1 : 0;
  }
  failed_ = false;
}

json LedgerExport::finish() {
  if (finished_) throw sdk::Error(QLOOP_ERR_INVALID_INPUT, "finish called twice");
  if (failed_)
    throw sdk::Error(QLOOP_ERR_INVALID_INPUT, "an earlier batch failed; the ledger was not written");
  finished_ = true;
  json summary = {{"output", settings_.output},
                  {"format", format_name(settings_.format)},
                  {"lang", settings_.lang == Lang::ZhCN ? "zh-CN" : "en"},
                  {"complaints", complaints_},
                  {"actions", actions_},
                  {"filters", settings_.filters}};
  sink_->finish(summary);
  sink_.reset();
  output_->commit();
  if (!settings_.ignored_options.empty()) summary["ignored_options"] = settings_.ignored_options;
  return summary;
}

} // namespace qloop::ledger
