// A file being imported, read in pieces at given offsets (pread), so that no
// reader ever holds the whole file: the hash pass, the CSV lines and libzip
// all read through one open descriptor. The descriptor also pins the file:
// a rename in the drop folder does not change what is read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include <qloop/plugin.hpp>
#include <sys/stat.h>

namespace qloop::intake_files {

// Bytes read per piece by the hash pass, the CSV reader and the XLSX parts.
constexpr std::size_t kReadChunkBytes = 1u << 20;

// The file changed while it was read (an IO error the drop folder treats as
// "not this time": the file stays for the next run).
class FileChanged : public sdk::Error {
public:
  explicit FileChanged(const std::string &message) : sdk::Error(QLOOP_ERR_IO, message) {}
};

class InputFile {
public:
  // Throws sdk::Error(QLOOP_ERR_IO) when it cannot be opened.
  static InputFile open(const std::filesystem::path &path);
  // An unnamed temporary file (gone when closed) for text decoded on the way
  // in, such as UTF-16 turned into UTF-8.
  static InputFile temporary();

  InputFile(InputFile &&other) noexcept;
  InputFile &operator=(InputFile &&other) noexcept;
  InputFile(const InputFile &) = delete;
  InputFile &operator=(const InputFile &) = delete;
  ~InputFile();

  std::uint64_t size() const { return size_; }
  int fd() const { return fd_; }
  const std::filesystem::path &path() const { return path_; }

  // Up to `n` bytes from `offset`; fewer only at the end of the file.
  // Throws sdk::Error(QLOOP_ERR_IO).
  std::size_t read_at(std::uint64_t offset, char *buf, std::size_t n) const;
  // Temporary files only: adds bytes at the end.
  void append(std::string_view bytes);
  // Throws FileChanged when the file's size or modification
  // time differ from when it was opened: someone wrote to it meanwhile, so
  // what was read may not match its hash.
  void check_unchanged() const;

private:
  InputFile(int fd, std::filesystem::path path);
  int fd_ = -1;
  std::filesystem::path path_;
  std::uint64_t size_ = 0;
  struct timespec modified_ {};
};

} // namespace qloop::intake_files
