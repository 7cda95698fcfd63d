// Host-side handles on a loaded plugin and on its instances. An Instance keeps
// its plugin's library loaded (shared ownership), so no object outlives the
// library that made it. Every call into the plugin is guarded: a status is
// turned into PluginCallError, and an exception thrown across the C boundary
// (forbidden, but possible from a raw C++ plugin) is caught here.
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/plugins/abi_check.hpp"
#include "core/plugins/host_services.hpp"

namespace boost::dll {
class shared_library;
}

namespace qloop::plugins {

// A plugin call that failed: the status and the plugin's last-error message.
class PluginCallError : public std::runtime_error {
public:
  PluginCallError(qloop_status status, const std::string &message)
      : std::runtime_error(message), status_(status) {}
  qloop_status status() const noexcept { return status_; }

private:
  qloop_status status_;
};

class Instance;

class LoadedPlugin : public std::enable_shared_from_this<LoadedPlugin> {
public:
  LoadedPlugin(std::shared_ptr<boost::dll::shared_library> library, CheckedPlugin checked,
               std::unique_ptr<qloop_host_ctx> ctx, std::filesystem::path path);
  ~LoadedPlugin();

  const PluginInfo &info() const { return checked_.info; }
  const std::filesystem::path &path() const { return path_; }
  const CheckedPlugin &checked() const { return checked_; }

  // Makes an instance; throws PluginCallError when create() fails.
  Instance create();

private:
  friend class Instance;
  std::shared_ptr<boost::dll::shared_library> library_; // released last
  CheckedPlugin checked_;
  std::unique_ptr<qloop_host_ctx> ctx_;
  std::filesystem::path path_;
};

class Instance {
public:
  Instance(std::shared_ptr<LoadedPlugin> plugin, qloop_instance *instance);
  Instance(Instance &&other) noexcept;
  Instance &operator=(Instance &&other) noexcept;
  Instance(const Instance &) = delete;
  Instance &operator=(const Instance &) = delete;
  ~Instance();

  const PluginInfo &info() const { return plugin_->info(); }

  std::string analyze(const std::string &method, std::string_view request_json);
  // ABI 1.3 fast path: true when the plugin reads a request's table as columns.
  bool accepts_analysis_columns() const { return plugin_->checked().analysis.analyze_columns != nullptr; }
  // `request_json` without its "table"; `table` in its place.
  std::string analyze_columns(const std::string &method, std::string_view request_json,
                              const qloop_record_batch &table);
  std::string run_intake(std::string_view request_json);
  void export_begin(std::string_view request_json);
  void export_batch(std::string_view records_json);
  // ABI 1.2 fast path: true when the plugin reads column batches.
  bool accepts_columns() const { return plugin_->checked().exporter.write_columns != nullptr; }
  void export_columns(const qloop_record_batch &batch);
  std::string export_finish();

private:
  void reset() noexcept;
  [[noreturn]] void fail(qloop_status status, const char *call);
  std::shared_ptr<LoadedPlugin> plugin_;
  qloop_instance *instance_ = nullptr;
};

} // namespace qloop::plugins
