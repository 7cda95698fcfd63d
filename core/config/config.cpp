#include "core/config/config.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>

#include <boost/property_tree/ini_parser.hpp>
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include "core/config/value_parsing.hpp"

namespace qloop::config {
namespace pt = boost::property_tree;
namespace fs = std::filesystem;

namespace {

// Keys contain dots (plugin ids), so paths into the tree use '/'.
pt::ptree::path_type path(const std::string &p) { return pt::ptree::path_type(p, '/'); }

bool looks_like_plugin_id(const std::string &name) {
  static const std::regex id(R"([a-z][a-z0-9_-]*\.[a-z0-9][a-z0-9_.-]*)");
  return std::regex_match(name, id);
}

// The host's own keys: section -> key -> reader. A reader checks and stores one
// value, returning an expectation message when the text does not fit.
using Reader =
    std::function<std::optional<std::string>(const std::string &value, HostSettings &, const fs::path &base)>;

fs::path resolve(const fs::path &base, const std::string &value) {
  fs::path p(value);
  return p.is_relative() && !base.empty() ? base / p : p;
}

std::optional<std::string> read_level(const std::string &v, std::string &out) {
  try {
    log::parse_level(trim(v));
  } catch (const std::invalid_argument &e) {
    return std::string(e.what());
  }
  out = trim(v);
  return std::nullopt;
}

const std::map<std::string, std::map<std::string, Reader>> &host_schema() {
  static const std::map<std::string, std::map<std::string, Reader>> schema =
      {
          {"host",
           {{"data_dir",
             [](const std::string &v, HostSettings &s, const fs::path &base) -> std::optional<std::string> {
               if (!trim(v).empty()) s.data_dir = resolve(base, trim(v));
               return std::nullopt;
             }}}},
          {"store",
           {{"path",
             [](const std::string &v, HostSettings &s, const fs::path &) -> std::optional<std::string> {
               s.store_path = trim(v); // relative to data_dir, resolved once data_dir is final
               return std::nullopt;
             }}}},
          {"sla",
           {{"policy",
             [](const std::string &v, HostSettings &s, const fs::path &base) -> std::optional<std::string> {
               if (!trim(v).empty()) s.sla_policy = resolve(base, trim(v));
               return std::nullopt;
             }}}},
          {"intake",
           {{"link_duplicates",
             [](const std::string &v, HostSettings &s, const fs::path &) -> std::optional<std::string> {
               auto b = parse_bool(v);
               if (!b) return "expected true or false";
               s.intake.link_duplicates = *b;
               return std::nullopt;
             }},
            {"duplicate_channels",
             [](const std::string &v, HostSettings &s, const fs::path &) -> std::optional<std::string> {
               const auto t = trim(v);
               if (t != "other" && t != "any") return "expected 'other' or 'any'";
               s.intake.duplicates_across_any_channel = t == "any";
               return std::nullopt;
             }},
            {"duplicate_window_days",
             [](const std::string &v, HostSettings &s, const fs::path &) -> std::optional<std::string> {
               auto n = parse_int(v);
               if (!n || *n < 1 || *n > 365) return "expected a whole number of days from 1 to 365";
               s.intake.duplicate_window_days = static_cast<int>(*n);
               return std::nullopt;
             }},
            {"duplicate_similarity",
             [](const std::string &v, HostSettings &s, const fs::path &) -> std::optional<std::string> {
               auto x = parse_double(v);
               if (!x || *x < 0 || *x > 1) return "expected a number from 0 to 1";
               s.intake.duplicate_similarity = *x;
               return std::nullopt;
             }}}},
          {"classify",
           {{"plugin",
             [](const std::string &v, HostSettings &s, const fs::path &) -> std::optional<std::string> {
               const auto id = trim(v);
               if (!id.empty() && !looks_like_plugin_id(id))
                 return "expected a plugin id such as analysis.classify, or empty to classify nothing";
               s.classify.plugin = id;
               return std::nullopt;
             }},
            {"model_dir",
             [](const std::string &v, HostSettings &s, const fs::path &) -> std::optional<std::string> {
               s.classify.model_dir = trim(v); // relative to data_dir, resolved once data_dir is final
               return std::nullopt;
             }},
            {"triage_below",
             [](const std::string &v, HostSettings &s, const fs::path &) -> std::optional<std::string> {
               auto x = parse_double(v);
               if (!x || *x < 0 || *x > 1) return "expected a confidence from 0 to 1";
               s.classify.triage_below = *x;
               return std::nullopt;
             }},
            {"routing",
             [](const std::string &v, HostSettings &s, const fs::path &base) -> std::optional<std::string> {
               if (!trim(v).empty()) s.classify.routing = resolve(base, trim(v));
               return std::nullopt;
             }}}},
          {"plugins",
           {{"dirs",
             [](const std::string &v, HostSettings &s, const fs::path &base) -> std::optional<std::string> {
               s.plugin_dirs.clear();
               for (const auto &d : split_list(v, ',')) s.plugin_dirs.push_back(resolve(base, d));
               return std::nullopt;
             }},
            {"enabled",
             [](const std::string &v, HostSettings &s, const fs::path &) -> std::optional<std::string> {
               auto ids = split_list(v, ',');
               s.enable_all = ids.size() == 1 && ids[0] == "*";
               s.enabled.clear();
               if (s.enable_all) return std::nullopt;
               for (const auto &id : ids) {
                 if (!looks_like_plugin_id(id))
                   return "expected '*' or a comma-separated list of plugin ids such as analysis.doe, got '" +
                          id + "'";
                 s.enabled.push_back(id);
               }
               return std::nullopt;
             }}}},
          {"log",
           {{"level", [](const std::string &v, HostSettings &s,
                         const fs::path &) { return read_level(v, s.log.level); }},
            {"levels",
             [](const std::string &v, HostSettings &s, const fs::path &) -> std::optional<std::string> {
               s.log.levels.clear();
               for (const auto &item : split_list(v, ',')) {
                 auto eq = item.find('=');
                 if (eq == std::string::npos) return "expected logger=level pairs, got '" + item + "'";
                 std::string level;
                 if (auto err = read_level(item.substr(eq + 1), level)) return err;
                 s.log.levels[trim(item.substr(0, eq))] = level;
               }
               return std::nullopt;
             }},
            {"file",
             [](const std::string &v, HostSettings &s, const fs::path &) -> std::optional<std::string> {
               s.log.file = trim(v); // relative to data_dir, resolved once data_dir is final
               return std::nullopt;
             }},
            {"max_size_mb",
             [](const std::string &v, HostSettings &s, const fs::path &) -> std::optional<std::string> {
               auto n = parse_int(v);
               if (!n || *n < 1 || *n > 10240) return "expected a whole number of megabytes from 1 to 10240";
               s.log.max_size_bytes = static_cast<std::size_t>(*n) * 1024 * 1024;
               return std::nullopt;
             }},
            {"max_files",
             [](const std::string &v, HostSettings &s, const fs::path &) -> std::optional<std::string> {
               auto n = parse_int(v);
               if (!n || *n < 1 || *n > 1000) return "expected a whole number from 1 to 1000";
               s.log.max_files = static_cast<std::size_t>(*n);
               return std::nullopt;
             }},
            {"format",
             [](const std::string &v, HostSettings &s, const fs::path &) -> std::optional<std::string> {
               std::string f = trim(v);
               if (f != "text" && f != "json") return "expected 'text' or 'json'";
               s.log.json = f == "json";
               return std::nullopt;
             }},
            {"console",
             [](const std::string &v, HostSettings &s, const fs::path &) -> std::optional<std::string> {
               auto b = parse_bool(v);
               if (!b) return "expected true or false";
               s.log.console = *b;
               return std::nullopt;
             }}}},
      };
  return schema;
}

pt::ptree parse_file(const fs::path &file) {
  std::ifstream in(file);
  if (!in) throw ConfigError(file.string() + ": cannot open the configuration file");
  pt::ptree tree;
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  try {
    if (ext == ".json") {
      pt::read_json(in, tree);
    } else if (ext == ".xml") {
      pt::ptree doc;
      pt::read_xml(in, doc, pt::xml_parser::trim_whitespace);
      auto root = doc.get_child_optional("qloop");
      if (!root) throw ConfigError(file.string() + ": expected a <qloop> root element");
      tree = *root;
      tree.erase("<xmlattr>");
    } else {
      pt::read_ini(in, tree);
    }
  } catch (const pt::file_parser_error &e) {
    throw ConfigError(file.string() + ":" + std::to_string(e.line()) + ": " + e.message());
  }
  return tree;
}

} // namespace

std::string Diagnostic::text() const {
  std::ostringstream out;
  out << (file.empty() ? "(defaults)" : file) << ": ";
  if (!section.empty()) out << "[" << section << "] ";
  if (!key.empty())
    out << key << ": ";
  else if (!section.empty())
    out << ": ";
  out << message;
  return out.str();
}

bool Config::has_errors() const {
  return std::any_of(diagnostics_.begin(), diagnostics_.end(),
                     [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
}

fs::path executable_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::current_path() : exe.parent_path();
}

fs::path Config::locate(const fs::path &explicit_path) {
  if (!explicit_path.empty()) return explicit_path;
  if (const char *env = std::getenv("QLOOP_CONFIG"); env != nullptr && *env != '\0') return env;
  for (const fs::path &candidate :
       {executable_dir() / ".." / "etc" / "qloop" / "qloop.ini", fs::path("/etc/qloop/qloop.ini")}) {
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate.lexically_normal();
  }
  return {};
}

Config Config::load(const fs::path &file) {
  Config c;
  c.file_ = file;
  const std::string file_name = file.empty() ? "" : file.string();
  const fs::path base = file.empty() ? fs::path() : fs::absolute(file).parent_path();
  if (!file.empty()) c.tree_ = parse_file(file);

  const auto &schema = host_schema();
  for (const auto &[section_name, section] : c.tree_) {
    auto known = schema.find(section_name);
    if (section_name == "pins") {
      static const std::regex sha(R"([0-9a-fA-F]{64})");
      for (const auto &[id, value] : section) {
        std::string v = trim(value.data());
        if (!std::regex_match(v, sha)) {
          c.add({Diagnostic::Severity::Error, file_name, "pins", id, "expected a SHA-256 as 64 hex digits"});
          continue;
        }
        std::transform(v.begin(), v.end(), v.begin(), [](unsigned char ch) { return std::tolower(ch); });
        c.host_.pins[id] = v;
      }
    } else if (known != schema.end()) {
      for (const auto &[key, value] : section) {
        auto reader = known->second.find(key);
        if (reader == known->second.end()) {
          c.add({Diagnostic::Severity::Warning, file_name, section_name, key, "unknown key, ignored"});
          continue;
        }
        if (auto expected = reader->second(value.data(), c.host_, base))
          c.add({Diagnostic::Severity::Error, file_name, section_name, key, *expected});
      }
    } else if (!looks_like_plugin_id(section_name)) {
      c.add({Diagnostic::Severity::Warning, file_name, section_name, "",
             "unknown section, ignored (host sections are host, store, sla, intake, classify, plugins, pins "
             "and log; a "
             "plugin's section is "
             "named by its id, e.g. [analysis.doe])"});
    }
    // Plugin sections are validated by the plugin manager against the keys
    // each plugin declares.
  }

  if (const char *env = std::getenv("QLOOP_DATA_DIR"); env != nullptr && *env != '\0') c.host_.data_dir = env;
  if (c.host_.data_dir.empty()) c.host_.data_dir = fs::current_path() / "data";
  if (c.host_.plugin_dirs.empty())
    c.host_.plugin_dirs.push_back((executable_dir() / ".." / "lib" / "qloop" / "plugins").lexically_normal());
  if (c.host_.store_path.empty()) c.host_.store_path = "qloop.db";
  if (c.host_.store_path.is_relative()) c.host_.store_path = c.host_.data_dir / c.host_.store_path;
  if (c.host_.classify.model_dir.empty()) c.host_.classify.model_dir = "models/classify";
  if (c.host_.classify.model_dir.is_relative())
    c.host_.classify.model_dir = c.host_.data_dir / c.host_.classify.model_dir;
  if (!c.host_.log.file.empty() && fs::path(c.host_.log.file).is_relative())
    c.host_.log.file = (c.host_.data_dir / c.host_.log.file).string();
  return c;
}

const pt::ptree *Config::section(const std::string &name) const {
  auto child = tree_.get_child_optional(path(name));
  return child ? &*child : nullptr;
}

std::vector<std::string> Config::section_names() const {
  std::vector<std::string> names;
  for (const auto &[name, section] : tree_) names.push_back(name);
  return names;
}

} // namespace qloop::config
