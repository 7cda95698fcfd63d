#include "report_categorical.hpp"

#include <cmath>

#include "charts.hpp"
#include "distributions.hpp"
#include "json_out.hpp"

namespace qloop::doe {
namespace {

constexpr std::size_t kMaxCellsInDetails = 10000;

Json means_table(const FactorColumn &f, const std::vector<LevelStat> &stats, double mse, double df_error) {
  Json t{{"title", "Means: " + f.name},
         {"columns", {"Level", "N", "Mean", "SD", "95% CI low", "95% CI high"}},
         {"rows", Json::array()}};
  const double tq = t_quantile(0.975, df_error);
  for (std::size_t l = 0; l < stats.size(); ++l) {
    const double half = tq * std::sqrt(mse / stats[l].count);
    t["rows"].push_back(
        Json::array({f.levels[l], whole(stats[l].count), rounded(stats[l].mean, 8), rounded(stats[l].sd, 6),
                     rounded(stats[l].mean - half, 8), rounded(stats[l].mean + half, 8)}));
  }
  return t;
}

std::vector<InteractionPanel> interaction_panels(const FactorTable &t, const CategoricalResult &r) {
  std::vector<InteractionPanel> panels;
  const std::size_t k = t.factors.size();
  for (std::size_t a = 0; a < k && panels.size() < 9; ++a)
    for (std::size_t b = a + 1; b < k && panels.size() < 9; ++b) {
      InteractionPanel p;
      p.x_factor = t.factors[a].name;
      p.trace_factor = t.factors[b].name;
      p.x_levels = t.factors[a].levels;
      p.trace_levels = t.factors[b].levels;
      if (p.x_levels.size() > 30 || p.trace_levels.size() > 8) continue;
      // Means over the other factors, weighted by counts (data means).
      std::vector<std::vector<double>> sum(p.trace_levels.size(),
                                           std::vector<double>(p.x_levels.size(), 0.0));
      auto count = sum;
      for (std::size_t c = 0; c < r.cells.size(); ++c) {
        const auto la = r.cell_levels[c][a], lb = r.cell_levels[c][b];
        sum[lb][la] += r.cells[c].count * r.cells[c].mean;
        count[lb][la] += r.cells[c].count;
      }
      p.means = sum;
      for (std::size_t i = 0; i < sum.size(); ++i)
        for (std::size_t j = 0; j < sum[i].size(); ++j)
          p.means[i][j] = count[i][j] > 0 ? sum[i][j] / count[i][j] : std::nan("");
      panels.push_back(std::move(p));
    }
  return panels;
}

} // namespace

const char *ss_type_name(SsType type) {
  switch (type) {
  case SsType::Sequential: return "Type I (sequential)";
  case SsType::Hierarchical: return "Type II (hierarchical)";
  case SsType::Adjusted: break;
  }
  return "Type III (adjusted)";
}

CategoricalData categorical_data(const FactorTable &table) {
  CategoricalData d;
  for (const auto &f : table.factors) {
    d.factor_names.push_back(f.name);
    d.levels.push_back(f.levels);
    d.level_of.push_back(f.level_of);
  }
  d.y = table.y;
  return d;
}

Json categorical_report(const CategoricalReport &rep) {
  const FactorTable &t = *rep.table;
  const CategoricalResult &r = *rep.result;
  const GlmResult &g = r.glm;
  const Labels &l = rep.labels;
  const std::size_t k = t.factors.size();

  std::string model = k == 1 ? "one-way" : (k == 2 ? "two-way" : std::to_string(k) + "-way");
  int max_order = 1;
  for (const auto &tf : r.term_factors) max_order = std::max(max_order, static_cast<int>(tf.size()));
  if (k > 1) model += max_order >= 2 ? " with interaction" : " additive (no interaction)";

  Json summary = Json::object();
  summary["response"] = t.response;
  std::string factor_list;
  for (const auto &f : t.factors) factor_list += (factor_list.empty() ? "" : ", ") + f.name;
  summary["factors"] = factor_list;
  summary["model"] = model;
  summary["observations"] = static_cast<long long>(t.y.size());
  summary[k == 1 ? "groups" : "cells"] = static_cast<long long>(r.cells.size());
  summary["balanced"] = r.balanced;
  summary["sums of squares"] = ss_type_name(rep.options.ss_type);
  for (const auto &row : g.terms) {
    summary["F " + row.source] = rounded(row.f, 6);
    summary["p " + row.source] = rounded(row.p, 4);
  }
  summary["R-squared"] = rounded(g.r_squared, 6);
  summary["adj R-squared"] = rounded(g.adj_r_squared, 6);
  summary["S (residual SD)"] = rounded(g.residual_sd, 6);

  std::vector<AnovaRow> rows = g.terms;
  rows.push_back(g.error);
  if (g.lack_of_fit_tested) {
    AnovaRow lof = g.lack_of_fit, pe = g.pure_error;
    lof.source = "  Lack of fit";
    pe.source = "  Pure error";
    rows.push_back(lof);
    rows.push_back(pe);
  }
  rows.push_back(g.total);
  Json tables = Json::array(
      {anova_table("Analysis of variance (" + std::string(ss_type_name(rep.options.ss_type)) + ")", rows)});
  for (std::size_t f = 0; f < k; ++f)
    if (t.factors[f].levels.size() <= 200)
      tables.push_back(means_table(t.factors[f], r.level_stats[f], g.error.ms, g.error.df));
  if (k == 2 && r.cells.size() <= 400 && t.factors[1].levels.size() <= 20) {
    Json cols = Json::array({t.factors[0].name + " \\ " + t.factors[1].name});
    for (const auto &lv : t.factors[1].levels) cols.push_back(lv);
    std::vector<Json> cell_rows(t.factors[0].levels.size());
    for (std::size_t a = 0; a < cell_rows.size(); ++a) {
      cell_rows[a] = Json::array({t.factors[0].levels[a]});
      for (std::size_t b = 0; b < t.factors[1].levels.size(); ++b) cell_rows[a].push_back(Json());
    }
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      const auto a = r.cell_levels[c][0], b = r.cell_levels[c][1];
      cell_rows[a][b + 1] = rounded(r.cells[c].mean, 8);
    }
    tables.push_back({{"title", "Cell means"}, {"columns", cols}, {"rows", cell_rows}});
  }

  // Charts.
  Json charts = Json::array();
  std::vector<GroupInterval> groups;
  const double tq = t_quantile(0.975, g.error.df);
  for (std::size_t lv = 0; lv < t.factors[0].levels.size(); ++lv) {
    const auto &s = r.level_stats[0][lv];
    const double half = tq * std::sqrt(g.error.ms / s.count);
    groups.push_back({t.factors[0].levels[lv], s.mean, s.mean - half, s.mean + half});
  }
  auto panels = interaction_panels(t, r);
  if (k >= 2 && !panels.empty())
    charts.push_back({{"title", l.interaction_plot},
                      {"kind", "interaction"},
                      {"svg", interaction_plot(panels, t.response, l)}});
  if (k == 1 && groups.size() <= 60)
    charts.push_back({{"title", l.means_plot},
                      {"kind", "means"},
                      {"svg", means_plot(groups, t.factors[0].name, t.response, l)}});
  {
    std::vector<MainEffectPanel> me;
    for (std::size_t f = 0; f < k; ++f) {
      if (t.factors[f].levels.size() > 30) continue;
      MainEffectPanel p{t.factors[f].name, t.factors[f].levels, {}};
      for (const auto &s : r.level_stats[f]) p.means.push_back(s.mean);
      me.push_back(std::move(p));
    }
    if (!me.empty())
      charts.push_back({{"title", l.main_effects_plot},
                        {"kind", "main-effects"},
                        {"svg", main_effects_plot(me, r.grand_mean, std::nullopt, t.response, l)}});
  }

  // Findings.
  Json findings = Json::array();
  for (const auto &row : g.terms) {
    if (!std::isfinite(row.p)) continue;
    const bool sig = row.p < rep.alpha;
    findings.push_back(finding(sig ? "warning" : "info", sig ? "significant" : "not-significant",
                               row.source + ": F = " + fmt(row.f) + ", p = " + format_p(row.p) +
                                   (sig ? " < " : " >= ") + fmt(rep.alpha) +
                                   (sig ? ": the means differ" : ": no difference shown"),
                               Json{{"source", row.source}}));
  }
  for (const auto &row : g.terms)
    if (std::isfinite(row.p) && row.p < rep.alpha && row.source.find('*') != std::string::npos)
      findings.push_back(finding("warning", "interaction",
                                 row.source +
                                     " is significant: read the main effects through the interaction plot "
                                     "(the effect of one factor depends on the level of the other)"));
  if (!r.balanced && k >= 2)
    findings.push_back(
        finding("info", "unbalanced",
                "Unbalanced data: sums of squares are " + std::string(ss_type_name(rep.options.ss_type)) +
                    " from a regression with effect (sum-to-zero) coding; sequential sums would "
                    "depend on the order of the factors"));
  if (g.lack_of_fit_tested && std::isfinite(g.lack_of_fit.p) && g.lack_of_fit.p < rep.alpha)
    findings.push_back(finding("warning", "lack-of-fit",
                               "Lack of fit p = " + format_p(g.lack_of_fit.p) +
                                   ": the additive model misses structure (an interaction?)"));

  // Details: full precision numbers for machines.
  Json details = Json::object();
  details["response"] = t.response;
  Json fnames = Json::array();
  for (const auto &f : t.factors) fnames.push_back(f.name);
  details["factors"] = fnames;
  details["n"] = static_cast<long long>(t.y.size());
  details["rows_dropped_for_missing_values"] = static_cast<long long>(t.dropped);
  details["ss_type"] = static_cast<int>(rep.options.ss_type);
  details["balanced"] = r.balanced;
  details["all_cells_present"] = r.all_cells_present;
  Json anova = Json::array();
  for (const auto &row : g.terms) anova.push_back(anova_row_json(row));
  details["anova"] = anova;
  details["model"] = anova_row_json(g.model);
  details["error"] = anova_row_json(g.error);
  details["lack_of_fit"] = anova_row_json(g.lack_of_fit);
  details["pure_error"] = anova_row_json(g.pure_error);
  details["total"] = anova_row_json(g.total);
  details["r_squared"] = number(g.r_squared);
  details["adj_r_squared"] = number(g.adj_r_squared);
  details["pred_r_squared"] = number(g.pred_r_squared);
  details["residual_sd"] = number(g.residual_sd);
  details["grand_mean"] = number(r.grand_mean);
  Json levels = Json::object();
  for (std::size_t f = 0; f < k; ++f) {
    Json lv = Json::array();
    for (std::size_t i = 0; i < t.factors[f].levels.size(); ++i) {
      const auto &s = r.level_stats[f][i];
      lv.push_back({{"level", t.factors[f].levels[i]},
                    {"n", whole(s.count)},
                    {"mean", number(s.mean)},
                    {"sd", number(s.sd)}});
    }
    levels[t.factors[f].name] = lv;
  }
  details["levels"] = levels;
  Json coefficients = Json::object();
  coefficients["constant"] = number(g.intercept);
  for (std::size_t term = 0; term < r.term_coefficients.size(); ++term)
    for (const auto &c : r.term_coefficients[term])
      coefficients[c.label] = {{"coef", number(c.coef)}, {"se", number(c.se)}};
  details["coefficients"] = coefficients;
  if (r.cells.size() <= kMaxCellsInDetails) {
    Json cells = Json::array();
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      Json at = Json::object();
      for (std::size_t f = 0; f < k; ++f) at[t.factors[f].name] = t.factors[f].levels[r.cell_levels[c][f]];
      cells.push_back({{"levels", at},
                       {"n", whole(r.cells[c].count)},
                       {"mean", number(r.cells[c].mean)},
                       {"sd", number(r.cells[c].sd)}});
    }
    details["cells"] = cells;
  }

  Json warnings = rep.warnings;
  if (!(g.total.ss > 0))
    warnings.push_back("the response does not vary (total SS 0): there is nothing to test");
  Json result{{"method", rep.method}, {"summary", summary}, {"tables", tables},    {"charts", charts},
              {"findings", findings}, {"details", details}, {"warnings", warnings}};
  return result;
}

} // namespace qloop::doe
