// SHA-256 of a file's bytes (OpenSSL libcrypto), the identity in source keys.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace qloop::intake_files {

std::string sha256_hex(std::string_view bytes); // 64 lower-case hex digits

// The same for a file read in pieces (for files too large to hold).
std::string sha256_file(const std::filesystem::path &path);

} // namespace qloop::intake_files
