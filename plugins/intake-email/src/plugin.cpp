// Plugin entry for intake.email: complaints that arrive by email.
//   run({})                  -> poll the mailbox (url), settle each message per `after`
//   run({"file": PATH})      -> one .eml file, e.g. saved from a mail client
//   run({"payload_file": PATH}) / run({"payload_text": RAW}) (qloop intake submit) -> the same
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>
#include <qloop/plugin.hpp>

#include "customer.hpp"
#include "dates.hpp"
#include "imap_client.hpp"
#include "mime_record.hpp"
#include "poll.hpp"
#include "settings.hpp"

namespace {

using nlohmann::json;
using qloop::sdk::key;
namespace email = qloop::intake_email;

// Hands records and unusable messages to the host through the services table.
class HostSink : public email::Sink {
public:
  explicit HostSink(const qloop::sdk::Host &host) : host_(host) {}
  void submit(std::string_view records_json) override { host_.submit_records(records_json); }
  void quarantine(const std::string &source_key, std::string_view raw, const std::string &reason) override {
    host_.quarantine(source_key, raw, reason);
  }
  void log(qloop_log_level level, const std::string &message) override { host_.log(level, message); }

private:
  const qloop::sdk::Host &host_;
};

std::string dump(const json &j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

class EmailIntake : public qloop::sdk::IntakePlugin {
public:
  static constexpr const char *id = "intake.email";
  static constexpr const char *name = "Email intake (IMAP)";
  static constexpr const char *version = "1.0.0";
  static constexpr const char *vendor = "qloop";
  static constexpr const char *description =
      "Polls a mailbox over IMAP/IMAPS and turns each new email (GBK, Big5, UTF-8; text, HTML, attachments) "
      "into a complaint record; unreadable mail is quarantined, every message taken once";
  static constexpr const char *license = "Apache-2.0";
  static constexpr qloop_config_key config_keys[] = {
      key("url", QLOOP_CONFIG_STRING, "",
          "Mailbox to poll: imap://host:143/INBOX or imaps://host:993/INBOX (needed for scheduled runs)"),
      key("user", QLOOP_CONFIG_STRING, "", "IMAP login name"),
      key("password", QLOOP_CONFIG_STRING, "", "IMAP password (prefer password_file)"),
      key("password_file", QLOOP_CONFIG_PATH, "",
          "File whose first line is the password; wins over password"),
      key("tls", QLOOP_CONFIG_STRING, "require",
          "require (imaps://, or STARTTLS on imap://), try (STARTTLS when offered) or off"),
      key("tls_verify", QLOOP_CONFIG_BOOL, "true", "Verify the server's certificate and host name"),
      key("ca_file", QLOOP_CONFIG_PATH, "", "CA bundle for a private CA (empty: the system's)"),
      key("channel", QLOOP_CONFIG_STRING, "email", "record.channel of what arrives here"),
      key("customer_from", QLOOP_CONFIG_STRING, "domain",
          "Customer when customer_map has no entry: domain (sender's domain), name (display name) or map "
          "(quarantine the message)"),
      key("customer_map", QLOOP_CONFIG_PATH, "", "File of 'domain = customer name' lines, checked first"),
      key("after", QLOOP_CONFIG_STRING, "seen",
          "What marks a message taken once the host has it: seen, move:FOLDER or delete"),
      key("max_messages", QLOOP_CONFIG_INT, "200",
          "Messages per run at most; the rest wait for the next run"),
      key("batch_size", QLOOP_CONFIG_INT, "20", "Records per submit_records call"),
      key("max_message_bytes", QLOOP_CONFIG_INT, "33554432",
          "A larger message is quarantined (its beginning) instead of read"),
      key("timeout_seconds", QLOOP_CONFIG_INT, "60",
          "Connect timeout, and how long a stalled server is waited for"),
      key("fallback_charsets", QLOOP_CONFIG_STRING, "utf-8,gb18030",
          "Charsets tried, in order, for text that names none or names a wrong one"),
      key("cut_quoted", QLOOP_CONFIG_BOOL, "true", "Leave the quoted previous message out of a reply's text"),
  };

  using IntakePlugin::IntakePlugin;

  std::string run(std::string_view request_json) override {
    json request = json::object();
    if (!request_json.empty()) {
      request = json::parse(request_json, nullptr, false);
      if (request.is_discarded() || !request.is_object())
        throw qloop::sdk::InvalidInput("request: not a JSON object");
    }
    const email::Settings settings = configured();
    email::ConvertOptions options;
    options.channel = settings.channel;
    options.fallback_charsets = settings.fallback_charsets;
    options.cut_quoted = settings.cut_quoted;
    options.now = email::utc_now_iso;
    try {
      options.customers = email::CustomerRule::load(settings);
    } catch (const std::invalid_argument &e) {
      throw qloop::sdk::Error(QLOOP_ERR_CONFIG, std::string("[intake.email] ") + e.what());
    }
    HostSink sink(host());

    if (request.contains("payload_text")) {
      if (!request["payload_text"].is_string())
        throw qloop::sdk::InvalidInput("field 'payload_text': not text");
      return dump(one_message(request["payload_text"].get<std::string>(), options, sink));
    }
    for (const char *field : {"file", "payload_file"}) {
      if (!request.contains(field)) continue;
      if (!request[field].is_string() || request[field].get<std::string>().empty())
        throw qloop::sdk::InvalidInput(std::string("field '") + field + "': must be a file path");
      return dump(one_message(read_file(request[field].get<std::string>()), options, sink));
    }

    if (settings.url.empty())
      throw qloop::sdk::Error(QLOOP_ERR_CONFIG,
                              "[intake.email] url: needed to poll a mailbox (imap://host:143/INBOX)");
    try {
      email::ImapClient mailbox(settings);
      json summary = email::poll_mailbox(mailbox, settings, options, sink);
      host().info(mailbox.describe() + ": " + dump(summary));
      return dump(summary);
    } catch (const std::invalid_argument &e) {
      throw qloop::sdk::Error(QLOOP_ERR_CONFIG, std::string("[intake.email] ") + e.what());
    } catch (const email::ImapError &e) {
      throw qloop::sdk::Error(QLOOP_ERR_IO, e.what());
    }
  }

private:
  email::Settings configured() const {
    try {
      return email::read_settings([this](const char *k) { return host().config(k); });
    } catch (const std::invalid_argument &e) {
      throw qloop::sdk::Error(QLOOP_ERR_CONFIG, std::string("[intake.email] ") + e.what());
    }
  }

  // A one-off message: a record or a quarantine item, nothing to settle.
  static json one_message(const std::string &raw, const email::ConvertOptions &options, email::Sink &sink) {
    email::Conversion c = email::convert_message(raw, options);
    if (!c.record) {
      sink.quarantine(c.source_key, raw, c.reason);
      return {{"messages", 1}, {"submitted", 0}, {"quarantined", 1}, {"reason", c.reason}};
    }
    for (const auto &w : c.warnings) sink.log(QLOOP_LOG_WARN, c.source_key + ": " + w);
    sink.submit(dump(json::array({*c.record})));
    return {{"messages", 1}, {"submitted", 1}, {"quarantined", 0}, {"source_key", c.source_key}};
  }

  static std::string read_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw qloop::sdk::InvalidInput("cannot read message file " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
};

} // namespace

QLOOP_PLUGIN(EmailIntake)
