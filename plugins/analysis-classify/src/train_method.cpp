// classify.train: learn from the labelled rows, write the models to model_dir.
#include "methods.hpp"
#include "model_io.hpp"
#include "request.hpp"

namespace qloop::classify {

std::string train_method(const nlohmann::json &request, const sdk::RecordBatch *columns, Context &ctx) {
  const Params params(request);
  const auto dir = params.directory("model_dir");
  if (!dir) throw sdk::InvalidInput("model_dir: missing (the absolute directory to write the models to)");
  const std::string trained_at = params.text("trained_at").value_or("");
  const TrainOptions options = train_options(params);
  const Records records = read_records(request, columns);
  if (std::none_of(kTargets.begin(), kTargets.end(), [&](Target t) { return records.has_labels(t); }))
    throw sdk::InvalidInput("table: no label column (category, subcategory, severity or owner_department) to "
                            "learn from");

  std::vector<std::size_t> rows(records.size());
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
  std::array<TargetReport, kTargetCount> report;
  ModelSet models = train_models(records, rows, options, report);
  models.trained_at = trained_at;
  if (!models.any()) {
    std::string why;
    for (Target t : kTargets)
      why += std::string(why.empty() ? "" : "; ") + target_name(t) + ": " + report[index_of(t)].reason;
    throw sdk::InvalidInput("table: nothing to learn, no target has 2 classes (" + why + ")");
  }
  save_models(models, *dir);

  Json warnings = Json::array();
  Json summary = {{"records", records.size()}, {"features", models.vocabulary.size()}};
  Json targets = Json::object();
  Json rows_table = Json::array();
  for (Target t : kTargets) {
    const TargetReport &r = report[index_of(t)];
    summary[std::string(target_name(t)) + "_classes"] = r.trained ? r.class_counts.size() : 0;
    Json entry = {{"trained", r.trained}, {"labelled", r.labelled}, {"classes", r.class_counts}};
    if (!r.trained) {
      entry["reason"] = r.reason;
      const std::string w = std::string(target_name(t)) + ": not trained: " + r.reason;
      warnings.push_back(w);
      ctx.warn("classify.train: " + w);
    }
    targets[target_name(t)] = entry;
    for (const auto &[name, count] : r.class_counts) rows_table.push_back({target_name(t), name, count});
  }
  summary["model_dir"] = dir->string();
  ctx.debug("classify.train: " + std::to_string(records.size()) + " records, " +
            std::to_string(models.vocabulary.size()) + " features, written to " + dir->string());
  return serialize(Json{
      {"method", "classify.train"},
      {"summary", summary},
      {"tables",
       {{{"title", "Training labels"}, {"columns", {"target", "class", "records"}}, {"rows", rows_table}}}},
      {"details",
       {{"model_dir", dir->string()},
        {"trained_at", trained_at},
        {"features", models.vocabulary.size()},
        {"hash_bits", options.features.hash_bits},
        {"ngram_range", {options.features.ngram_min, options.features.ngram_max}},
        {"C", options.C},
        {"min_df", options.min_df},
        {"targets", targets}}},
      {"warnings", warnings}});
}

} // namespace qloop::classify
