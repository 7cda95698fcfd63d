// A tiny host for the tests: a services table with a config map and a log,
// and the built plugin loaded through its C entry (dlopen), so the tests
// drive exactly what qloop loads, both through analyze (JSON table) and
// analyze_columns (the table as host columns, ABI 1.3).
#pragma once

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <dlfcn.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <qloop/column_batch.hpp>
#include <qloop/plugin.h>

namespace classify_test {

using nlohmann::json;

class FakeHost {
public:
  std::map<std::string, std::string> config;
  std::vector<std::pair<qloop_log_level, std::string>> logs;

  FakeHost() {
    services_.struct_size = sizeof(qloop_host_services);
    services_.log = &FakeHost::log_cb;
    services_.config_get = &FakeHost::config_cb;
    services_.submit_records = [](qloop_host_ctx *, const char *, size_t) -> qloop_status {
      return QLOOP_ERR_HOST;
    };
    host_.struct_size = sizeof(qloop_host);
    host_.abi_major = QLOOP_ABI_MAJOR;
    host_.abi_minor = QLOOP_ABI_MINOR;
    host_.host_version = "test";
    host_.ctx = reinterpret_cast<qloop_host_ctx *>(this);
    host_.services = &services_;
  }
  FakeHost(const FakeHost &) = delete;
  FakeHost &operator=(const FakeHost &) = delete;
  const qloop_host *host() const { return &host_; }

  std::string logged(qloop_log_level at_least = QLOOP_LOG_TRACE) const {
    std::string out;
    for (const auto &[level, m] : logs)
      if (level >= at_least) out += m + "\n";
    return out;
  }

private:
  static FakeHost &self(qloop_host_ctx *ctx) { return *reinterpret_cast<FakeHost *>(ctx); }
  static void log_cb(qloop_host_ctx *ctx, qloop_log_level level, const char *msg) {
    self(ctx).logs.emplace_back(level, msg ? msg : "");
  }
  static const char *config_cb(qloop_host_ctx *ctx, const char *key) {
    auto &h = self(ctx);
    auto it = h.config.find(key);
    return it == h.config.end() ? nullptr : it->second.c_str();
  }

  qloop_host_services services_{};
  qloop_host host_{};
};

// The built plugin, loaded once.
inline const qloop_plugin_descriptor *descriptor(const qloop_host *host) {
  static void *lib = dlopen(CLASSIFY_PLUGIN, RTLD_NOW | RTLD_LOCAL);
  if (lib == nullptr) {
    ADD_FAILURE() << "dlopen " << CLASSIFY_PLUGIN << ": " << dlerror();
    return nullptr;
  }
  auto entry = reinterpret_cast<qloop_plugin_entry_fn>(dlsym(lib, QLOOP_ENTRY_SYMBOL));
  if (entry == nullptr) {
    ADD_FAILURE() << "no " << QLOOP_ENTRY_SYMBOL;
    return nullptr;
  }
  return entry(host);
}

struct Call {
  qloop_status status = QLOOP_ERR_INTERNAL;
  std::string text;       // the result JSON as returned, or the error message
  json result;            // parsed, on success
  double seconds = 0;     // wall time of the plugin call alone
  double cpu_seconds = 0; // this thread's CPU time in it: per-core cost on a busy machine

  bool ok() const { return status == QLOOP_OK; }
  // The result, or the error, for comparing two paths.
  std::string outcome() const { return ok() ? text : "error " + std::to_string(status) + ": " + text; }
};

// One instance of the plugin, as the host keeps it between calls.
class Instance {
public:
  explicit Instance(FakeHost &host) : host_(host) {
    d_ = descriptor(host.host());
    if (d_ == nullptr) return;
    if (d_->create(host.host(), &inst_) != QLOOP_OK) ADD_FAILURE() << "create: " << d_->last_error(nullptr);
    api_ = static_cast<const qloop_analysis_api *>(d_->kind_api);
  }
  ~Instance() {
    if (d_ && inst_) d_->destroy(inst_);
  }
  Instance(const Instance &) = delete;
  Instance &operator=(const Instance &) = delete;

  // The request as JSON, table included.
  Call analyze(const std::string &method, const json &request) {
    const std::string req = request.dump();
    const char *out = nullptr;
    size_t len = 0;
    Call c;
    const auto start = std::chrono::steady_clock::now();
    const double cpu = thread_cpu();
    c.status = api_->analyze(inst_, method.c_str(), req.c_str(), req.size(), &out, &len);
    c.cpu_seconds = thread_cpu() - cpu;
    c.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return finish(c, out, len);
  }

  // The same request with its table sent as host columns, as `qloop
  // analyze` does for a CSV.
  Call analyze_columns(const std::string &method, const json &request) {
    json rest = request;
    rest.erase("table");
    auto batch = qloop::sdk::ColumnBatch::from_json_table(request.at("table"));
    const std::string req = rest.dump();
    const char *out = nullptr;
    size_t len = 0;
    Call c;
    const auto &view = batch.view();
    const auto start = std::chrono::steady_clock::now();
    const double cpu = thread_cpu();
    c.status = api_->analyze_columns(inst_, method.c_str(), req.c_str(), req.size(), &view, &out, &len);
    c.cpu_seconds = thread_cpu() - cpu;
    c.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return finish(c, out, len);
  }

  bool has_columns_path() const { return api_ && api_->analyze_columns != nullptr; }

private:
  static double thread_cpu() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
  Call finish(Call &c, const char *out, size_t len) {
    if (c.status == QLOOP_OK) {
      c.text.assign(out, len);
      c.result = json::parse(c.text, nullptr, false);
      EXPECT_FALSE(c.result.is_discarded()) << c.text.substr(0, 300);
    } else {
      c.text = d_->last_error(inst_);
    }
    return c;
  }

  FakeHost &host_;
  const qloop_plugin_descriptor *d_ = nullptr;
  qloop_instance *inst_ = nullptr;
  const qloop_analysis_api *api_ = nullptr;
};

} // namespace classify_test
