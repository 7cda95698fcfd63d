// Built against the FROZEN 1.0 headers (tests/abi/frozen/v1_0): its
// descriptor is the 1.0 size, without the 1.1 licence field. A newer host
// must keep loading it and read its descriptor only as far as it goes.
#include <qloop/plugin.hpp>

static_assert(QLOOP_ABI_MINOR == 0, "this plugin must see the frozen 1.0 header");

namespace {

class LegacyPlugin : public qloop::sdk::AnalysisPlugin {
public:
  static constexpr const char *id = "analysis.test-legacy";
  static constexpr const char *name = "Legacy 1.0 plugin";
  static constexpr const char *version = "1.0.0";
  static constexpr const char *vendor = "a vendor, last year";
  static constexpr const char *description = "Built against the 1.0 SDK headers";
  static constexpr const char *methods[] = {"legacy", nullptr};
  using AnalysisPlugin::AnalysisPlugin;
  std::string analyze(std::string_view, std::string_view request) override {
    return "{\"summary\":{\"abi\":\"1.0\",\"bytes\":" + std::to_string(request.size()) + "}}";
  }
};

} // namespace

QLOOP_PLUGIN(LegacyPlugin)
