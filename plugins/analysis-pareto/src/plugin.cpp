// Plugin entry for method "pareto" (柏拉图): reads the configured defaults,
// hands the request to the method code, returns its result.
#include <string>

#include <qloop/plugin.hpp>

#include "pareto_analysis.hpp"

namespace {

class ParetoPlugin : public qloop::sdk::AnalysisPlugin {
public:
  static constexpr const char *id = "analysis.pareto";
  static constexpr const char *name = "Pareto analysis";
  static constexpr const char *version = "1.0.0";
  static constexpr const char *vendor = "qloop";
  static constexpr const char *description =
      "Pareto table and chart by any field: counts or summed cost, cumulative percent, the vital few";
  static constexpr const char *license = "Apache-2.0";
  static constexpr const char *methods[] = {"pareto", nullptr};
  static constexpr qloop_config_key config_keys[] = {
      qloop::sdk::key("threshold", QLOOP_CONFIG_DOUBLE, "80", "Cumulative percent the vital few must reach"),
      qloop::sdk::key("top_n", QLOOP_CONFIG_INT, "0",
                      "Fold categories after the top N into one bucket (0: never)"),
  };

  using AnalysisPlugin::AnalysisPlugin;

  std::string analyze(std::string_view, std::string_view request_json) override {
    auto request = nlohmann::json::parse(request_json, nullptr, false);
    if (request.is_discarded()) throw qloop::sdk::InvalidInput("request: not valid JSON");
    auto result = qloop::pareto::analyze(request, configured());
    host().debug("pareto: " + std::to_string(result["summary"]["categories"].get<std::size_t>()) +
                 " categories");
    return result.dump();
  }

private:
  qloop::pareto::Settings configured() const {
    qloop::pareto::Settings s;
    s.threshold = host().config_double("threshold", s.threshold);
    const long long top_n = host().config_int("top_n", 0);
    if (!(s.threshold > 0 && s.threshold <= 100) || top_n < 0)
      throw qloop::sdk::Error(QLOOP_ERR_CONFIG,
                              "[analysis.pareto]: need 0 < threshold <= 100 and top_n >= 0");
    s.top_n = static_cast<std::size_t>(top_n);
    return s;
  }
};

} // namespace

QLOOP_PLUGIN(ParetoPlugin)
