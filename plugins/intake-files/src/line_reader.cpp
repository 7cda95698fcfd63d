#include "line_reader.hpp"

namespace qloop::intake_files {

LineReader::LineReader(const InputFile &file, std::uint64_t start, std::size_t chunk_bytes)
    : file_(file), buf_(chunk_bytes == 0 ? 1 : chunk_bytes), buf_offset_(start), pos_(start),
      line_start_(start) {}

bool LineReader::fill() {
  buf_offset_ = pos_;
  at_ = 0;
  len_ = file_.read_at(pos_, buf_.data(), buf_.size());
  return len_ > 0;
}

void LineReader::seek(std::uint64_t offset) {
  if (offset >= buf_offset_ && offset <= buf_offset_ + len_) {
    at_ = static_cast<std::size_t>(offset - buf_offset_);
  } else {
    at_ = len_ = 0;
    buf_offset_ = offset;
  }
  pos_ = offset;
}

bool LineReader::next(std::string_view &line) {
  spill_.clear();
  line_start_ = pos_;
  for (;;) {
    if (at_ == len_ && !fill()) break;
    const char *b = buf_.data() + at_;
    const std::size_t n = len_ - at_;
    std::size_t i = 0;
    while (i < n && b[i] != '\n' && b[i] != '\r') ++i;
    if (i == n) { // no terminator in this chunk: keep the piece, read on
      spill_.append(b, n);
      at_ = len_;
      pos_ += n;
      continue;
    }
    std::size_t end = i + 1;
    if (b[i] == '\r' && end == n) {
      // A CR that ends the chunk: its LF, if any, starts the next one.
      spill_.append(b, end);
      at_ = len_;
      pos_ += end;
      if (fill() && buf_[0] == '\n') {
        spill_ += '\n';
        at_ = 1;
        ++pos_;
      }
      line = spill_;
      return true;
    }
    if (b[i] == '\r' && b[end] == '\n') ++end;
    at_ += end;
    pos_ += end;
    if (spill_.empty()) {
      line = std::string_view(b, end);
    } else {
      spill_.append(b, end);
      line = spill_;
    }
    return true;
  }
  if (spill_.empty()) return false;
  line = spill_; // the last line, without a terminator
  return true;
}

} // namespace qloop::intake_files
