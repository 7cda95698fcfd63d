// classify.eval: hold out a seeded part of the labelled table, train on the
// rest, and score the predictions on the held-out part.
#include "engine.hpp"
#include "methods.hpp"
#include "metrics.hpp"
#include "request.hpp"

namespace qloop::classify {
namespace {

Json class_table(Target t, const Scores &s) {
  Json rows = Json::array();
  for (const auto &c : s.classes)
    rows.push_back({c.name, c.support, c.predicted, c.precision, c.recall, c.f1});
  return {{"title", std::string(target_name(t)) + ": per class (held-out records)"},
          {"columns", {"class", "support", "predicted", "precision", "recall", "F1"}},
          {"rows", rows}};
}

Json confusion_table(Target t, const Scores &s) {
  Json columns = {"truth \\ predicted"};
  for (const auto &l : s.labels) columns.push_back(l);
  if (s.has_undecided) columns.push_back(kNoDecision);
  Json rows = Json::array();
  for (std::size_t r = 0; r < s.labels.size(); ++r) {
    Json row = {s.labels[r]};
    for (auto n : s.confusion[r]) row.push_back(n);
    rows.push_back(row);
  }
  return {{"title", std::string(target_name(t)) + ": confusion (rows truth, columns predicted)"},
          {"columns", columns},
          {"rows", rows}};
}

Json scores_json(const Scores &s) {
  Json classes = Json::object();
  for (const auto &c : s.classes)
    classes[c.name] = {{"support", c.support},     {"predicted", c.predicted}, {"correct", c.correct},
                       {"precision", c.precision}, {"recall", c.recall},       {"f1", c.f1}};
  Json predicted = s.labels;
  if (s.has_undecided) predicted.push_back(kNoDecision);
  return {{"trained", true},
          {"test_records", s.total},
          {"correct", s.correct},
          {"accuracy", s.accuracy},
          {"macro_f1", s.macro_f1},
          {"classes", classes},
          {"confusion", {{"truth", s.labels}, {"predicted", predicted}, {"matrix", s.confusion}}}};
}

} // namespace

std::string eval_method(const nlohmann::json &request, const sdk::RecordBatch *columns, Context &ctx) {
  const Params params(request);
  const double fraction = params.number("test_fraction").value_or(0.2);
  if (!(fraction > 0 && fraction < 1))
    throw sdk::InvalidInput("test_fraction: must be between 0 and 1 (exclusive)");
  const auto seed = static_cast<std::uint64_t>(params.integer("seed", 0, 9007199254740991LL).value_or(1));
  const bool use_rules = params.boolean("use_rules").value_or(false);
  const TrainOptions options = train_options(params);
  const auto rules = use_rules ? ctx.state.rules(ctx.rules_file) : nullptr;
  const Records records = read_records(request, columns);
  if (std::none_of(kTargets.begin(), kTargets.end(), [&](Target t) { return records.has_labels(t); }))
    throw sdk::InvalidInput("table: no label column (category, subcategory, severity or owner_department) to "
                            "evaluate against");

  const Split split = split_rows(records, fraction, seed);
  if (split.test.empty())
    throw sdk::InvalidInput("table: " + std::to_string(records.size()) +
                            " rows are too few to hold out a test part at test_fraction " +
                            std::to_string(fraction));
  std::array<TargetReport, kTargetCount> report;
  const ModelSet models = train_models(records, split.train, options, report);

  // Predict every held-out record once, all targets together.
  Engine engine(rules.get(), &models);
  std::vector<RowDecisions> decided(split.test.size());
  for (std::size_t i = 0; i < split.test.size(); ++i) engine.decide(records.view(split.test[i]), decided[i]);

  Json summary = {{"records", records.size()}, {"train", split.train.size()}, {"test", split.test.size()}};
  Json targets = Json::object();
  Json tables = Json::array();
  Json warnings = Json::array();
  for (Target t : kTargets) {
    const TargetReport &r = report[index_of(t)];
    const std::string name = target_name(t);
    std::vector<std::string> truth, predicted;
    for (std::size_t i = 0; i < split.test.size(); ++i) {
      if (!records.has_labels(t) || records.label(t, split.test[i]).empty()) continue;
      truth.push_back(records.label(t, split.test[i]));
      const auto &d = decided[i][index_of(t)];
      predicted.push_back(d ? d->value : std::string());
    }
    if (!r.trained && !(use_rules && rules && !rules->empty())) {
      if (records.has_labels(t)) {
        warnings.push_back(name + ": not evaluated: " + r.reason);
        ctx.warn("classify.eval: " + name + ": not evaluated: " + r.reason);
      }
      targets[name] = {{"trained", false}, {"reason", r.reason}};
      continue;
    }
    if (truth.empty()) {
      targets[name] = {{"trained", r.trained}, {"reason", "no labelled record in the test part"}};
      continue;
    }
    const Scores s = score(truth, predicted);
    summary[name + "_accuracy"] = s.accuracy;
    summary[name + "_macro_f1"] = s.macro_f1;
    Json entry = scores_json(s);
    entry["trained"] = r.trained;
    entry["train_classes"] = r.class_counts;
    targets[name] = std::move(entry);
    tables.push_back(class_table(t, s));
    tables.push_back(confusion_table(t, s));
  }
  return serialize(Json{{"method", "classify.eval"},
                        {"summary", summary},
                        {"tables", tables},
                        {"details",
                         {{"test_fraction", fraction},
                          {"seed", seed},
                          {"use_rules", use_rules},
                          {"C", options.C},
                          {"min_df", options.min_df},
                          {"features", models.vocabulary.size()},
                          {"train_rows", split.train.size()},
                          {"test_rows", split.test.size()},
                          {"targets", targets}}},
                        {"warnings", warnings}});
}

} // namespace qloop::classify
