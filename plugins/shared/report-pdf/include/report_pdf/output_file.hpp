// Reports are written under a temporary name beside the target and renamed
// into place, so a failed export never leaves half a file where a good one
// was expected.
#pragma once

#include <string>
#include <string_view>

namespace qloop::reportpdf {

// "<path>.tmp-<pid>": same directory, so the rename is atomic.
std::string temporary_path(const std::string &path);

// Moves `temp` to `path`; removes `temp` and throws qloop::sdk::Error(IO) on failure.
void commit_file(const std::string &temp, const std::string &path);

// Writes `content` to `path` through a temporary file.
void write_file(const std::string &path, std::string_view content);

} // namespace qloop::reportpdf
