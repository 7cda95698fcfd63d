// A minimal qloop host for benchmarks: dlopen()s one plugin library, checks
// its descriptor the way the real host does (ABI major, minor, kind), makes an
// instance and calls its analysis entry with a JSON request. The services
// table is the smallest honest one: log goes to stderr (warnings and errors
// only), config_get answers the plugin's declared defaults, and the intake
// services refuse. It keeps the benchmark free of qloop_core (config, ledger,
// spdlog) so that what is timed is the plugin call and nothing else.
#pragma once

#include <string>
#include <string_view>

#include <qloop/plugin.h>

namespace qloop::bench {

class PluginHost {
public:
  // Throws std::runtime_error naming the file and what is wrong.
  explicit PluginHost(const std::string &library_path);
  ~PluginHost();
  PluginHost(const PluginHost &) = delete;
  PluginHost &operator=(const PluginHost &) = delete;

  // The plugin's analyze() through the C ABI; the result is copied out of the
  // plugin-owned buffer (as a host would before the next call). Throws
  // std::runtime_error with the plugin's last_error on a non-OK status.
  std::string analyze(const char *method, std::string_view request_json);
  // The ABI 1.3 column path: the request without its table, and the table.
  // Throws std::runtime_error when the plugin has no analyze_columns.
  std::string analyze_columns(const char *method, std::string_view request_json,
                              const qloop_record_batch &table);

  const qloop_plugin_descriptor &descriptor() const { return *descriptor_; }

private:
  static void log(qloop_host_ctx *ctx, qloop_log_level level, const char *msg);
  static const char *config_get(qloop_host_ctx *ctx, const char *key);
  static qloop_status submit_records(qloop_host_ctx *ctx, const char *records, size_t len);
  static qloop_status quarantine(qloop_host_ctx *ctx, const char *key, const char *raw, size_t len,
                                 const char *reason);

  std::string path_;
  void *library_ = nullptr;
  qloop_host_services services_{};
  qloop_host host_{};
  const qloop_plugin_descriptor *descriptor_ = nullptr;
  const qloop_analysis_api *api_ = nullptr;
  qloop_instance *instance_ = nullptr;
};

} // namespace qloop::bench
