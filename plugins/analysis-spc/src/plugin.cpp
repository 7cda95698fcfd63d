// The analysis.spc plugin: control charts with run rules (spc), process
// capability (capability) and the Anderson-Darling normality test
// (normality).
#include <string>

#include <qloop/plugin.hpp>

#include "methods.hpp"

namespace {

using qloop::spc::Json;

class SpcPlugin : public qloop::sdk::AnalysisPlugin {
public:
  static constexpr const char *id = "analysis.spc";
  static constexpr const char *name = "SPC and capability";
  static constexpr const char *version = "0.1.0";
  static constexpr const char *vendor = "qloop";
  static constexpr const char *description = "Control charts (I-MR, X̄-R, X̄-S, p, np, c, u) with Nelson and "
                                             "Western Electric rules; Cp/Cpk/Pp/Ppk/Cpm "
                                             "with Anderson-Darling normality and Box-Cox";
  static constexpr const char *license = "Apache-2.0";
  static constexpr const char *methods[] = {"spc", "capability", "normality", nullptr};

  using AnalysisPlugin::AnalysisPlugin;

  std::string analyze(std::string_view method, std::string_view request_json) override {
    return run(method, request_json, nullptr);
  }

  // ABI 1.3: the table as host columns, read in place.
  std::string analyze_columns(std::string_view method, std::string_view request_json,
                              const qloop::sdk::RecordBatch &table) {
    return run(method, request_json, &table);
  }

private:
  std::string run(std::string_view method, std::string_view request_json,
                  const qloop::sdk::RecordBatch *columns) {
    Json request = Json::parse(request_json, nullptr, false);
    if (request.is_discarded() || !request.is_object())
      throw qloop::sdk::InvalidInput("field 'request': must be a JSON object");
    Json result;
    if (method == "spc")
      result = qloop::spc::spc_method(request, columns);
    else if (method == "capability")
      result = qloop::spc::capability_method(request, columns);
    else if (method == "normality")
      result = qloop::spc::normality_method(request, columns);
    else
      throw qloop::sdk::Unsupported("method '" + std::string(method) + "' is not provided by analysis.spc");
    host().debug(std::string(method) + ": done");
    return result.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
};

} // namespace

QLOOP_PLUGIN(SpcPlugin)
