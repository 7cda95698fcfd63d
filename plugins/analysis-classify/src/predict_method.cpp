// classify.predict: rules, then the trained models, for every row.
#include <chrono>

#include "engine.hpp"
#include "json_text.hpp"
#include "methods.hpp"
#include "request.hpp"

namespace qloop::classify {
namespace {

// {"category": {"value": ..., "confidence": ..., "by": ..., "explanation": ...}, ...}
void append_decisions(std::string &out, const RowDecisions &row) {
  out += '{';
  bool first = true;
  for (Target t : kTargets) {
    const auto &d = row[index_of(t)];
    if (!d) continue;
    if (!first) out += ',';
    first = false;
    out += '"';
    out += target_name(t);
    out += "\":{\"value\":";
    append_json_string(out, d->value);
    out += ",\"confidence\":";
    append_json_number(out, d->confidence);
    out += ",\"by\":";
    append_json_string(out, d->by);
    out += ",\"explanation\":";
    append_json_string(out, d->explanation);
    out += '}';
  }
  out += '}';
}

} // namespace

std::string predict_method(const nlohmann::json &request, const sdk::RecordBatch *columns, Context &ctx) {
  const auto start = std::chrono::steady_clock::now();
  const Params params(request);
  const auto dir = params.directory("model_dir");
  const double min_confidence = params.number("min_confidence").value_or(0.0);
  if (min_confidence < 0 || min_confidence > 1)
    throw sdk::InvalidInput("min_confidence: must be from 0 to 1");
  const auto rules = ctx.state.rules(ctx.rules_file);
  bool loaded = false;
  const auto models = dir ? ctx.state.models(*dir, &loaded) : nullptr;
  const Records records = read_records(request, columns);

  Json warnings = Json::array();
  if ((!rules || rules->empty()) && !models)
    warnings.push_back(
        "no rules (rules_file is not set) and no model_dir: nothing can decide, every decision is "
        "empty");
  Engine engine(rules.get(), models.get(), min_confidence);
  // The per-record parts are written as text straight away (json_text.hpp).
  std::string decisions = "[", table = "[";
  decisions.reserve(records.size() * 600);
  table.reserve(records.size() * 80);
  std::size_t by_rule = 0, by_model = 0, undecided = 0;
  RowDecisions row;
  for (std::size_t r = 0; r < records.size(); ++r) {
    engine.decide(records.view(r), row);
    if (r > 0) {
      decisions += ',';
      table += ',';
    }
    append_decisions(decisions, row);
    table += '[' + std::to_string(r + 1);
    for (const auto &d : row) {
      if (!d)
        ++undecided;
      else if (d->by == "model")
        ++by_model;
      else
        ++by_rule;
      table += ',';
      if (d)
        append_json_string(table, d->value);
      else
        table += "null";
    }
    table += ']';
  }
  decisions += ']';
  table += ']';

  Json model_info = nullptr;
  if (models) {
    Json targets = Json::array();
    for (Target t : kTargets)
      if (models->targets[index_of(t)]) targets.push_back(target_name(t));
    model_info = {{"model_dir", dir->string()},
                  {"trained_at", models->trained_at},
                  {"records", models->records},
                  {"targets", targets}};
  }
  const Json summary = {
      {"records", records.size()}, {"by_rule", by_rule}, {"by_model", by_model}, {"undecided", undecided}};
  std::string out;
  out.reserve(decisions.size() + table.size() + 1024);
  out += R"({"method":"classify.predict","summary":)";
  out += serialize(summary);
  out +=
      R"(,"tables":[{"title":"Classification","columns":["row","category","subcategory","severity","department"],"rows":)";
  out += table;
  out += R"(}],"details":{"decisions":)";
  out += decisions;
  out += R"(,"model":)";
  out += serialize(model_info);
  out += R"(,"rules":)";
  out += std::to_string(rules ? rules->size() : 0);
  out += R"(},"warnings":)";
  out += serialize(warnings);
  out += '}';
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ctx.debug("classify.predict: " + std::to_string(records.size()) + " records in " + std::to_string(seconds) +
            " s" + (loaded ? " (models loaded from " + dir->string() + ")" : ""));
  return out;
}

} // namespace qloop::classify
