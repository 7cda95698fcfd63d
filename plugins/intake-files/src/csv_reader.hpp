// Reads a CSV export with libcsv (strict mode) into rows, keeping each row's
// raw bytes. The file streams in chunks, one physical line at a time, so
// memory follows the longest row, not the file. A row with broken quoting is
// reported as that row's error and reading carries on at the next line, so
// one bad row costs only itself.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "encoding.hpp"
#include "input_file.hpp"
#include "source_table.hpp"

namespace qloop::intake_files {

struct CsvOptions {
  std::string encoding = "auto";  // auto | utf-8 | gb18030 | gbk
  std::string delimiter = "auto"; // auto | , | ; | tab | |
  // A row longer than this is quarantined, cut to this many bytes, and
  // reading goes on after it; it bounds what one row may hold in memory.
  std::size_t max_row_bytes = 64u << 20;
};

// `census` is the whole file's (from the hash pass), for encoding = auto.
// `file` must outlive the reader. Throws sdk::InvalidInput when the file as
// a whole cannot be read (a bad option, a UTF-16 file that does not decode).
std::unique_ptr<RowReader> open_csv(const InputFile &file, const CsvOptions &options,
                                    const Utf8Census &census);

// The delimiter "auto" picks: the most frequent of , ; tab | outside quotes
// in the first lines; ',' when none occurs.
char sniff_delimiter(std::string_view bytes);

} // namespace qloop::intake_files
