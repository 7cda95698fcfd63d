// anova: one-way, two-way (with or without interaction) and n-way ANOVA of a
// response over categorical factor columns.
#include <qloop/plugin.hpp>

#include "json_out.hpp"
#include "methods.hpp"
#include "report_categorical.hpp"

namespace qloop::doe {
namespace {

using sdk::InvalidInput;

SsType ss_type_option(const Options &o) {
  return static_cast<SsType>(o.integer("ss_type", 1, 3).value_or(3));
}

} // namespace

Json anova_method(Json &request, const sdk::RecordBatch *columns) {
  Options o(request, false);
  DataTable table = DataTable::from_request(request, columns);
  if (table.columns().size() < 2)
    throw InvalidInput("field 'table': needs a response column and at least one factor column");
  FactorTableRequest req;
  req.response = o.text("response").value_or(table.columns().back());
  if (auto f = o.text_list("factors"))
    req.factors = *f;
  else if (auto one = o.text("factor"))
    req.factors = {*one};
  else
    for (const auto &c : table.columns())
      if (c != req.response) req.factors.push_back(c);
  if (req.factors.empty()) throw InvalidInput("field 'options.factors': name at least one factor column");
  if (req.factors.size() > 6)
    throw InvalidInput("field 'options.factors': at most 6 factors (got " +
                       std::to_string(req.factors.size()) +
                       "); name the factor columns with --option factors='[\"a\",\"b\"]'");
  req.drop_missing = o.boolean("drop_missing").value_or(false);
  req.level_order = o.raw("levels");
  if (req.level_order && !req.level_order->is_object())
    throw InvalidInput("field 'options.levels': must be an object {factor: [level, ...]}");

  FactorTable data = read_factor_table(table, req);
  if (data.y.size() < 2)
    throw InvalidInput("field 'table': too few observations (" + std::to_string(data.y.size()) + ")");

  CategoricalReport rep;
  rep.method = "anova";
  rep.table = &data;
  rep.alpha = o.number("alpha", 1e-6, 0.5).value_or(0.05);
  rep.labels = labels_for(request.value("lang", "en"));
  rep.options.ss_type = ss_type_option(o);

  // Interactions: "auto" fits them when they can be tested (every combination
  // observed, and replicated so that error df remain); true insists.
  const std::size_t k = data.factors.size();
  int max_order = 1;
  std::string interaction = "auto";
  if (const Json *raw = o.raw("interaction")) {
    if (raw->is_boolean())
      interaction = raw->get<bool>() ? "true" : "false";
    else if (raw->is_string())
      interaction = raw->get<std::string>();
    if (interaction != "auto" && interaction != "true" && interaction != "false")
      throw InvalidInput("field 'options.interaction': must be true, false or \"auto\", got " + raw->dump());
  }
  if (auto m = o.integer("max_order", 1, static_cast<long long>(k))) {
    max_order = static_cast<int>(*m);
  } else if (k >= 2 && interaction == "true") {
    max_order = static_cast<int>(k);
  } else if (k >= 2 && interaction == "auto") {
    rep.options.auto_max_order = true;
  }
  rep.options.max_order = max_order;
  CategoricalResult result = analyze_categorical(categorical_data(data), rep.options);
  rep.result = &result;
  if (!result.note.empty()) rep.warnings.push_back(result.note);
  if (data.dropped > 0)
    rep.warnings.push_back(std::to_string(data.dropped) +
                           " rows with empty cells were left out (drop_missing)");
  return categorical_report(rep);
}

} // namespace qloop::doe
