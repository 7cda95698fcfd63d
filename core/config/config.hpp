// Host configuration: read with Boost.PropertyTree from INI (default), JSON or
// XML by file extension, checked key by key against the host's own schema
// (config/host_schema.cpp). Each plugin owns the section named by its id.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/property_tree/ptree.hpp>

#include "core/log/logging.hpp"

namespace qloop::config {

// One finding about the configuration: file, key and what was expected.
struct Diagnostic {
  enum class Severity { Warning, Error };
  Severity severity;
  std::string file;
  std::string section; // "" for the whole file
  std::string key;     // "" for the whole section
  std::string message;

  std::string text() const; // "qloop.ini: [log] level: expected one of ..."
};

// A configuration that cannot be used at all (unreadable, unparsable, or
// with errors). what() lists every error.
class ConfigError : public std::runtime_error {
public:
  explicit ConfigError(const std::string &message) : std::runtime_error(message) {}
};

// [intake]: what every channel's records go through (docs/config.md).
struct IntakeSettings {
  bool link_duplicates = true;                // fold probable duplicates into the first report
  bool duplicates_across_any_channel = false; // duplicate_channels = any (default: other)
  int duplicate_window_days = 14;             // either side of the new complaint's received time
  double duplicate_similarity = 0.5;          // text likeness (0..1) a same-product match needs
};

// [classify]: automatic classification and routing at intake (docs/classify.md).
struct ClassifySettings {
  std::string plugin = "analysis.classify"; // empty: intake does not classify
  std::filesystem::path model_dir;          // default <data_dir>/models/classify
  double triage_below = 0.6;
  std::filesystem::path routing; // routing rules (INI); empty: no assignment
};

struct HostSettings {
  std::filesystem::path data_dir;
  std::vector<std::filesystem::path> plugin_dirs;
  bool enable_all = true;                  // plugins.enabled = *
  std::vector<std::string> enabled;        // plugin ids, when not enable_all
  std::map<std::string, std::string> pins; // plugin id -> lower-case SHA-256 hex
  std::filesystem::path store_path;        // the SQLite ledger file
  std::filesystem::path sla_policy;        // SLA policy file; empty: built-in defaults
  log::Settings log;
  IntakeSettings intake;
  ClassifySettings classify;
};

class Config {
public:
  // Reads `file` (an empty path gives the built-in defaults). Applies the
  // QLOOP_DATA_DIR override. Throws ConfigError when the file cannot be read or
  // parsed; other problems are collected in diagnostics().
  static Config load(const std::filesystem::path &file);

  // The file to use: `explicit_path` if given, else $QLOOP_CONFIG, else
  // <exe>/../etc/qloop/qloop.ini, else /etc/qloop/qloop.ini, else none.
  static std::filesystem::path locate(const std::filesystem::path &explicit_path);

  const std::filesystem::path &file() const { return file_; }
  const HostSettings &host() const { return host_; }
  const std::vector<Diagnostic> &diagnostics() const { return diagnostics_; }
  bool has_errors() const;
  void add(Diagnostic d) { diagnostics_.push_back(std::move(d)); }

  // The section named `name` (a plugin id such as "analysis.doe"), or null.
  const boost::property_tree::ptree *section(const std::string &name) const;
  // Every section name in the file, in file order.
  std::vector<std::string> section_names() const;

private:
  std::filesystem::path file_;
  boost::property_tree::ptree tree_;
  HostSettings host_;
  std::vector<Diagnostic> diagnostics_;
};

// The directory of the running executable (for paths relative to the install).
std::filesystem::path executable_dir();

} // namespace qloop::config
