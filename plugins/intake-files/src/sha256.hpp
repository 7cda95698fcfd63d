// SHA-256 of a file's bytes (OpenSSL libcrypto), the identity in source keys.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "input_file.hpp"

namespace qloop::intake_files {

std::string sha256_hex(std::string_view bytes); // 64 lower-case hex digits

// The same for a file read in pieces of kReadChunkBytes, so memory does not
// grow with the file; `also` sees each piece too (the UTF-8 census).
std::string sha256_file(const InputFile &file, const std::function<void(std::string_view)> &also = {});
std::string sha256_file(const std::filesystem::path &path);

} // namespace qloop::intake_files
