#include "input_file.hpp"

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include <fcntl.h>
#include <qloop/plugin.hpp>
#include <unistd.h>

namespace qloop::intake_files {
namespace {

[[noreturn]] void io_error(const std::string &what, int err) {
  throw sdk::Error(QLOOP_ERR_IO, what + ": " + std::strerror(err));
}

} // namespace

InputFile::InputFile(int fd, std::filesystem::path path) : fd_(fd), path_(std::move(path)) {
  struct stat st {};
  if (::fstat(fd_, &st) != 0) {
    const int err = errno;
    ::close(fd_);
    fd_ = -1;
    io_error("cannot read " + path_.string(), err);
  }
  size_ = static_cast<std::uint64_t>(st.st_size);
  modified_ = st.st_mtim;
}

InputFile InputFile::open(const std::filesystem::path &path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) io_error("cannot open " + path.string(), errno);
  return InputFile(fd, path);
}

InputFile InputFile::temporary() {
  std::string pattern = (std::filesystem::temp_directory_path() / "qloop-intake-files-XXXXXX").string();
  const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) io_error("cannot create a temporary file in " + pattern, errno);
  ::unlink(pattern.c_str()); // unnamed from here on: nothing to clean up after a crash
  return InputFile(fd, pattern);
}

InputFile::InputFile(InputFile &&other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)), size_(other.size_),
      modified_(other.modified_) {}

InputFile &InputFile::operator=(InputFile &&other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
    size_ = other.size_;
    modified_ = other.modified_;
  }
  return *this;
}

InputFile::~InputFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::size_t InputFile::read_at(std::uint64_t offset, char *buf, std::size_t n) const {
  std::size_t done = 0;
  while (done < n) {
    const ssize_t got = ::pread(fd_, buf + done, n - done, static_cast<off_t>(offset + done));
    if (got < 0) {
      if (errno == EINTR) continue;
      io_error("cannot read " + path_.string(), errno);
    }
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  return done;
}

void InputFile::append(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t put = ::pwrite(fd_, bytes.data(), bytes.size(), static_cast<off_t>(size_));
    if (put < 0) {
      if (errno == EINTR) continue;
      io_error("cannot write the temporary file " + path_.string(), errno);
    }
    size_ += static_cast<std::uint64_t>(put);
    bytes.remove_prefix(static_cast<std::size_t>(put));
  }
}

void InputFile::check_unchanged() const {
  struct stat st {};
  if (::fstat(fd_, &st) != 0) io_error("cannot read " + path_.string(), errno);
  if (static_cast<std::uint64_t>(st.st_size) != size_ || st.st_mtim.tv_sec != modified_.tv_sec ||
      st.st_mtim.tv_nsec != modified_.tv_nsec)
    throw FileChanged("cannot read " + path_.string() +
                      ": it changed while being read (still being copied?); it stays for the next run");
}

} // namespace qloop::intake_files
