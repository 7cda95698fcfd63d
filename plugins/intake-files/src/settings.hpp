// The plugin's configuration section, [intake.files], read and checked once
// per run. A bad value is a CONFIG error naming the key.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "mapping.hpp"
#include "values.hpp"

namespace qloop::intake_files {

struct Settings {
  std::filesystem::path drop_dir, done_dir, failed_dir; // done/failed default under drop_dir
  std::string encoding = "auto";
  std::string delimiter = "auto";
  UtcOffset timezone;
  Mapping mapping = Mapping::defaults();
  std::string channel = "file";
  std::string sheet;
  std::size_t batch_size = 500;
  std::size_t max_field_bytes = 1u << 20;
  // Memory no longer grows with the file (it streams), so this only keeps a
  // stray disk image or database dump out of the drop folder.
  std::size_t max_file_bytes = std::size_t{1} << 30;
  // key_columns: headers or record fields whose values key a row (empty:
  // the file's hash and the row number do).
  std::vector<std::string> key_columns;
  long long settle_seconds = 2;
};

// `get` returns a key's value (defaults applied by the host) or nothing.
// Throws qloop::sdk::Error(QLOOP_ERR_CONFIG, "[intake.files] key: ...").
using ConfigGetter = std::function<std::optional<std::string>(const char *key)>;
Settings read_settings(const ConfigGetter &get);

} // namespace qloop::intake_files
