// Plugin entry for method "fishbone" (Ishikawa / 鱼骨图 over the 6M).
#include <string>

#include <qloop/plugin.hpp>

#include "fishbone_analysis.hpp"

namespace {

class FishbonePlugin : public qloop::sdk::AnalysisPlugin {
public:
  static constexpr const char *id = "analysis.fishbone";
  static constexpr const char *name = "Fishbone (Ishikawa) diagram";
  static constexpr const char *version = "1.0.0";
  static constexpr const char *vendor = "qloop";
  static constexpr const char *description =
      "6M cause-and-effect diagram with cause status, links to 5 Why and DOE, counts and review findings";
  static constexpr const char *license = "Apache-2.0";
  static constexpr const char *methods[] = {"fishbone", nullptr};

  using AnalysisPlugin::AnalysisPlugin;

  std::string analyze(std::string_view, std::string_view request_json) override {
    auto request = nlohmann::json::parse(request_json, nullptr, false);
    if (request.is_discarded()) throw qloop::sdk::InvalidInput("request: not valid JSON");
    auto result = qloop::fishbone::analyze(request);
    host().debug("fishbone: " + std::to_string(result["summary"]["causes"].get<std::size_t>()) + " causes");
    return result.dump();
  }
};

} // namespace

QLOOP_PLUGIN(FishbonePlugin)
