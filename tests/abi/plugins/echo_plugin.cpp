// A well-behaved analysis plugin on the C++ layer, for the host's tests:
// "echo" answers, "fail" reports invalid input, "throw" throws a plain
// exception, "crash_alloc" throws std::bad_alloc, "submit" and "quarantine"
// hand the request to the host's intake services.
#include <new>
#include <stdexcept>
#include <string>

#include <qloop/plugin.hpp>

namespace {

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out + "\"";
}

class EchoPlugin : public qloop::sdk::AnalysisPlugin {
public:
  static constexpr const char *id = QLOOP_TEST_ID;
  static constexpr const char *name = "Echo (test)";
  static constexpr const char *version = "1.2.3";
  static constexpr const char *vendor = "qloop tests";
  static constexpr const char *description = "Echoes its request; fails on demand";
  static constexpr const char *license = "Apache-2.0";
  static constexpr const char *methods[] = {"echo",   "fail",       "throw",  "crash_alloc",
                                            "submit", "quarantine", "folder", nullptr};
  static constexpr qloop_config_key config_keys[] = {
      qloop::sdk::key("greeting", QLOOP_CONFIG_STRING, "hello", "Word put before the echo"),
      qloop::sdk::key("repeat", QLOOP_CONFIG_INT, "1", "How many times to repeat the greeting"),
      qloop::sdk::key("throw_on_create", QLOOP_CONFIG_BOOL, "false", "Make create() throw (tests)"),
      qloop::sdk::key("folder", QLOOP_CONFIG_PATH, "", "A folder, echoed by method \"folder\" (tests)"),
#ifdef QLOOP_TEST_REQUIRED_KEY
      qloop::sdk::key("endpoint", QLOOP_CONFIG_STRING, nullptr, "Required by this variant", true),
#endif
  };

  explicit EchoPlugin(qloop::sdk::Host host) : AnalysisPlugin(host) {
    if (host.config_bool("throw_on_create", false)) throw std::runtime_error("told to fail in create");
    host.debug("echo instance created");
  }

  std::string analyze(std::string_view method, std::string_view request) override {
    if (method == "fail") throw qloop::sdk::InvalidInput("field 'x': must be a number");
    if (method == "throw") throw std::logic_error("a bug in the plugin");
    if (method == "crash_alloc") throw std::bad_alloc();
    if (method == "submit") {
      host().submit_records(request);
      return "{\"submitted\":true}";
    }
    if (method == "quarantine") {
      host().quarantine("row-7", request, "phenomenon: must not be empty");
      return "{\"quarantined\":true}";
    }
    if (method == "folder") return "{\"folder\":" + quoted(host().config_or("folder", "")) + "}";
    std::string greeting;
    for (long long i = 0; i < host().config_int("repeat", 1); ++i)
      greeting += host().config_or("greeting", "?");
    return "{\"method\":" + quoted(method) + ",\"greeting\":" + quoted(greeting) +
           ",\"request_bytes\":" + std::to_string(request.size()) +
           ",\"summary\":{\"echo\":" + quoted(request) + "}}";
  }

  // ABI 1.3: says what arrived as columns (names, types, rows, the first
  // row's values as text) beside the request.
  std::string analyze_columns(std::string_view method, std::string_view request,
                              const qloop::sdk::RecordBatch &table) {
    using qloop::sdk::RecordBatch;
    std::string columns, first;
    for (std::size_t j = 0; j < table.columns(); ++j) {
      const qloop_column &c = table.column_at(j);
      const char *type = c.type == QLOOP_VALUE_DOUBLE   ? "double"
                         : c.type == QLOOP_VALUE_STRING ? "string"
                                                        : "other";
      columns += std::string(j ? "," : "") + "[" + quoted(c.name) + ",\"" + type + "\"]";
      std::string value = !RecordBatch::has(&c, 0)       ? "null"
                          : c.type == QLOOP_VALUE_DOUBLE ? std::to_string(RecordBatch::number(&c, 0))
                                                         : quoted(RecordBatch::text(&c, 0));
      if (table.rows() == 0) value = "null";
      first += std::string(j ? "," : "") + value;
    }
    return "{\"method\":" + quoted(method) + ",\"rows\":" + std::to_string(table.rows()) + ",\"columns\":[" +
           columns + "],\"first_row\":[" + first + "],\"summary\":{\"echo\":" + quoted(request) + "}}";
  }
};

} // namespace

QLOOP_PLUGIN(EchoPlugin)
