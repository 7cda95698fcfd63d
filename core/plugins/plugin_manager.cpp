#include "core/plugins/plugin_manager.hpp"

#include <algorithm>
#include <set>

#include <boost/dll/shared_library.hpp>
#include <dlfcn.h>

#include "core/config/value_parsing.hpp"
#include "core/log/logging.hpp"
#include "core/util/sha256.hpp"
#include "core/version.hpp"

namespace qloop::plugins {
namespace fs = std::filesystem;

namespace {

std::shared_ptr<spdlog::logger> logger() {
  static auto l = log::get("plugins");
  return l;
}

bool is_plugin_file(const fs::directory_entry &entry) {
  std::error_code ec;
  return entry.is_regular_file(ec) && entry.path().extension() == ".so";
}

std::optional<std::string> check_value(const ConfigKeyInfo &key, const std::string &value) {
  switch (key.type) {
  case QLOOP_CONFIG_INT:
    if (!config::parse_int(value)) return std::string("expected a whole number");
    break;
  case QLOOP_CONFIG_DOUBLE:
    if (!config::parse_double(value)) return std::string("expected a number");
    break;
  case QLOOP_CONFIG_BOOL:
    if (!config::parse_bool(value)) return std::string("expected true or false");
    break;
  default: break;
  }
  return std::nullopt;
}

} // namespace

const char *state_name(PluginState state) {
  switch (state) {
  case PluginState::Loaded: return "loaded";
  case PluginState::Disabled: return "disabled";
  default: return "refused";
  }
}

std::string PluginManager::file_name_for(const std::string &id) {
  std::string stem = id;
  std::replace(stem.begin(), stem.end(), '.', '-');
  return "qloop-" + stem + ".so";
}

PluginManager::PluginManager(const config::Config &config, std::shared_ptr<const HostHooks> hooks)
    : config_(config), hooks_(std::move(hooks)) {
  if (!hooks_) hooks_ = std::make_shared<HostHooks>();
}

// Instances hold their plugin; dropping ours leaves each library loaded until
// its last instance is gone.
PluginManager::~PluginManager() = default;

PluginRecord &PluginManager::refuse(PluginRecord &record, const std::string &reason) {
  record.state = PluginState::Refused;
  record.reason = reason;
  logger()->warn("refused {}: {}", record.path.string(), reason);
  return record;
}

void PluginManager::load_all() {
  const auto &host = config_.host();
  std::vector<fs::path> files;
  for (const auto &dir : host.plugin_dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      logger()->warn("plugin directory {} does not exist", dir.string());
      continue;
    }
    std::vector<fs::path> here;
    for (const auto &entry : fs::directory_iterator(dir, ec))
      if (is_plugin_file(entry)) here.push_back(entry.path());
    std::sort(here.begin(), here.end());
    files.insert(files.end(), here.begin(), here.end());
  }

  std::set<std::string> wanted_files;
  for (const auto &id : host.enabled) wanted_files.insert(file_name_for(id));
  std::set<std::string> found_files;
  for (const auto &file : files) {
    found_files.insert(file.filename().string());
    if (!host.enable_all && !wanted_files.count(file.filename().string())) {
      PluginRecord r;
      r.path = file;
      r.state = PluginState::Disabled;
      r.reason = "not listed in [plugins] enabled";
      records_.push_back(std::move(r));
      continue;
    }
    load_file(file);
  }
  for (const auto &id : host.enabled) {
    if (found_files.count(file_name_for(id))) continue;
    PluginRecord r;
    r.path = file_name_for(id);
    refuse(r, "enabled in config, but no " + file_name_for(id) + " in the plugin directories");
    records_.push_back(std::move(r));
  }
  logger()->info("{} plugin(s) loaded, {} refused, {} disabled", loaded_.size(),
                 std::count_if(records_.begin(), records_.end(),
                               [](const auto &r) { return r.state == PluginState::Refused; }),
                 std::count_if(records_.begin(), records_.end(),
                               [](const auto &r) { return r.state == PluginState::Disabled; }));
}

const PluginRecord &PluginManager::load_file(const fs::path &file) {
  records_.emplace_back();
  PluginRecord &record = records_.back();
  record.path = file;

  // A pinned plugin is hashed before any of its code can run.
  std::optional<std::string> pinned_id;
  for (const auto &[id, hash] : config_.host().pins) {
    if (file.filename() != file_name_for(id)) continue;
    pinned_id = id;
    try {
      record.sha256 = util::sha256_file(file);
    } catch (const std::exception &e) {
      return refuse(record, e.what());
    }
    if (record.sha256 != hash)
      return refuse(record, "SHA-256 " + record.sha256 + " does not match the pin " + hash + " for " + id);
  }

  auto library = std::make_shared<boost::dll::shared_library>();
  try {
    auto mode = boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local;
#ifdef QLOOP_KEEP_PLUGINS_MAPPED
    // Sanitizer builds keep a plugin's code mapped after its last use, so
    // LeakSanitizer still sees what the globals of its libraries (pango, glib,
    // ...) point to, and names the frames of anything really leaked.
    mode = mode | static_cast<boost::dll::load_mode::type>(RTLD_NODELETE);
#endif
    library->load(file, mode);
  } catch (const std::exception &e) {
    return refuse(record, std::string("cannot load: ") + e.what());
  }
  if (!library->has(QLOOP_ENTRY_SYMBOL))
    return refuse(record, std::string("no entry symbol ") + QLOOP_ENTRY_SYMBOL + ": not a qloop plugin");

  auto ctx = std::make_unique<qloop_host_ctx>();
  ctx->hooks = hooks_;
  ctx->logger = log::get("plugin." + file.stem().string());
  ctx->host.struct_size = sizeof(qloop_host);
  ctx->host.abi_major = QLOOP_ABI_MAJOR;
  ctx->host.abi_minor = QLOOP_ABI_MINOR;
  ctx->host.host_version = kVersion;
  ctx->host.ctx = ctx.get();
  ctx->host.services = host_services();

  const qloop_plugin_descriptor *descriptor = nullptr;
  try {
    auto &entry = library->get<const qloop_plugin_descriptor *(const qloop_host *)>(QLOOP_ENTRY_SYMBOL);
    descriptor = entry(&ctx->host);
  } catch (const std::exception &e) {
    return refuse(record, std::string("the entry threw an exception across the ABI: ") + e.what());
  } catch (...) {
    return refuse(record, "the entry threw an exception across the ABI");
  }

  AbiCheckResult checked = check_descriptor(descriptor);
  if (!checked.plugin) return refuse(record, checked.refusal);
  PluginInfo &info = checked.plugin->info;
  record.info = info;

  if (pinned_id && *pinned_id != info.id)
    return refuse(record, "the file is pinned as " + *pinned_id + " but its descriptor says " + info.id);
  if (!pinned_id && config_.host().pins.count(info.id))
    return refuse(record, info.id + " is pinned, but was found in " + file.filename().string() +
                              " instead of " + file_name_for(info.id) +
                              ", so its hash was not checked before loading");
  if (!config_.host().enable_all && file.filename() != file_name_for(info.id))
    return refuse(record, "file name does not match the id " + info.id + " (expected " +
                              file_name_for(info.id) + ")");
  if (auto existing = find(info.id))
    return refuse(record, "duplicate id " + info.id + ", already loaded from " + existing->path().string());

  if (auto error = validate_section(info, ctx->config)) return refuse(record, *error);

  ctx->plugin_id = info.id;
  ctx->logger = log::get("plugin." + info.id);
  auto loaded =
      std::make_shared<LoadedPlugin>(std::move(library), std::move(*checked.plugin), std::move(ctx), file);
  loaded_.push_back(std::move(loaded));
  record.state = PluginState::Loaded;
  logger()->debug("loaded {} {} (ABI {}) from {}", info.id, info.version,
                  abi_version_text(info.abi_major, info.abi_minor), file.string());
  return record;
}

std::optional<std::string> PluginManager::validate_section(const PluginInfo &info,
                                                           std::map<std::string, std::string> &values) {
  const std::string file = config_.file().string();
  for (const auto &key : info.config_keys)
    if (key.default_value) values[key.name] = *key.default_value;
  std::optional<std::string> first_error;
  if (const auto *section = config_.section(info.id)) {
    for (const auto &[name, value] : *section) {
      auto key = std::find_if(info.config_keys.begin(), info.config_keys.end(),
                              [&](const ConfigKeyInfo &k) { return k.name == name; });
      if (key == info.config_keys.end()) {
        diagnostics_.push_back({config::Diagnostic::Severity::Warning, file, info.id, name,
                                "unknown key, ignored (not declared by the plugin)"});
        continue;
      }
      if (auto expected = check_value(*key, value.data())) {
        diagnostics_.push_back({config::Diagnostic::Severity::Error, file, info.id, name, *expected});
        if (!first_error) first_error = diagnostics_.back().text();
        continue;
      }
      values[name] = config::trim(value.data());
      // Paths in plugin sections read like the host's own: relative to the
      // config file's folder, so a service's working directory does not matter.
      if (key->type == QLOOP_CONFIG_PATH && !values[name].empty() &&
          std::filesystem::path(values[name]).is_relative())
        values[name] = (config_.file().parent_path() / values[name]).lexically_normal().string();
    }
  }
  for (const auto &key : info.config_keys) {
    if (key.required && !values.count(key.name)) {
      diagnostics_.push_back({config::Diagnostic::Severity::Error, file, info.id, key.name,
                              "required by the plugin, but not set"});
      if (!first_error) first_error = diagnostics_.back().text();
    }
  }
  return first_error;
}

std::shared_ptr<LoadedPlugin> PluginManager::find(const std::string &id) const {
  for (const auto &p : loaded_)
    if (p->info().id == id) return p;
  return nullptr;
}

std::shared_ptr<LoadedPlugin> PluginManager::find_method(const std::string &method) const {
  for (const auto &p : loaded_) {
    if (p->info().kind != QLOOP_KIND_ANALYSIS) continue;
    const auto &caps = p->info().capabilities;
    if (std::find(caps.begin(), caps.end(), method) != caps.end()) return p;
  }
  return nullptr;
}

} // namespace qloop::plugins
