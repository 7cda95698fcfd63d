#include "settings.hpp"

#include <stdexcept>

#include <qloop/plugin.hpp>

#include "row_keys.hpp"

namespace qloop::intake_files {

namespace {

[[noreturn]] void bad(const std::string &key, const std::string &why) {
  throw sdk::Error(QLOOP_ERR_CONFIG, "[intake.files] " + key + ": " + why);
}

long long whole(const ConfigGetter &get, const char *key, long long fallback, long long min) {
  auto v = get(key);
  if (!v || v->empty()) return fallback;
  long long n = 0;
  try {
    std::size_t used = 0;
    n = std::stoll(*v, &used);
    if (used != v->size()) throw std::invalid_argument("trailing text");
  } catch (const std::exception &) {
    bad(key, "'" + *v + "' is not a whole number");
  }
  if (n < min) bad(key, "must be at least " + std::to_string(min));
  return n;
}

std::string text(const ConfigGetter &get, const char *key, const std::string &fallback) {
  auto v = get(key);
  return v && !v->empty() ? *v : fallback;
}

std::string lower(std::string s) {
  for (char &c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

} // namespace

Settings read_settings(const ConfigGetter &get) {
  Settings s;
  s.drop_dir = text(get, "drop_dir", "");
  s.done_dir = text(get, "done_dir", "");
  s.failed_dir = text(get, "failed_dir", "");
  if (!s.drop_dir.empty()) {
    if (s.done_dir.empty()) s.done_dir = s.drop_dir / "done";
    if (s.failed_dir.empty()) s.failed_dir = s.drop_dir / "failed";
  }
  s.encoding = lower(text(get, "encoding", "auto"));
  if (s.encoding == "utf8") s.encoding = "utf-8";
  if (s.encoding != "auto" && s.encoding != "utf-8" && s.encoding != "gb18030" && s.encoding != "gbk")
    bad("encoding", "'" + s.encoding + "' is not one of auto, utf-8, gb18030, gbk");
  s.delimiter = text(get, "delimiter", "auto");
  if (s.delimiter != "auto" && s.delimiter != "," && s.delimiter != ";" && s.delimiter != "|" &&
      s.delimiter != "tab" && s.delimiter != "\\t")
    bad("delimiter", "'" + s.delimiter + "' is not one of auto, ',', ';', tab, '|'");
  const std::string tz = text(get, "timezone_offset", "+08:00");
  auto offset = parse_offset(tz);
  if (!offset) bad("timezone_offset", "'" + tz + "' is not an offset like +08:00, -05:00 or Z");
  s.timezone = *offset;
  try {
    const std::string file = text(get, "mapping_file", "");
    if (!file.empty()) s.mapping.add_file(file);
    s.mapping.add_text(text(get, "mapping", ""), "mapping");
  } catch (const std::invalid_argument &e) {
    throw sdk::Error(QLOOP_ERR_CONFIG, std::string("[intake.files] ") + e.what());
  }
  s.channel = text(get, "channel", "file");
  s.sheet = text(get, "sheet", "");
  s.batch_size = static_cast<std::size_t>(whole(get, "batch_size", 500, 1));
  s.max_field_bytes = static_cast<std::size_t>(whole(get, "max_field_bytes", 1 << 20, 1));
  s.max_file_bytes = static_cast<std::size_t>(whole(get, "max_file_bytes", 1ll << 30, 1));
  s.key_columns = parse_key_columns(text(get, "key_columns", ""));
  // filekey:<channel>:<64 hex> must fit the record schema's 512 bytes.
  if (!s.key_columns.empty() && s.channel.size() > 400)
    bad("channel", "longer than 400 bytes, too long to be part of the source keys key_columns makes");
  s.settle_seconds = whole(get, "settle_seconds", 2, 0);
  return s;
}

} // namespace qloop::intake_files
