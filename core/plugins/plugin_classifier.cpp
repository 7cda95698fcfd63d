#include "core/plugins/plugin_classifier.hpp"

#include <qloop/column_batch.hpp>

#include "core/domain/severity.hpp"

namespace qloop::plugins {

namespace {

using nlohmann::json;

constexpr const char *kTextColumns[] = {"phenomenon", "product_model", "channel", "customer"};
constexpr const char *kLabelColumns[] = {"category", "subcategory", "severity", "owner_department"};

std::string field(const domain::Complaint &c, std::string_view name) {
  if (name == "phenomenon") return c.phenomenon;
  if (name == "product_model") return c.product_model;
  if (name == "channel") return c.channel;
  if (name == "customer") return c.customer;
  if (name == "category") return c.category;
  if (name == "subcategory") return c.subcategory;
  if (name == "severity") return domain::severity_name(c.severity);
  return c.owner_department;
}

} // namespace

json ClassifierTable::json_table(const std::vector<const domain::Complaint *> &rows, bool labels) {
  json columns = json::array(), out_rows = json::array();
  for (const char *c : kTextColumns) columns.push_back(c);
  if (labels)
    for (const char *c : kLabelColumns) columns.push_back(c);
  for (const auto *c : rows) {
    json row = json::array();
    for (const auto &name : columns) row.push_back(field(*c, name.get<std::string>()));
    out_rows.push_back(std::move(row));
  }
  return {{"columns", std::move(columns)}, {"rows", std::move(out_rows)}};
}

PluginClassifier::PluginClassifier(std::shared_ptr<LoadedPlugin> plugin, std::filesystem::path model_dir)
    : instance_(plugin->create()), model_dir_(std::move(model_dir)) {}

bool PluginClassifier::has_model() const {
  std::error_code ec;
  return std::filesystem::exists(model_dir_ / "meta.json", ec);
}

json PluginClassifier::call(const std::string &method, json request, const json &table) {
  std::string result;
  if (instance_.accepts_analysis_columns()) {
    auto batch = sdk::ColumnBatch::from_json_table(table);
    result = instance_.analyze_columns(method, request.dump(), batch.view());
  } else {
    request["table"] = table;
    result = instance_.analyze(method, request.dump());
  }
  auto parsed = json::parse(result, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object())
    throw PluginCallError(QLOOP_ERR_INTERNAL,
                          instance_.info().id + " returned a result that is not a JSON object");
  return parsed;
}

std::vector<workflow::Decisions>
PluginClassifier::classify(const std::vector<const domain::Complaint *> &batch) {
  json request = json::object();
  if (has_model()) request["model_dir"] = model_dir_.string();
  auto result = call("classify.predict", request, ClassifierTable::json_table(batch, false));
  const auto &decisions = result["details"]["decisions"];
  if (!decisions.is_array())
    throw PluginCallError(QLOOP_ERR_INTERNAL, "classify.predict: details.decisions is not an array");
  std::vector<workflow::Decisions> out;
  out.reserve(decisions.size());
  for (const auto &row : decisions) {
    workflow::Decisions d;
    if (row.is_object())
      for (const auto &[target, decision] : row.items())
        if (decision.is_object()) d[target] = decision.get<domain::Decision>();
    out.push_back(std::move(d));
  }
  return out;
}

json PluginClassifier::train(const std::vector<const domain::Complaint *> &labelled,
                             const std::string &trained_at) {
  std::filesystem::create_directories(model_dir_.parent_path());
  return call("classify.train", {{"model_dir", model_dir_.string()}, {"trained_at", trained_at}},
              ClassifierTable::json_table(labelled, true));
}

json PluginClassifier::eval(const json &table, double test_fraction, int seed) {
  return call("classify.eval", {{"test_fraction", test_fraction}, {"seed", seed}}, table);
}

} // namespace qloop::plugins
