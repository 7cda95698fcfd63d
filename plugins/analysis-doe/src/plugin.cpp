// The analysis.doe plugin: designed experiments and analysis of variance.
#include <string>

#include <qloop/plugin.hpp>

#include "methods.hpp"

namespace {

using qloop::doe::Json;

class DoePlugin : public qloop::sdk::AnalysisPlugin {
public:
  static constexpr const char *id = "analysis.doe";
  static constexpr const char *name = "DOE and ANOVA";
  static constexpr const char *version = "0.1.0";
  static constexpr const char *vendor = "qloop";
  static constexpr const char *description = "Factorial designs (2^k, 2^(k-p), general), their analysis "
                                             "(effects, ANOVA, Lenth) and one/two-way ANOVA";
  static constexpr const char *license = "Apache-2.0";
  static constexpr const char *methods[] = {"doe.design", "doe.analyze", "anova", nullptr};

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
    if (method == "doe.design")
      result = qloop::doe::design_method(request);
    else if (method == "doe.analyze")
      result = qloop::doe::analyze_method(request, columns);
    else if (method == "anova")
      result = qloop::doe::anova_method(request, columns);
    else
      throw qloop::sdk::Unsupported("method '" + std::string(method) + "' is not provided by analysis.doe");
    host().debug(std::string(method) + ": done");
    // NaN cannot be written as JSON; json_out turns them into null already.
    return result.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
};

} // namespace

QLOOP_PLUGIN(DoePlugin)
