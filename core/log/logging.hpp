// Logging: one named spdlog logger per component ("host", "config",
// "plugins", "plugin.<id>", ...), sharing a console sink on stderr and an
// optional rotating file, in text or JSON-lines format.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>

#include <spdlog/logger.h>

namespace qloop::log {

struct Settings {
  std::string level = "info";                // default level of every logger
  std::map<std::string, std::string> levels; // per-logger overrides, by name
  std::string file;                          // empty: no file
  std::size_t max_size_bytes = 10u * 1024 * 1024;
  std::size_t max_files = 5;
  bool json = false;   // JSON lines instead of text
  bool console = true; // write to stderr
};

// Replaces the sinks and levels of every logger, existing and future.
// Throws std::invalid_argument for an unknown level name.
void configure(const Settings &settings);

// The logger named `name`, made on first use with the configured sinks.
std::shared_ptr<spdlog::logger> get(const std::string &name);

// Parses "trace|debug|info|warn|error|critical|off"; throws std::invalid_argument.
spdlog::level::level_enum parse_level(const std::string &name);

} // namespace qloop::log
