// The services table the host hands every plugin, and the per-plugin context
// behind the opaque qloop_host_ctx. No exception leaves a service function.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <qloop/plugin.h>
#include <spdlog/logger.h>

namespace qloop::plugins {

// What the rest of the host does with records an intake plugin submits. The
// ledger installs these; until then submissions are refused with a log line.
struct HostHooks {
  // Returns an empty string on success, else the reason for refusal.
  std::function<std::string(const std::string &plugin_id, std::string_view records_json)> submit_records;
  std::function<std::string(const std::string &plugin_id, const std::string &source_key, std::string_view raw,
                            const std::string &reason)>
      quarantine;
};

const qloop_host_services *host_services();

} // namespace qloop::plugins

// Definition of the opaque context: one per loaded plugin, owned by the plugin
// manager, alive as long as the plugin's library.
struct qloop_host_ctx {
  std::string plugin_id;
  std::shared_ptr<spdlog::logger> logger;
  std::map<std::string, std::string> config; // validated values, defaults applied
  std::shared_ptr<const qloop::plugins::HostHooks> hooks;
  qloop_host host{}; // what the plugin receives; points back here
};
