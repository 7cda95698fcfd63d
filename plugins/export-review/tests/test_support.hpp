// Shared by the export.review tests: a fake host (config section, captured
// log), the sample KPI report (tests/data), a driver for the plugin class,
// and runners for the independent readers (poppler-utils, openpyxl).
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <qloop/plugin.h>

#include "exporter.hpp"

namespace review_test {

using json = nlohmann::json;
namespace fs = std::filesystem;

using Config = std::map<std::string, std::string>;

// A qloop_host whose services read a config map and keep the log.
class FakeHost {
public:
  explicit FakeHost(Config config = {}) : config_(std::move(config)) {
    services_.struct_size = sizeof(services_);
    services_.log = &FakeHost::log;
    services_.config_get = &FakeHost::config_get;
    services_.submit_records = [](qloop_host_ctx *, const char *, size_t) -> qloop_status {
      return QLOOP_ERR_HOST;
    };
    services_.quarantine = [](qloop_host_ctx *, const char *, const char *, size_t,
                              const char *) -> qloop_status { return QLOOP_ERR_HOST; };
    host_.struct_size = sizeof(host_);
    host_.abi_major = QLOOP_ABI_MAJOR;
    host_.abi_minor = QLOOP_ABI_MINOR;
    host_.host_version = "test";
    host_.ctx = reinterpret_cast<qloop_host_ctx *>(this);
    host_.services = &services_;
  }
  FakeHost(const FakeHost &) = delete;
  FakeHost &operator=(const FakeHost &) = delete;

  const qloop_host *raw() const { return &host_; }
  const std::vector<std::string> &logs() const { return logs_; }

private:
  static FakeHost *self(qloop_host_ctx *ctx) { return reinterpret_cast<FakeHost *>(ctx); }
  static void log(qloop_host_ctx *ctx, qloop_log_level, const char *msg) {
    self(ctx)->logs_.emplace_back(msg);
  }
  static const char *config_get(qloop_host_ctx *ctx, const char *key) {
    auto &c = self(ctx)->config_;
    if (auto it = c.find(key); it != c.end()) return it->second.c_str();
    // The host applies declared defaults before the plugin sees them.
    for (const auto &k : qloop::review::ReviewExporter::config_keys)
      if (std::string(k.name) == key) return k.default_value;
    return nullptr;
  }

  Config config_;
  std::vector<std::string> logs_;
  qloop_host_services services_{};
  qloop_host host_{};
};

inline const char *kScript = "<script>alert('pwned')</script>";

inline std::string read_file(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_text(const fs::path &path, const std::string &text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// The checked-in sample report (tests/data/review-sample.json).
inline json sample() { return json::parse(read_file(REVIEW_SAMPLE)); }

struct ExportRun {
  json summary;
  std::string output;
};

// begin + one batch + finish on a fresh plugin instance, as the host does.
inline ExportRun run_export(FakeHost &host, const std::string &format, const fs::path &output,
                            const std::string &lang, const json &report,
                            const json &options = json::object()) {
  qloop::review::ReviewExporter plugin{qloop::sdk::Host(host.raw())};
  json opts = options;
  opts["report"] = "review";
  const json request = {{"format", format}, {"output", output.string()}, {"lang", lang}, {"options", opts}};
  plugin.begin(request.dump());
  plugin.write_batch(json::array({report}).dump());
  return {json::parse(plugin.finish()), output.string()};
}

inline fs::path output_dir(const std::string &name) {
  fs::path dir = fs::path(REVIEW_TEST_OUTPUT) / name;
  fs::create_directories(dir);
  return dir;
}

// Runs a command and returns its standard output (the tests' own tools only).
inline std::string run(const std::string &command, int *status = nullptr) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE *)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe.get())) > 0) out.append(buf, n);
  const int rc = pclose(pipe.release());
  if (status != nullptr) *status = rc;
  return out;
}

inline std::string quoted(const fs::path &p) { return std::string("'").append(p.string()).append("'"); }

inline std::size_t count(const std::string &haystack, const std::string &needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

// The product Pareto of the sample with its first key replaced.
inline json with_product_key(json report, const std::string &key) {
  report["pareto"]["product"][0]["key"] = key;
  return report;
}

} // namespace review_test
