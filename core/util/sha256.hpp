// SHA-256 as lower-case hex (OpenSSL): plugin pins, intake keys.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace qloop::util {

// Of a file's bytes. Throws std::runtime_error when it cannot be read.
std::string sha256_file(const std::filesystem::path &file);
// Of bytes in memory.
std::string sha256_hex(std::string_view bytes);

} // namespace qloop::util
