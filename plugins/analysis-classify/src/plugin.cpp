// The analysis.classify plugin: automatic classification of incoming
// complaints (category, subcategory, severity, owner department) from rules
// in a file and from models learned on the ledger's labelled history.
#include <string>

#include <qloop/plugin.hpp>

#include "methods.hpp"

namespace {

class ClassifyPlugin : public qloop::sdk::AnalysisPlugin {
public:
  static constexpr const char *id = "analysis.classify";
  static constexpr const char *name = "Complaint classification";
  static constexpr const char *version = "0.1.0";
  static constexpr const char *vendor = "qloop";
  static constexpr const char *description =
      "Category, subcategory, severity and owner department of complaints: keyword/regex rules (zh/en) "
      "first, then logistic regression on character n-grams trained on the ledger (liblinear)";
  static constexpr const char *license = "Apache-2.0";
  static constexpr const char *methods[] = {"classify.train", "classify.predict", "classify.eval", nullptr};
  static constexpr qloop_config_key config_keys[] = {
      qloop::sdk::key(
          "rules_file", QLOOP_CONFIG_PATH, "",
          "INI file of intake rules ([rule.NAME] sections, see the plugin README); empty: no rules"),
  };

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
    auto request = nlohmann::json::parse(request_json, nullptr, false);
    if (request.is_discarded() || !request.is_object())
      throw qloop::sdk::InvalidInput("request: must be a JSON object");
    qloop::classify::Context ctx{state_, host().config_or("rules_file", ""),
                                 [this](const std::string &m) { host().warn(m); },
                                 [this](const std::string &m) { host().debug(m); }};
    if (method == "classify.train") return qloop::classify::train_method(request, columns, ctx);
    if (method == "classify.predict") return qloop::classify::predict_method(request, columns, ctx);
    if (method == "classify.eval") return qloop::classify::eval_method(request, columns, ctx);
    throw qloop::sdk::Unsupported("method '" + std::string(method) +
                                  "' is not provided by analysis.classify");
  }

  qloop::classify::State state_;
};

} // namespace

QLOOP_PLUGIN(ClassifyPlugin)
