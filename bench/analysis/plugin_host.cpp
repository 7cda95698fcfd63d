#include "plugin_host.hpp"

#include <cstdio>
#include <cstring>
#include <stdexcept>

#include <dlfcn.h>

namespace qloop::bench {

PluginHost::PluginHost(const std::string &library_path) : path_(library_path) {
  // RTLD_LOCAL as the host does: a plugin's symbols never leak into another's.
  library_ = dlopen(path_.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (library_ == nullptr) throw std::runtime_error("cannot load " + path_ + ": " + dlerror());
  auto entry = reinterpret_cast<qloop_plugin_entry_fn>(dlsym(library_, QLOOP_ENTRY_SYMBOL));
  if (entry == nullptr) throw std::runtime_error(path_ + ": no " QLOOP_ENTRY_SYMBOL " symbol");

  services_.struct_size = sizeof services_;
  services_.log = &PluginHost::log;
  services_.config_get = &PluginHost::config_get;
  services_.submit_records = &PluginHost::submit_records;
  services_.quarantine = &PluginHost::quarantine;
  host_.struct_size = sizeof host_;
  host_.abi_major = QLOOP_ABI_MAJOR;
  host_.abi_minor = QLOOP_ABI_MINOR;
  host_.host_version = "bench";
  host_.ctx = reinterpret_cast<qloop_host_ctx *>(this);
  host_.services = &services_;

  descriptor_ = entry(&host_);
  if (descriptor_ == nullptr) throw std::runtime_error(path_ + ": the entry returned no descriptor");
  if (descriptor_->abi_major != QLOOP_ABI_MAJOR || descriptor_->abi_minor > QLOOP_ABI_MINOR)
    throw std::runtime_error(path_ + ": built for ABI " + std::to_string(descriptor_->abi_major) + "." +
                             std::to_string(descriptor_->abi_minor) + ", this host has " +
                             std::to_string(QLOOP_ABI_MAJOR) + "." + std::to_string(QLOOP_ABI_MINOR));
  if (descriptor_->kind != QLOOP_KIND_ANALYSIS || descriptor_->kind_api == nullptr)
    throw std::runtime_error(path_ + ": not an analysis plugin");
  api_ = static_cast<const qloop_analysis_api *>(descriptor_->kind_api);
  if (api_->analyze == nullptr) throw std::runtime_error(path_ + ": the analysis table lacks analyze");
  if (descriptor_->create(&host_, &instance_) != QLOOP_OK) {
    const char *why = descriptor_->last_error ? descriptor_->last_error(nullptr) : nullptr;
    throw std::runtime_error(path_ + ": create failed: " + (why ? why : "(no message)"));
  }
}

PluginHost::~PluginHost() {
  if (instance_ != nullptr) descriptor_->destroy(instance_);
  if (library_ != nullptr) dlclose(library_);
}

std::string PluginHost::analyze(const char *method, std::string_view request_json) {
  const char *out = nullptr;
  size_t len = 0;
  const qloop_status status =
      api_->analyze(instance_, method, request_json.data(), request_json.size(), &out, &len);
  if (status != QLOOP_OK) {
    const char *why = descriptor_->last_error(instance_);
    throw std::runtime_error(std::string(descriptor_->id) + " " + method + ": status " +
                             std::to_string(status) + ": " + (why ? why : "(no message)"));
  }
  return std::string(out, len);
}

std::string PluginHost::analyze_columns(const char *method, std::string_view request_json,
                                        const qloop_record_batch &table) {
  if (!QLOOP_HAS_FIELD(api_, qloop_analysis_api, analyze_columns) || api_->analyze_columns == nullptr)
    throw std::runtime_error(path_ + ": the plugin has no analyze_columns (ABI 1.3)");
  const char *out = nullptr;
  size_t len = 0;
  const qloop_status status =
      api_->analyze_columns(instance_, method, request_json.data(), request_json.size(), &table, &out, &len);
  if (status != QLOOP_OK) {
    const char *why = descriptor_->last_error(instance_);
    throw std::runtime_error(std::string(descriptor_->id) + " " + method + " (columns): status " +
                             std::to_string(status) + ": " + (why ? why : "(no message)"));
  }
  return std::string(out, len);
}

void PluginHost::log(qloop_host_ctx *ctx, qloop_log_level level, const char *msg) {
  if (level < QLOOP_LOG_WARN) return; // the plugins log a debug line per call; not worth timing
  std::fprintf(stderr, "[%s] %s\n", reinterpret_cast<PluginHost *>(ctx)->descriptor_->id, msg);
}

// The declared default, as the host answers for a key the config leaves unset.
const char *PluginHost::config_get(qloop_host_ctx *ctx, const char *key) {
  const qloop_plugin_descriptor *d = reinterpret_cast<PluginHost *>(ctx)->descriptor_;
  if (d == nullptr || d->config_key_count == 0) return nullptr;
  const auto *base = reinterpret_cast<const unsigned char *>(d->config_keys);
  for (uint32_t i = 0; i < d->config_key_count; ++i) {
    const auto *k = reinterpret_cast<const qloop_config_key *>(base + i * d->config_keys[0].struct_size);
    if (std::strcmp(k->name, key) == 0) return k->default_value;
  }
  return nullptr;
}

qloop_status PluginHost::submit_records(qloop_host_ctx *, const char *, size_t) { return QLOOP_ERR_HOST; }

qloop_status PluginHost::quarantine(qloop_host_ctx *, const char *, const char *, size_t, const char *) {
  return QLOOP_ERR_HOST;
}

} // namespace qloop::bench
