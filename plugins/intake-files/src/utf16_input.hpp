// Excel's "Unicode text" export is UTF-16 with a byte order mark: its CSV
// syntax sits between NUL bytes, so the file is first turned into UTF-8,
// in pieces, into an unnamed temporary file that the CSV reader then reads
// like any other (a 1 GB export needs disk, not memory).
#pragma once

#include <cstdint>
#include <string>

#include "encoding.hpp"
#include "input_file.hpp"

namespace qloop::intake_files {

// Decodes `in` from `start` (past the byte order mark) as `from` (UTF-16LE
// or UTF-16BE). Throws sdk::InvalidInput naming the first bad byte's offset
// in the file; `why` says what made the file UTF-16 ("UTF-16LE byte order mark").
InputFile utf16_to_utf8(const InputFile &in, std::uint64_t start, Encoding from, const std::string &why);

} // namespace qloop::intake_files
