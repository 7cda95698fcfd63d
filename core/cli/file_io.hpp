// Files named on the command line: inputs read whole, outputs checked before
// any work is done, so a typo fails in a second, not after a long export.
#pragma once

#include <filesystem>
#include <string>

namespace qloop::cli {

// The file's bytes; CommandError(kExitInvalidInput) naming the file if unreadable.
std::string read_input_file(const std::string &path);

// An absolute output path whose folder exists and which is not a folder
// itself; CommandError(kExitUsage) otherwise.
std::filesystem::path checked_output_path(const std::string &path);

} // namespace qloop::cli
