#include "core/plugins/plugin_instance.hpp"

#include <boost/dll/shared_library.hpp>

namespace qloop::plugins {
namespace {

const char *status_name(qloop_status status) {
  switch (status) {
  case QLOOP_ERR_INVALID_INPUT: return "invalid input";
  case QLOOP_ERR_UNSUPPORTED: return "unsupported";
  case QLOOP_ERR_IO: return "I/O error";
  case QLOOP_ERR_CONFIG: return "configuration error";
  case QLOOP_ERR_NO_MEMORY: return "out of memory";
  case QLOOP_ERR_HOST: return "host service failed";
  default: return "internal error";
  }
}

// Runs a call into the plugin; an exception escaping it breaks the ABI rule,
// so it becomes QLOOP_ERR_INTERNAL with a message that says so.
template <class Fn> qloop_status guarded_call(const PluginInfo &info, Fn &&fn, std::string &thrown) {
  try {
    return fn();
  } catch (const std::exception &e) {
    thrown = info.id + " threw a C++ exception across the ABI: " + e.what();
  } catch (...) {
    thrown = info.id + " threw an exception across the ABI";
  }
  return QLOOP_ERR_INTERNAL;
}

} // namespace

LoadedPlugin::LoadedPlugin(std::shared_ptr<boost::dll::shared_library> library, CheckedPlugin checked,
                           std::unique_ptr<qloop_host_ctx> ctx, std::filesystem::path path)
    : library_(std::move(library)), checked_(std::move(checked)), ctx_(std::move(ctx)),
      path_(std::move(path)) {}

LoadedPlugin::~LoadedPlugin() = default;

Instance LoadedPlugin::create() {
  qloop_instance *raw = nullptr;
  std::string thrown;
  qloop_status status = guarded_call(
      info(), [&] { return checked_.descriptor.create(&ctx_->host, &raw); }, thrown);
  if (status == QLOOP_OK && raw != nullptr) return Instance(shared_from_this(), raw);
  std::string message = thrown;
  if (message.empty()) {
    try {
      const char *e = checked_.descriptor.last_error(nullptr);
      message = e ? e : "";
    } catch (...) {
      message = "last_error threw";
    }
  }
  if (status == QLOOP_OK) status = QLOOP_ERR_INTERNAL, message = "create() returned no instance";
  throw PluginCallError(status, info().id + ": create failed: " + message);
}

Instance::Instance(std::shared_ptr<LoadedPlugin> plugin, qloop_instance *instance)
    : plugin_(std::move(plugin)), instance_(instance) {}

Instance::Instance(Instance &&other) noexcept
    : plugin_(std::move(other.plugin_)), instance_(other.instance_) {
  other.instance_ = nullptr;
}

Instance &Instance::operator=(Instance &&other) noexcept {
  if (this != &other) {
    reset();
    plugin_ = std::move(other.plugin_);
    instance_ = other.instance_;
    other.instance_ = nullptr;
  }
  return *this;
}

Instance::~Instance() { reset(); }

void Instance::reset() noexcept {
  if (instance_ != nullptr && plugin_) {
    try {
      plugin_->checked_.descriptor.destroy(instance_);
    } catch (...) {
      plugin_->ctx_->logger->error("destroy threw an exception across the ABI");
    }
  }
  instance_ = nullptr;
}

void Instance::fail(qloop_status status, const char *call) {
  std::string message;
  try {
    const char *e = plugin_->checked_.descriptor.last_error(instance_);
    message = e ? e : "";
  } catch (...) {
    message = "(last_error threw)";
  }
  if (message.empty()) message = status_name(status);
  throw PluginCallError(status, plugin_->info().id + ": " + call + ": " + message);
}

#define QLOOP_GUARDED(call_name, expr)                                                                       \
  do {                                                                                                       \
    std::string thrown;                                                                                      \
    qloop_status status = guarded_call(                                                                      \
        plugin_->info(), [&] { return (expr); }, thrown);                                                    \
    if (!thrown.empty()) throw PluginCallError(QLOOP_ERR_INTERNAL, thrown);                                  \
    if (status != QLOOP_OK) fail(status, call_name);                                                         \
  } while (0)

std::string Instance::analyze(const std::string &method, std::string_view request_json) {
  const auto &api = plugin_->checked_.analysis;
  if (api.analyze == nullptr)
    throw PluginCallError(QLOOP_ERR_UNSUPPORTED, info().id + " is not an analysis plugin");
  const char *out = nullptr;
  size_t len = 0;
  QLOOP_GUARDED("analyze",
                api.analyze(instance_, method.c_str(), request_json.data(), request_json.size(), &out, &len));
  return out ? std::string(out, len) : std::string();
}

std::string Instance::analyze_columns(const std::string &method, std::string_view request_json,
                                      const qloop_record_batch &table) {
  const auto &api = plugin_->checked_.analysis;
  if (api.analyze_columns == nullptr)
    throw PluginCallError(QLOOP_ERR_UNSUPPORTED, info().id + " does not read column tables (ABI 1.3)");
  const char *out = nullptr;
  size_t len = 0;
  QLOOP_GUARDED("analyze_columns", api.analyze_columns(instance_, method.c_str(), request_json.data(),
                                                       request_json.size(), &table, &out, &len));
  return out ? std::string(out, len) : std::string();
}

std::string Instance::run_intake(std::string_view request_json) {
  const auto &api = plugin_->checked_.intake;
  if (api.run == nullptr)
    throw PluginCallError(QLOOP_ERR_UNSUPPORTED, info().id + " is not an intake plugin");
  const char *out = nullptr;
  size_t len = 0;
  QLOOP_GUARDED("run", api.run(instance_, request_json.data(), request_json.size(), &out, &len));
  return out ? std::string(out, len) : std::string();
}

void Instance::export_begin(std::string_view request_json) {
  const auto &api = plugin_->checked_.exporter;
  if (api.begin == nullptr) throw PluginCallError(QLOOP_ERR_UNSUPPORTED, info().id + " is not an exporter");
  QLOOP_GUARDED("begin", api.begin(instance_, request_json.data(), request_json.size()));
}

void Instance::export_batch(std::string_view records_json) {
  const auto &api = plugin_->checked_.exporter;
  if (api.write_batch == nullptr)
    throw PluginCallError(QLOOP_ERR_UNSUPPORTED, info().id + " is not an exporter");
  QLOOP_GUARDED("write_batch", api.write_batch(instance_, records_json.data(), records_json.size()));
}

void Instance::export_columns(const qloop_record_batch &batch) {
  const auto &api = plugin_->checked_.exporter;
  if (api.write_columns == nullptr)
    throw PluginCallError(QLOOP_ERR_UNSUPPORTED, info().id + " does not read column batches (ABI 1.2)");
  QLOOP_GUARDED("write_columns", api.write_columns(instance_, &batch));
}

std::string Instance::export_finish() {
  const auto &api = plugin_->checked_.exporter;
  if (api.finish == nullptr) throw PluginCallError(QLOOP_ERR_UNSUPPORTED, info().id + " is not an exporter");
  const char *out = nullptr;
  size_t len = 0;
  QLOOP_GUARDED("finish", api.finish(instance_, &out, &len));
  return out ? std::string(out, len) : std::string();
}

#undef QLOOP_GUARDED

} // namespace qloop::plugins
