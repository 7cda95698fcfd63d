// Helpers shared by the host's unit tests: temporary folders and config files.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace qloop::testing {

// A folder under the system temp dir, removed with everything in it.
class TempDir {
public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("qloop-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;
  const std::filesystem::path &path() const { return path_; }
  std::filesystem::path write(const std::string &name, const std::string &content) const {
    auto file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }

private:
  std::filesystem::path path_;
};

inline std::string read_text(const std::filesystem::path &file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline const std::filesystem::path kTestPlugins = QLOOP_TEST_PLUGIN_DIR;

} // namespace qloop::testing
