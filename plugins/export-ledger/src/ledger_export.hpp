// One ledger export from begin to finish, independent of the host: checks
// each batch of case files, hands them to the format's sink one by one, and
// commits the file only when everything was written.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include <nlohmann/json.hpp>

#include "export_settings.hpp"
#include "output_file.hpp"
#include "sink.hpp"
#include "xlsx_sink.hpp"

namespace qloop::ledger {

class LedgerExport {
public:
  // Creates the output's temporary file; throws sdk::Error on failure.
  explicit LedgerExport(Settings settings, XlsxOptions xlsx = {});

  // A JSON array of case files. Throws sdk::InvalidInput naming the batch and
  // record for input that is not that; the export is then unusable.
  void write_batch(std::string_view records_json);

  // Completes and commits the file; returns the summary
  // {"output","format","lang","complaints","actions","filters",...}.
  nlohmann::json finish();

private:
  Settings settings_;
  std::unique_ptr<OutputFile> output_; // declared before sink_: removed after the sink closed it
  std::unique_ptr<Sink> sink_;
  std::size_t batches_ = 0;
  std::size_t complaints_ = 0;
  std::size_t actions_ = 0;
  bool failed_ = false;
  bool finished_ = false;
};

} // namespace qloop::ledger
