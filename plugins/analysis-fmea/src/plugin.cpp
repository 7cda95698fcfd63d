// analysis.fmea: FMEA worksheets (design, process, FMEA-MSR) with the AIAG &
// VDA action priority, field-complaint checks, CSV/XLSX in and out.
#include <qloop/plugin.hpp>

#include "methods.hpp"

namespace {

class FmeaPlugin : public qloop::sdk::AnalysisPlugin {
public:
  static constexpr const char *id = "analysis.fmea";
  static constexpr const char *name = "FMEA";
  static constexpr const char *version = "0.1.0";
  static constexpr const char *vendor = "qloop";
  static constexpr const char *description =
      "FMEA worksheets with AIAG & VDA action priority (DFMEA/PFMEA and FMEA-MSR), complaint links, CSV/XLSX";
  static constexpr const char *license = "Apache-2.0";
  static constexpr const char *methods[] = {"fmea", "fmea.ap", nullptr};

  using AnalysisPlugin::AnalysisPlugin;

  std::string analyze(std::string_view method, std::string_view request_json) override {
    nlohmann::json request;
    try {
      request = nlohmann::json::parse(request_json);
    } catch (const nlohmann::json::parse_error &e) {
      throw qloop::sdk::InvalidInput(std::string("field 'request': not valid JSON: ") + e.what());
    }
    if (method == "fmea") {
      auto log = [this](const std::string &m) { host().info(m); };
      return qloop::fmea::run_fmea(request, log)
          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    if (method == "fmea.ap")
      return qloop::fmea::run_ap(request).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    throw qloop::sdk::Unsupported("method '" + std::string(method) + "' is not provided by analysis.fmea");
  }
};

} // namespace

QLOOP_PLUGIN(FmeaPlugin)
