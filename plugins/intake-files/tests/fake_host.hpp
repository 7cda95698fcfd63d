// A tiny host for the tests: a services table whose submit_records and
// quarantine keep what they get, deduplicated by source key as the real host
// does, and the built plugin loaded through its C entry (dlopen), so the
// tests drive exactly what qloop loads.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <dlfcn.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <qloop/plugin.h>

namespace files_test {

using nlohmann::json;

struct Quarantined {
  std::string raw, reason;
  int attempts = 0;
};

// Checks a record with the schema's rules, independently of the plugin's own
// checks: required non-empty strings, an ISO date-time with offset, a whole
// quantity >= 0, the severity enum.
inline std::vector<std::string> independent_problems(const json &r) {
  std::vector<std::string> out;
  for (const char *f : {"source_key", "channel", "received_at", "customer", "phenomenon"})
    if (!r.contains(f) || !r[f].is_string() || r[f].get<std::string>().empty()) out.push_back(f);
  static const std::regex iso(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))");
  if (r.contains("received_at") && r["received_at"].is_string() &&
      !std::regex_match(r["received_at"].get<std::string>(), iso))
    out.push_back("received_at format");
  if (r.contains("quantity_affected") &&
      !(r["quantity_affected"].is_number_integer() && r["quantity_affected"].get<long long>() >= 0))
    out.push_back("quantity_affected");
  if (r.contains("severity") && r["severity"] != "critical" && r["severity"] != "major" &&
      r["severity"] != "minor")
    out.push_back("severity");
  if (r.contains("extra") && !r["extra"].is_object()) out.push_back("extra");
  return out;
}

class FakeHost {
public:
  std::map<std::string, std::string> config;
  std::map<std::string, json> records; // by source key
  std::vector<std::string> arrival;    // source keys in the order stored
  std::map<std::string, Quarantined> quarantine;
  std::vector<std::pair<qloop_log_level, std::string>> logs;
  std::size_t batches = 0, duplicates = 0, invalid = 0;
  // false: valid records are counted (taken) but not kept, so a memory
  // probe importing a million rows measures the plugin, not this map.
  bool keep_records = true;
  std::size_t taken = 0;
  std::vector<std::size_t> batch_sizes;
  // Refuse every batch after this many were accepted (-1: never).
  int refuse_after_batches = -1;
  bool refuse_quarantine = false;
  // Called before a batch is stored, with the number of batches stored so far.
  std::function<void(std::size_t)> before_batch;
  // Called after a batch or quarantine item is stored (e.g. to persist it).
  std::function<void(const json &)> stored;

  FakeHost() {
    services_.struct_size = sizeof(qloop_host_services);
    services_.log = &FakeHost::log_cb;
    services_.config_get = &FakeHost::config_cb;
    services_.submit_records = &FakeHost::submit_cb;
    services_.quarantine = &FakeHost::quarantine_cb;
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

  // Takes a record as the real host does: a known key is a duplicate.
  void take(const json &r) {
    if (!independent_problems(r).empty()) {
      ++invalid;
      return;
    }
    if (!keep_records) {
      ++taken;
      return;
    }
    const std::string key = r["source_key"];
    if (records.count(key)) {
      ++duplicates;
      return;
    }
    records[key] = r;
    arrival.push_back(key);
  }

  std::string logged() const {
    std::string out;
    for (const auto &[level, m] : logs) out += m + "\n";
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
  static qloop_status submit_cb(qloop_host_ctx *ctx, const char *data, size_t len) {
    auto &h = self(ctx);
    if (h.before_batch) h.before_batch(h.batches);
    if (h.refuse_after_batches >= 0 && h.batches >= static_cast<std::size_t>(h.refuse_after_batches))
      return QLOOP_ERR_HOST;
    json batch = json::parse(std::string(data, len), nullptr, false);
    if (!batch.is_array()) return QLOOP_ERR_HOST;
    for (const auto &r : batch) h.take(r);
    ++h.batches;
    h.batch_sizes.push_back(batch.size());
    if (h.stored) h.stored(json{{"batch", batch}});
    return QLOOP_OK;
  }
  static qloop_status quarantine_cb(qloop_host_ctx *ctx, const char *key, const char *raw, size_t len,
                                    const char *reason) {
    auto &h = self(ctx);
    if (h.refuse_quarantine) return QLOOP_ERR_HOST;
    auto &q = h.quarantine[key ? key : ""];
    q.raw.assign(raw ? raw : "", raw ? len : 0);
    q.reason = reason ? reason : "";
    ++q.attempts;
    if (h.stored) h.stored(json{{"quarantine", key ? key : ""}, {"reason", q.reason}});
    return QLOOP_OK;
  }

  qloop_host_services services_{};
  qloop_host host_{};
};

// The built plugin, loaded once.
inline const qloop_plugin_descriptor *descriptor(const qloop_host *host) {
  static void *lib = dlopen(INTAKE_FILES_PLUGIN, RTLD_NOW | RTLD_LOCAL);
  if (lib == nullptr) {
    ADD_FAILURE() << "dlopen " << INTAKE_FILES_PLUGIN << ": " << dlerror();
    return nullptr;
  }
  auto entry = reinterpret_cast<qloop_plugin_entry_fn>(dlsym(lib, QLOOP_ENTRY_SYMBOL));
  if (entry == nullptr) {
    ADD_FAILURE() << "no " << QLOOP_ENTRY_SYMBOL;
    return nullptr;
  }
  return entry(host);
}

struct RunResult {
  qloop_status status = QLOOP_ERR_INTERNAL;
  json summary;
  std::string error;
};

// create(), run(request), destroy(), as the host does.
inline RunResult run_plugin(FakeHost &fake, const json &request = json::object()) {
  RunResult out;
  const qloop_plugin_descriptor *d = descriptor(fake.host());
  if (d == nullptr) return out;
  qloop_instance *inst = nullptr;
  out.status = d->create(fake.host(), &inst);
  if (out.status != QLOOP_OK) {
    out.error = d->last_error(nullptr);
    return out;
  }
  const auto *api = static_cast<const qloop_intake_api *>(d->kind_api);
  const std::string req = request.dump();
  const char *result = nullptr;
  size_t result_len = 0;
  out.status = api->run(inst, req.c_str(), req.size(), &result, &result_len);
  if (out.status == QLOOP_OK)
    out.summary = json::parse(std::string(result, result_len));
  else
    out.error = d->last_error(inst);
  d->destroy(inst);
  return out;
}

// Folders made by temp_dir, removed when the test process exits.
struct TempDirs {
  std::vector<std::string> dirs;
  ~TempDirs() {
    for (const auto &d : dirs) {
      std::error_code ec;
      std::filesystem::remove_all(d, ec);
    }
  }
};
inline TempDirs temp_dirs;

// A fresh empty folder for one test.
inline std::string temp_dir(const std::string &tag) {
  std::string pattern = ::testing::TempDir() + "intake-files-" + tag + "-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data()) == nullptr) ADD_FAILURE() << "mkdtemp " << pattern;
  temp_dirs.dirs.emplace_back(buf.data());
  return std::string(buf.data());
}

inline void write_file(const std::string &path, const std::string &bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  ASSERT_TRUE(out.good()) << path;
}

inline std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Output of a shell command (sha256sum, iconv, python3), independent of the plugin.
inline std::string shell(const std::string &command) {
  std::string out;
  FILE *p = popen(command.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int rc = pclose(p);
  EXPECT_EQ(rc, 0) << command;
  return out;
}

inline std::string sha256_of(const std::string &path) {
  return shell("sha256sum '" + path + "'").substr(0, 64);
}

// Text re-encoded with the iconv command line tool (e.g. to GBK).
inline std::string iconv_to(const std::string &utf8, const std::string &encoding, const std::string &dir) {
  const std::string in = dir + "/iconv-in.txt";
  write_file(in, utf8);
  return shell("iconv -f UTF-8 -t " + encoding + " '" + in + "'");
}

// Records ordered by source key row number.
inline json record_at(const FakeHost &h, const std::string &sha, std::size_t row) {
  auto it = h.records.find("file:" + sha + ":" + std::to_string(row));
  return it == h.records.end() ? json() : it->second;
}

} // namespace files_test
