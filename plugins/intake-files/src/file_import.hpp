// Imports one file: read it (CSV or XLSX), find the header, map and check
// every row, submit good rows in batches and quarantine bad ones. Each row's
// source key is "file:<sha256 of the file bytes>:<row number>", so importing
// the same bytes again (a retry after a crash, or the same export dropped
// under another name) creates nothing twice: the host skips known keys.
#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include <qloop/plugin.h>

#include "settings.hpp"

namespace qloop::intake_files {

// Where rows go. The plugin forwards to the host; tests may record.
class Sink {
public:
  virtual ~Sink() = default;
  // A JSON array of records. Throws (sdk::Error HOST) when refused.
  virtual void submit(std::string_view records_json) = 0;
  virtual void quarantine(const std::string &source_key, std::string_view raw, const std::string &reason) = 0;
  virtual void log(qloop_log_level level, const std::string &message) = 0;
};

// The file cannot be imported at all (missing columns, not a workbook, ...).
class FileRejected : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

struct FileReport {
  std::string name, sha256, format, encoding, sheet;
  std::size_t header_row = 0;
  std::size_t rows = 0;        // data rows seen (blank rows not counted)
  std::size_t submitted = 0;   // records handed to the host
  std::size_t quarantined = 0; // rows kept aside with a reason
  std::size_t batches = 0;
};

// "file:<sha256>:<row>".
std::string row_source_key(const std::string &sha256, std::size_t row);

// The whole file; sdk::Error(QLOOP_ERR_IO) when it cannot be read,
// FileRejected when it is larger than `max_bytes`.
std::string read_file_bytes(const std::filesystem::path &path, std::size_t max_bytes);

// `name` is the file name used in messages and record.extra._source; `sha256`
// the hex digest of `bytes`. Throws FileRejected for a file-level problem
// (nothing was submitted then), or the sink's error when it refuses a batch
// (the batches before it were accepted; a re-run is safe).
FileReport import_bytes(const std::string &name, std::string_view bytes, const std::string &sha256,
                        const Settings &settings, Sink &sink);

} // namespace qloop::intake_files
