// One of the 20 plugins of the start-up benchmark; BENCH_ID names it.
#include <qloop/plugin.hpp>

namespace {

class Startup : public qloop::sdk::AnalysisPlugin {
public:
  static constexpr const char *id = BENCH_ID;
  static constexpr const char *name = "start-up benchmark plugin";
  static constexpr const char *version = "1.0.0";
  static constexpr const char *vendor = "qloop";
  static constexpr const char *description = "Does nothing; exists to be loaded";
  static constexpr const char *methods[] = {BENCH_ID, nullptr};
  static constexpr qloop_config_key config_keys[] = {
      qloop::sdk::key("threshold", QLOOP_CONFIG_DOUBLE, "0.8", "Unused"),
      qloop::sdk::key("enabled", QLOOP_CONFIG_BOOL, "true", "Unused"),
  };
  using AnalysisPlugin::AnalysisPlugin;
  std::string analyze(std::string_view, std::string_view) override { return "{}"; }
};

} // namespace

QLOOP_PLUGIN(Startup)
