// A buffered output file that turns every failed write into sdk::Error (IO)
// naming the file, so a full disk is reported instead of a short ledger.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include <qloop/plugin.hpp>

namespace qloop::ledger {

class FileWriter {
public:
  explicit FileWriter(std::string path) : path_(std::move(path)) {
    file_ = std::fopen(path_.c_str(), "wb");
    if (file_ == nullptr) throw sdk::Error(QLOOP_ERR_IO, "cannot create " + path_);
    std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
  }
  ~FileWriter() {
    if (file_ != nullptr) std::fclose(file_);
  }
  FileWriter(const FileWriter &) = delete;
  FileWriter &operator=(const FileWriter &) = delete;

  void write(std::string_view bytes) {
    if (bytes.empty()) return;
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
      throw sdk::Error(QLOOP_ERR_IO, "cannot write " + path_ + " (disk full?)");
  }
  void close() {
    std::FILE *f = file_;
    file_ = nullptr;
    if (std::fclose(f) != 0)
      throw sdk::Error(QLOOP_ERR_IO, "cannot finish writing " + path_ + " (disk full?)");
  }

private:
  std::string path_;
  std::FILE *file_ = nullptr;
};

} // namespace qloop::ledger
