// What one export is asked to do: the begin() request (format, output, lang,
// options) over the plugin's configured defaults, checked once up front so a
// bad option fails before any file is touched.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "labels.hpp"
#include "ledger_rows.hpp"

namespace qloop::ledger {

enum class Format { Xlsx, Csv, Jsonl };
enum class JsonlShape { Complaint, CaseFile };

// The [export.ledger] section, as the host hands it over (defaults applied).
struct Defaults {
  bool csv_bom = false;
  bool csv_injection_guard = true;
  std::string csv_delimiter = ",";
  std::string utc_offset = "+00:00";
  std::string jsonl = "complaint";
  std::string tmpdir; // empty: the output file's directory
};

struct Settings {
  Format format = Format::Xlsx;
  std::string output; // absolute path, checked by the host
  Lang lang = Lang::En;
  bool bom = false;
  bool injection_guard = true;
  char delimiter = ',';
  Table csv_table = Table::Complaints;
  JsonlShape jsonl = JsonlShape::Complaint;
  int utc_offset_minutes = 0;
  std::string tmpdir;
  nlohmann::json filters = nlohmann::json::object(); // echoed, never applied (the host filters)
  std::vector<std::string> ignored_options;          // unknown keys, for a warning
};

// Throws qloop::sdk::InvalidInput naming the field and the rule, or
// qloop::sdk::Unsupported for a format this plugin does not write.
Settings parse_settings(const nlohmann::json &request, const Defaults &defaults);

const char *format_name(Format format);

} // namespace qloop::ledger
