// Finds, checks, loads and registers plugins. Boost.DLL is used as a loader
// only: libraries open with RTLD_NOW, the one C entry is fetched with get<>,
// and nothing of Boost or std crosses into a plugin. Every refusal is one line
// in the log and in list(); the host carries on.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/plugins/abi_check.hpp"
#include "core/plugins/host_services.hpp"
#include "core/plugins/plugin_instance.hpp"

namespace qloop::plugins {

enum class PluginState { Loaded, Refused, Disabled };
const char *state_name(PluginState state);

// One line of `qloop plugins list`: a file found or a plugin named in config.
struct PluginRecord {
  std::filesystem::path path;
  PluginState state = PluginState::Refused;
  std::string reason;             // why refused or disabled
  std::optional<PluginInfo> info; // set once the descriptor was read
  std::string sha256;             // set when pinned (checked before loading)
  std::string id() const { return info ? info->id : std::string(); }
};

class PluginManager {
public:
  PluginManager(const config::Config &config, std::shared_ptr<const HostHooks> hooks = {});
  ~PluginManager();
  PluginManager(const PluginManager &) = delete;
  PluginManager &operator=(const PluginManager &) = delete;

  // Scans the configured directories and loads what is enabled. Call once.
  void load_all();
  // Loads one file (used by load_all, and by tests for single files).
  const PluginRecord &load_file(const std::filesystem::path &file);

  const std::vector<PluginRecord> &records() const { return records_; }
  // Config findings made while loading (plugin sections against declared keys).
  const std::vector<config::Diagnostic> &diagnostics() const { return diagnostics_; }

  // A loaded plugin by id, or null.
  std::shared_ptr<LoadedPlugin> find(const std::string &id) const;
  // The loaded analysis plugin that answers `method`, or null.
  std::shared_ptr<LoadedPlugin> find_method(const std::string &method) const;
  std::vector<std::shared_ptr<LoadedPlugin>> loaded() const { return loaded_; }

  // The conventional file name of a plugin id: analysis.doe -> qloop-analysis-doe.so
  static std::string file_name_for(const std::string &id);

private:
  PluginRecord &refuse(PluginRecord &record, const std::string &reason);
  std::optional<std::string> validate_section(const PluginInfo &info,
                                              std::map<std::string, std::string> &values);

  const config::Config &config_;
  std::shared_ptr<const HostHooks> hooks_;
  std::vector<PluginRecord> records_;
  std::vector<config::Diagnostic> diagnostics_;
  std::vector<std::shared_ptr<LoadedPlugin>> loaded_;
};

} // namespace qloop::plugins
