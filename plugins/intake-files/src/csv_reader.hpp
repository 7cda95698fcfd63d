// Reads a CSV export with libcsv (strict mode) into rows, keeping each row's
// raw bytes. A row with broken quoting is reported as that row's error and
// reading carries on at the next line, so one bad row costs only itself.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "source_table.hpp"

namespace qloop::intake_files {

struct CsvOptions {
  std::string encoding = "auto";  // auto | utf-8 | gb18030 | gbk
  std::string delimiter = "auto"; // auto | , | ; | tab | |
};

// `bytes` must outlive the reader. Throws sdk::InvalidInput when the file as
// a whole cannot be read (a bad option, a UTF-16 file that does not decode).
std::unique_ptr<RowReader> open_csv(std::string_view bytes, const CsvOptions &options);

// The delimiter "auto" picks: the most frequent of , ; tab | outside quotes
// in the first lines; ',' when none occurs.
char sniff_delimiter(std::string_view bytes);

} // namespace qloop::intake_files
