#include "report_pdf/output_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <qloop/plugin.hpp>
#include <unistd.h>

namespace qloop::reportpdf {

std::string temporary_path(const std::string &path) { return path + ".tmp-" + std::to_string(::getpid()); }

void commit_file(const std::string &temp, const std::string &path) {
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    throw sdk::Error(QLOOP_ERR_IO, "cannot write " + path + ": " + ec.message());
  }
}

void write_file(const std::string &path, std::string_view content) {
  const std::string temp = temporary_path(path);
  std::FILE *f = std::fopen(temp.c_str(), "wb");
  if (f == nullptr) throw sdk::Error(QLOOP_ERR_IO, "cannot write " + path + ": " + std::strerror(errno));
  const bool written = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  const int saved = errno;
  const bool closed = std::fclose(f) == 0;
  if (!written || !closed) {
    std::remove(temp.c_str());
    throw sdk::Error(QLOOP_ERR_IO, "cannot write " + path + ": " + std::strerror(written ? errno : saved));
  }
  commit_file(temp, path);
}

} // namespace qloop::reportpdf
