#pragma once

#include <filesystem>
#include <string>

namespace qloop::plugins {

// Lower-case hex SHA-256 of a file's bytes (OpenSSL). Throws std::runtime_error.
std::string sha256_file(const std::filesystem::path &file);

} // namespace qloop::plugins
