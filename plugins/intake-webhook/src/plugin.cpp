// Intake channel "webhook": payloads from online service, chat and social-
// media connectors. Today they arrive through `qloop intake submit --channel
// webhook FILE`; the host's HTTP endpoint hands over the same request later.
#include <array>
#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>

#include <openssl/evp.h>
#include <qloop/plugin.hpp>

#include "webhook_mapping.hpp"

namespace {

using nlohmann::json;

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
    throw qloop::sdk::Error(QLOOP_ERR_INTERNAL, "SHA-256 failed");
  static const char *hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0xF];
  }
  return out;
}

std::string utc_now_iso() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::array<char, 32> buf{};
  std::strftime(buf.data(), buf.size(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf.data();
}

class WebhookIntake : public qloop::sdk::IntakePlugin {
public:
  static constexpr const char *id = "intake.webhook";
  static constexpr const char *name = "Webhook intake";
  static constexpr const char *version = "1.0.0";
  static constexpr const char *vendor = "qloop";
  static constexpr const char *description = "JSON payloads from online service, chat and social-media "
                                             "connectors, mapped to records by JSON pointers";
  static constexpr const char *license = "Apache-2.0";
  static constexpr qloop_config_key config_keys[] = {
      qloop::sdk::key("channel", QLOOP_CONFIG_STRING, "online", "record.channel of what arrives here"),
      qloop::sdk::key("mapping", QLOOP_CONFIG_STRING, qloop::webhook::kDefaultMapping,
                      "record field = JSON pointer into an item, ';'-separated"),
      qloop::sdk::key(
          "items_pointer", QLOOP_CONFIG_STRING, "",
          "JSON pointer to the array of items in a payload (empty: the payload is the item or array)"),
      qloop::sdk::key("key_prefix", QLOOP_CONFIG_STRING, "webhook",
                      "source_key = <key_prefix>:<id of the item>"),
  };

  using IntakePlugin::IntakePlugin;

  std::string run(std::string_view request_json) override {
    auto request = json::parse(request_json, nullptr, false);
    if (request.is_discarded() || !request.is_object())
      throw qloop::sdk::InvalidInput("request: not a JSON object");
    std::string body;
    if (request.contains("payload_file"))
      body = read_file(request["payload_file"].get<std::string>());
    else if (request.contains("payload_text"))
      body = request["payload_text"].get<std::string>();
    else
      return json{{"payloads", 0}, {"note", "webhooks are pushed; nothing to poll"}}.dump();

    const auto mapping = configured();
    const auto hash = sha256_hex(body);
    auto payload = json::parse(body, nullptr, false);
    if (payload.is_discarded()) {
      host().quarantine(mapping.key_prefix + ":sha256:" + hash, body, "payload: not valid JSON");
      throw qloop::sdk::InvalidInput("payload: not valid JSON (kept in the quarantine)");
    }
    const std::string now = request.value("received_at", utc_now_iso());
    auto converted = qloop::webhook::convert(payload, mapping, now, hash);
    for (const auto &r : converted.rejected) host().quarantine(r.source_key, r.raw, r.reason);
    if (!converted.records.empty()) host().submit_records(converted.records.dump());
    return json{
        {"payloads", 1}, {"submitted", converted.records.size()}, {"quarantined", converted.rejected.size()}}
        .dump();
  }

private:
  qloop::webhook::Mapping configured() const {
    try {
      auto m = qloop::webhook::parse_mapping(host().config_or("mapping", qloop::webhook::kDefaultMapping));
      m.items = json::json_pointer(host().config_or("items_pointer", ""));
      m.channel = host().config_or("channel", "online");
      m.key_prefix = host().config_or("key_prefix", "webhook");
      return m;
    } catch (const std::exception &e) {
      throw qloop::sdk::Error(QLOOP_ERR_CONFIG, std::string("[intake.webhook] ") + e.what());
    }
  }

  static std::string read_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw qloop::sdk::InvalidInput("cannot read payload file " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
};

} // namespace

QLOOP_PLUGIN(WebhookIntake)
