// The built plugin through its C entry, as the host loads it: descriptor,
// config errors as statuses, a one-off .eml file.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <dlfcn.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <qloop/plugin.h>

#include "fakes.hpp"

namespace {

using nlohmann::json;

struct Host {
  std::map<std::string, std::string> config;
  std::vector<json> records;
  std::vector<std::pair<std::string, std::string>> held; // key, reason
  qloop_host_services services{};
  qloop_host host{};

  Host() {
    services.struct_size = sizeof(services);
    services.log = [](qloop_host_ctx *, qloop_log_level, const char *) {};
    services.config_get = [](qloop_host_ctx *ctx, const char *key) -> const char * {
      auto &self = *reinterpret_cast<Host *>(ctx);
      auto it = self.config.find(key);
      return it == self.config.end() ? nullptr : it->second.c_str();
    };
    services.submit_records = [](qloop_host_ctx *ctx, const char *data, size_t len) {
      for (auto &r : json::parse(std::string(data, len))) reinterpret_cast<Host *>(ctx)->records.push_back(r);
      return QLOOP_OK;
    };
    services.quarantine = [](qloop_host_ctx *ctx, const char *key, const char *, size_t, const char *reason) {
      reinterpret_cast<Host *>(ctx)->held.emplace_back(key, reason);
      return QLOOP_OK;
    };
    host.struct_size = sizeof(host);
    host.abi_major = QLOOP_ABI_MAJOR;
    host.abi_minor = QLOOP_ABI_MINOR;
    host.host_version = "test";
    host.ctx = reinterpret_cast<qloop_host_ctx *>(this);
    host.services = &services;
  }
};

const qloop_plugin_descriptor *load(const qloop_host *host) {
  static void *lib = dlopen(INTAKE_EMAIL_PLUGIN, RTLD_NOW | RTLD_LOCAL);
  if (lib == nullptr) {
    ADD_FAILURE() << dlerror();
    return nullptr;
  }
  auto entry = reinterpret_cast<qloop_plugin_entry_fn>(dlsym(lib, QLOOP_ENTRY_SYMBOL));
  return entry != nullptr ? entry(host) : nullptr;
}

struct Outcome {
  qloop_status status;
  std::string text;
};

Outcome run(Host &h, const json &request) {
  const qloop_plugin_descriptor *d = load(&h.host);
  if (d == nullptr) return {QLOOP_ERR_INTERNAL, "no descriptor"};
  qloop_instance *inst = nullptr;
  if (d->create(&h.host, &inst) != QLOOP_OK) return {QLOOP_ERR_INTERNAL, d->last_error(nullptr)};
  const std::string req = request.dump();
  const char *out = nullptr;
  size_t len = 0;
  const auto *api = static_cast<const qloop_intake_api *>(d->kind_api);
  const qloop_status status = api->run(inst, req.c_str(), req.size(), &out, &len);
  Outcome o{status, status == QLOOP_OK ? std::string(out, len) : std::string(d->last_error(inst))};
  d->destroy(inst);
  return o;
}

TEST(Plugin, Descriptor) {
  Host h;
  const qloop_plugin_descriptor *d = load(&h.host);
  ASSERT_NE(d, nullptr);
  EXPECT_STREQ(d->id, "intake.email");
  EXPECT_EQ(d->kind, QLOOP_KIND_INTAKE);
  std::vector<std::string> keys;
  for (uint32_t i = 0; i < d->config_key_count; ++i) {
    keys.push_back(d->config_keys[i].name);
    EXPECT_EQ(d->config_keys[i].required, 0) << "a required key would refuse the plugin in every host config";
  }
  for (const char *k : {"url", "user", "password", "password_file", "tls", "channel", "customer_from",
                        "customer_map", "after"})
    EXPECT_NE(std::find(keys.begin(), keys.end(), k), keys.end()) << k;
}

TEST(Plugin, NoUrlIsAConfigError) {
  Host h;
  const Outcome o = run(h, json::object());
  EXPECT_EQ(o.status, QLOOP_ERR_CONFIG);
  EXPECT_NE(o.text.find("url"), std::string::npos) << o.text;
  h.config["after"] = "archive";
  EXPECT_EQ(run(h, json::object()).status, QLOOP_ERR_CONFIG);
}

TEST(Plugin, UnreachableServerIsAnIoError) {
  Host h;
  h.config = {{"url", "imap://127.0.0.1:1/INBOX"}, {"tls", "off"}, {"timeout_seconds", "5"}};
  const Outcome o = run(h, json::object());
  EXPECT_EQ(o.status, QLOOP_ERR_IO);
  EXPECT_NE(o.text.find("imap://127.0.0.1:1/INBOX"), std::string::npos) << o.text;
}

TEST(Plugin, OneFileAndOneBrokenFile) {
  Host h;
  h.config["channel"] = "mail";
  const Outcome ok = run(h, {{"file", email_test::data_dir() + "big5-8bit.eml"}});
  ASSERT_EQ(ok.status, QLOOP_OK) << ok.text;
  EXPECT_EQ(json::parse(ok.text)["submitted"], 1);
  ASSERT_EQ(h.records.size(), 1u);
  EXPECT_EQ(h.records[0]["channel"], "mail");
  EXPECT_EQ(h.records[0]["customer"], "taiyuan-tech.com.tw");

  const Outcome held = run(h, {{"payload_file", email_test::data_dir() + "broken.eml"}});
  ASSERT_EQ(held.status, QLOOP_OK) << held.text;
  ASSERT_EQ(h.held.size(), 1u);
  EXPECT_EQ(h.held[0].first.rfind("email:sha256:", 0), 0u);
  EXPECT_EQ(run(h, {{"file", "/nonexistent.eml"}}).status, QLOOP_ERR_INVALID_INPUT);

  // `qloop intake submit` of a UTF-8 message as text.
  const Outcome text = run(h, {{"payload_text", email_test::sample("reply.eml")}});
  ASSERT_EQ(text.status, QLOOP_OK) << text.text;
  ASSERT_EQ(h.records.size(), 2u);
  EXPECT_EQ(h.records[1]["thread"]["complaint_number"], "QC-2026-00012");
}

} // namespace
