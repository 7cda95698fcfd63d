// Physical lines of a file read in chunks, each with its terminator (LF,
// CRLF, or a lone CR as old Mac exports end lines). A line that crosses a
// chunk boundary is put together, so a GBK character or a CRLF split by the
// boundary arrives whole. Lines remember where they start, so the CSV reader
// can go back and read again after a quote that never closed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "input_file.hpp"

namespace qloop::intake_files {

class LineReader {
public:
  LineReader(const InputFile &file, std::uint64_t start, std::size_t chunk_bytes = kReadChunkBytes);

  // The next line, valid until the next call; false at the end of the file.
  bool next(std::string_view &line);
  std::uint64_t line_start() const { return line_start_; } // offset of the line last returned
  std::uint64_t position() const { return pos_; }          // offset just after it
  void seek(std::uint64_t offset);

private:
  bool fill();

  const InputFile &file_;
  std::vector<char> buf_;
  std::size_t at_ = 0, len_ = 0; // unread bytes are buf_[at_, len_)
  std::uint64_t buf_offset_ = 0; // file offset of buf_[0]
  std::uint64_t pos_ = 0;        // file offset of buf_[at_]
  std::uint64_t line_start_ = 0;
  std::string spill_; // a line that crossed a chunk boundary
};

} // namespace qloop::intake_files
