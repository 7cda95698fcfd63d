#include "core/log/logging.hpp"

#include <mutex>
#include <stdexcept>
#include <vector>

#include <nlohmann/json.hpp>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace qloop::log {
namespace {

// "%j": the message as the inside of a JSON string, so JSON lines stay valid
// whatever a complaint text or a plugin puts in a message.
class JsonEscapedMessage : public spdlog::custom_flag_formatter {
public:
  void format(const spdlog::details::log_msg &msg, const std::tm &, spdlog::memory_buf_t &dest) override {
    std::string quoted = nlohmann::json(std::string(msg.payload.data(), msg.payload.size()))
                             .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    dest.append(quoted.data() + 1, quoted.data() + quoted.size() - 1);
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<JsonEscapedMessage>();
  }
};

struct State {
  std::mutex mutex;
  Settings settings;
  std::vector<spdlog::sink_ptr> sinks;
};

State &state() {
  static State s;
  return s;
}

std::unique_ptr<spdlog::formatter> make_formatter(bool json) {
  auto f = std::make_unique<spdlog::pattern_formatter>();
  if (json) {
    f->add_flag<JsonEscapedMessage>('j').set_pattern(
        R"({"time":"%Y-%m-%dT%H:%M:%S.%e%z","level":"%l","logger":"%n","msg":"%j"})");
  } else {
    f->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ [%n] %v");
  }
  return f;
}

std::vector<spdlog::sink_ptr> make_sinks(const Settings &s) {
  std::vector<spdlog::sink_ptr> sinks;
  if (s.console) sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
  if (!s.file.empty())
    sinks.push_back(
        std::make_shared<spdlog::sinks::rotating_file_sink_mt>(s.file, s.max_size_bytes, s.max_files));
  for (auto &sink : sinks) sink->set_formatter(make_formatter(s.json));
  return sinks;
}

spdlog::level::level_enum level_for(const Settings &s, const std::string &name) {
  auto it = s.levels.find(name);
  if (it != s.levels.end()) return parse_level(it->second);
  // "plugin.analysis.doe" also takes the level set for "plugin".
  auto dot = name.find('.');
  if (dot != std::string::npos) {
    it = s.levels.find(name.substr(0, dot));
    if (it != s.levels.end()) return parse_level(it->second);
  }
  return parse_level(s.level);
}

void ensure_sinks(State &st) {
  if (st.sinks.empty()) st.sinks = make_sinks(st.settings);
}

} // namespace

spdlog::level::level_enum parse_level(const std::string &name) {
  static const std::map<std::string, spdlog::level::level_enum> names = {
      {"trace", spdlog::level::trace},       {"debug", spdlog::level::debug},  {"info", spdlog::level::info},
      {"warn", spdlog::level::warn},         {"warning", spdlog::level::warn}, {"error", spdlog::level::err},
      {"critical", spdlog::level::critical}, {"off", spdlog::level::off}};
  auto it = names.find(name);
  if (it == names.end())
    throw std::invalid_argument("unknown log level '" + name +
                                "' (expected trace, debug, info, warn, error, "
                                "critical or off)");
  return it->second;
}

void configure(const Settings &settings) {
  // Validate every level before changing anything.
  parse_level(settings.level);
  for (const auto &[name, level] : settings.levels) parse_level(level);

  State &st = state();
  std::lock_guard lock(st.mutex);
  st.settings = settings;
  st.sinks = make_sinks(settings);
  spdlog::apply_all([&](const std::shared_ptr<spdlog::logger> &logger) {
    logger->sinks() = st.sinks;
    logger->set_level(level_for(st.settings, logger->name()));
  });
}

std::shared_ptr<spdlog::logger> get(const std::string &name) {
  State &st = state();
  std::lock_guard lock(st.mutex);
  if (auto existing = spdlog::get(name)) return existing;
  ensure_sinks(st);
  auto logger = std::make_shared<spdlog::logger>(name, st.sinks.begin(), st.sinks.end());
  logger->set_level(level_for(st.settings, name));
  logger->flush_on(spdlog::level::warn);
  spdlog::register_logger(logger);
  return logger;
}

} // namespace qloop::log
