// The Classifier intake uses, backed by an analysis plugin that answers
// classify.predict (bundled: analysis.classify). Complaints cross the ABI as
// columns (1.3) when the plugin reads them, else as a JSON table; the model
// folder is passed only once a model has been trained into it, so an
// untrained site gets the rules alone.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/plugins/plugin_instance.hpp"
#include "core/workflow/classification.hpp"

namespace qloop::plugins {

// The complaint fields a classifier reads and learns from, as columns; with
// labels also category, subcategory, severity and owner_department.
struct ClassifierTable {
  static nlohmann::json json_table(const std::vector<const domain::Complaint *> &rows, bool labels);
};

class PluginClassifier : public workflow::Classifier {
public:
  PluginClassifier(std::shared_ptr<LoadedPlugin> plugin, std::filesystem::path model_dir);

  std::vector<workflow::Decisions> classify(const std::vector<const domain::Complaint *> &batch) override;

  // classify.train / classify.eval on labelled complaints; the result JSON.
  nlohmann::json train(const std::vector<const domain::Complaint *> &labelled, const std::string &trained_at);
  nlohmann::json eval(const nlohmann::json &table, double test_fraction, int seed);

  bool has_model() const;
  const std::filesystem::path &model_dir() const { return model_dir_; }

private:
  nlohmann::json call(const std::string &method, nlohmann::json request, const nlohmann::json &table);

  Instance instance_;
  std::filesystem::path model_dir_;
};

} // namespace qloop::plugins
