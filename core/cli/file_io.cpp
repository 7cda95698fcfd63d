#include "core/cli/file_io.hpp"

#include <fstream>
#include <sstream>

#include "core/cli/exit_codes.hpp"

namespace qloop::cli {

std::string read_input_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CommandError{kExitInvalidInput, "cannot read input file " + path};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::filesystem::path checked_output_path(const std::string &path) {
  namespace fs = std::filesystem;
  if (path.empty()) throw CommandError{kExitUsage, "--out is required"};
  std::error_code ec;
  fs::path out = fs::absolute(path, ec);
  if (ec) throw CommandError{kExitUsage, "bad output path " + path + ": " + ec.message()};
  out = out.lexically_normal();
  if (fs::is_directory(out, ec))
    throw CommandError{kExitUsage, path + " is a folder; name the file to write"};
  if (!fs::is_directory(out.parent_path(), ec))
    throw CommandError{kExitUsage,
                       "the folder of " + path + " does not exist: " + out.parent_path().string()};
  return out;
}

} // namespace qloop::cli
