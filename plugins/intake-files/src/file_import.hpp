// Imports one file: read it (CSV or XLSX), find the header, map and check
// every row, submit good rows in batches and quarantine bad ones. Each row's
// source key is "file:<sha256 of the file bytes>:<row number>", so importing
// the same bytes again (a retry after a crash, or the same export dropped
// under another name) creates nothing twice: the host skips known keys. With
// key_columns it is made from the row's values instead (see row_keys.hpp).
// The file is read in chunks twice (hash, then rows), never held whole.
#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include <qloop/plugin.h>

#include "encoding.hpp"
#include "input_file.hpp"
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

// `path` opened for import; sdk::Error(QLOOP_ERR_IO) when it cannot be
// opened, FileRejected when it is larger than `max_bytes`.
InputFile open_input(const std::filesystem::path &path, std::size_t max_bytes);

struct ScannedFile {
  std::string sha256; // of the whole file, hex
  Utf8Census census;  // how much of it is UTF-8 (CSV only; empty for a ZIP)
};

// One pass over the file in chunks. sdk::Error(QLOOP_ERR_IO) when it cannot
// be read or changed while being read.
ScannedFile scan_file(const InputFile &file);

// `name` is the file name used in messages and record.extra._source; `scan`
// is scan_file(file). Throws FileRejected for a file-level problem (nothing
// was submitted then), the sink's error when it refuses a batch (the
// batches before it were accepted; a re-run is safe), or FileChanged when
// the file was written to during the import.
FileReport import_file(const std::string &name, const InputFile &file, const ScannedFile &scan,
                       const Settings &settings, Sink &sink);

} // namespace qloop::intake_files
