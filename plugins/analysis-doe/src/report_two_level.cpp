#include "report_two_level.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <set>

#include "charts.hpp"
#include "distributions.hpp"
#include "json_out.hpp"
#include "report_categorical.hpp"

namespace qloop::doe {
namespace {

Json effect_json(const EffectEstimate &e) {
  return {{"term", word_name(e.word)},   {"effect", number(e.effect)}, {"coef", number(e.coef)},
          {"se_coef", number(e.se / 2)}, {"t", number(e.t)},           {"p", number(e.p)}};
}

std::string factors_text(Word w, const std::vector<TwoLevelFactorInfo> &factors) {
  std::string out;
  for (std::size_t j = 0; j < factors.size(); ++j)
    if (w & factor_bit(static_cast<int>(j))) out += (out.empty() ? "" : "*") + factors[j].name;
  return out;
}

std::vector<AnovaRow> anova_rows(const TwoLevelModel &m) {
  std::vector<AnovaRow> rows{m.glm.model};
  for (const auto &r : m.glm.terms) rows.push_back(r);
  rows.push_back(m.glm.error);
  if (m.glm.lack_of_fit_tested) {
    AnovaRow lof = m.glm.lack_of_fit, pe = m.glm.pure_error;
    lof.source = "  Lack of fit";
    pe.source = "  Pure error";
    rows.push_back(lof);
    rows.push_back(pe);
  }
  rows.push_back(m.glm.total);
  return rows;
}

Json model_details(const TwoLevelModel &m) {
  Json d = Json::object();
  Json effects = Json::array(), anova = Json::array(), dropped = Json::array();
  for (const auto &e : m.effects) effects.push_back(effect_json(e));
  for (const auto &r : m.glm.terms) anova.push_back(anova_row_json(r));
  for (const auto &x : m.dropped) dropped.push_back({{"term", word_name(x.word)}, {"reason", x.reason}});
  d["intercept"] = number(m.glm.intercept);
  d["intercept_se"] = number(m.glm.coef_se.size() ? m.glm.coef_se[0] : NAN);
  d["effects"] = effects;
  d["anova"] = anova;
  d["model"] = anova_row_json(m.glm.model);
  d["error"] = anova_row_json(m.glm.error);
  d["lack_of_fit"] = anova_row_json(m.glm.lack_of_fit);
  d["pure_error"] = anova_row_json(m.glm.pure_error);
  d["total"] = anova_row_json(m.glm.total);
  d["r_squared"] = number(m.glm.r_squared);
  d["adj_r_squared"] = number(m.glm.adj_r_squared);
  d["pred_r_squared"] = number(m.glm.pred_r_squared);
  d["press"] = number(m.glm.press);
  d["residual_sd"] = number(m.glm.residual_sd);
  if (m.has_curvature) d["curvature"] = {{"coef", number(m.curvature_coef)}, {"se", number(m.curvature_se)}};
  d["not_estimable"] = dropped;
  return d;
}

// Mean response at the low and high level of each factor (factorial runs),
// and the centre-point mean.
void factor_means(const TwoLevelResult &r, std::vector<std::array<double, 2>> &means,
                  std::optional<double> &centre) {
  const auto k = static_cast<std::size_t>(r.k);
  std::vector<std::array<double, 2>> sum(k, {0, 0}), cnt(k, {0, 0});
  double csum = 0, ccnt = 0;
  for (std::size_t c = 0; c < r.cell_coded.size(); ++c) {
    const auto &x = r.cell_coded[c];
    if (std::all_of(x.begin(), x.end(), [](int v) { return v == 0; })) {
      csum += r.cell_count[c] * r.cell_mean[c];
      ccnt += r.cell_count[c];
      continue;
    }
    for (std::size_t j = 0; j < k; ++j) {
      const std::size_t side = x[j] > 0 ? 1 : 0;
      sum[j][side] += r.cell_count[c] * r.cell_mean[c];
      cnt[j][side] += r.cell_count[c];
    }
  }
  means.assign(k, {NAN, NAN});
  for (std::size_t j = 0; j < k; ++j)
    for (std::size_t s = 0; s < 2; ++s) means[j][s] = cnt[j][s] > 0 ? sum[j][s] / cnt[j][s] : NAN;
  if (ccnt > 0) centre = csum / ccnt;
}

InteractionPanel pair_panel(const TwoLevelResult &r, const std::vector<TwoLevelFactorInfo> &f, int a, int b) {
  InteractionPanel p;
  p.x_factor = f[static_cast<std::size_t>(a)].name;
  p.trace_factor = f[static_cast<std::size_t>(b)].name;
  p.x_levels = {f[static_cast<std::size_t>(a)].low, f[static_cast<std::size_t>(a)].high};
  p.trace_levels = {f[static_cast<std::size_t>(b)].low, f[static_cast<std::size_t>(b)].high};
  double sum[2][2] = {{0, 0}, {0, 0}}, cnt[2][2] = {{0, 0}, {0, 0}};
  for (std::size_t c = 0; c < r.cell_coded.size(); ++c) {
    const auto &x = r.cell_coded[c];
    const int xa = x[static_cast<std::size_t>(a)], xb = x[static_cast<std::size_t>(b)];
    if (xa == 0 || xb == 0) continue;
    sum[xb > 0][xa > 0] += r.cell_count[c] * r.cell_mean[c];
    cnt[xb > 0][xa > 0] += r.cell_count[c];
  }
  p.means.assign(2, std::vector<double>(2, NAN));
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j) p.means[i][j] = cnt[i][j] > 0 ? sum[i][j] / cnt[i][j] : NAN;
  return p;
}

} // namespace

Json two_level_report(const TwoLevelReport &rep) {
  const TwoLevelResult &r = *rep.result;
  const TwoLevelModel &m = r.model;
  const Labels &l = rep.labels;
  const double alpha = rep.options.alpha;
  const bool tested = m.glm.error.df > 0 && m.glm.error.ms > 0;

  Json summary = Json::object();
  summary["response"] = rep.response;
  std::string design;
  if (r.full_factorial)
    design = "2^" + std::to_string(r.k) + " full factorial";
  else
    design = std::to_string(r.distinct_points) + " of the 2^" + std::to_string(r.k) +
             " factorial points (fraction)";
  summary["design"] = design;
  summary["factors"] = r.k;
  summary["runs"] = r.runs;
  summary["center points"] = r.center_runs;
  summary["blocks"] = r.blocks;
  std::string terms;
  for (const auto &e : m.effects) terms += (terms.empty() ? "" : " ") + word_name(e.word);
  summary["model terms"] = terms;
  summary["error df"] = whole(m.glm.error.df);
  summary["S"] = rounded(m.glm.residual_sd, 6);
  summary["R-squared"] = rounded(m.glm.r_squared, 6);
  summary["adj R-squared"] = rounded(m.glm.adj_r_squared, 6);
  summary["pred R-squared"] = rounded(m.glm.pred_r_squared, 6);
  if (r.lenth) {
    summary["Lenth PSE"] = rounded(r.lenth->pse, 6);
    summary["Lenth ME"] = rounded(r.lenth->me, 6);
    summary["Lenth SME"] = rounded(r.lenth->sme, 6);
  }
  std::string active;
  for (const auto &e : m.effects)
    if (tested ? (std::isfinite(e.p) && e.p < alpha) : (r.lenth && std::fabs(e.effect) > r.lenth->me))
      active += (active.empty() ? "" : " ") + word_name(e.word);
  summary[tested ? "significant terms" : "active effects (Lenth ME)"] = active.empty() ? "none" : active;

  // Tables.
  Json tables = Json::array();
  {
    Json t{{"title",
            std::string("Effects and coefficients (coded units") + (r.reduced ? ", reduced model)" : ")")},
           {"columns", {"Term", "Factors", "Effect", "Coef", "SE Coef", "T", "P"}},
           {"rows", Json::array()}};
    t["rows"].push_back(
        Json::array({"Constant", "", Json(), rounded(m.glm.intercept, 8),
                     rounded(m.glm.coef_se.size() ? m.glm.coef_se[0] : NAN, 6), Json(), Json()}));
    for (const auto &e : m.effects)
      t["rows"].push_back(
          Json::array({word_name(e.word), factors_text(e.word, rep.factors), rounded(e.effect, 8),
                       rounded(e.coef, 8), rounded(e.se / 2, 6), rounded(e.t, 6), rounded(e.p, 4)}));
    if (m.has_curvature)
      t["rows"].push_back(Json::array({"Ct Pt", "curvature", Json(), rounded(m.curvature_coef, 8),
                                       rounded(m.curvature_se, 6), Json(), Json()}));
    tables.push_back(t);
  }
  tables.push_back(anova_table(
      "Analysis of variance (" + std::string(ss_type_name(rep.options.ss_type)) + ")", anova_rows(m)));
  if (r.reduced || !tested) {
    Json t{{"title", r.reduced ? "All estimable effects (full model)" : "Effects with Lenth's method"},
           {"columns", {"Term", "Effect", "Coef", "|Effect| > ME", "|Effect| > SME"}},
           {"rows", Json::array()}};
    for (const auto &e : r.screening.effects) {
      Json me = r.lenth ? Json(std::fabs(e.effect) > r.lenth->me) : Json();
      Json sme = r.lenth ? Json(std::fabs(e.effect) > r.lenth->sme) : Json();
      t["rows"].push_back(
          Json::array({word_name(e.word), rounded(e.effect, 8), rounded(e.coef, 8), me, sme}));
    }
    tables.push_back(t);
  }
  if (!r.screening.dropped.empty()) {
    Json t{{"title", "Terms not estimable"}, {"columns", {"Term", "Reason"}}, {"rows", Json::array()}};
    for (const auto &d : r.screening.dropped) t["rows"].push_back(Json::array({word_name(d.word), d.reason}));
    tables.push_back(t);
  }
  {
    Json t{{"title", "Factors"},
           {"columns", {"Letter", "Name", "Low (-1)", "High (+1)", "Centre (0)"}},
           {"rows", Json::array()}};
    for (std::size_t j = 0; j < rep.factors.size(); ++j)
      t["rows"].push_back(
          Json::array({factor_letter(static_cast<int>(j)), rep.factors[j].name, rep.factors[j].low,
                       rep.factors[j].high, rep.factors[j].centre ? Json(*rep.factors[j].centre) : Json()}));
    tables.push_back(t);
  }

  // Charts: Pareto first (the host's --format svg shows the first).
  Json charts = Json::array();
  {
    std::vector<NamedValue> bars;
    std::vector<std::pair<double, std::string>> lines;
    std::string axis;
    if (tested) {
      const double crit = t_quantile(1 - alpha / 2, m.glm.error.df);
      for (const auto &e : m.effects)
        bars.push_back({word_name(e.word), std::fabs(e.t), std::fabs(e.t) > crit});
      lines.emplace_back(crit, "t crit");
      axis = l.standardized_effect;
    } else {
      for (const auto &e : m.effects)
        bars.push_back({word_name(e.word), e.effect, r.lenth && std::fabs(e.effect) > r.lenth->me});
      if (r.lenth) {
        lines.emplace_back(r.lenth->me, "ME");
        lines.emplace_back(r.lenth->sme, "SME");
      }
      axis = l.abs_effect;
    }
    if (!bars.empty())
      charts.push_back(
          {{"title", l.pareto_chart}, {"kind", "pareto"}, {"svg", pareto_chart(bars, lines, axis, l)}});
  }
  if (r.screening.effects.size() >= 3) {
    const bool screening_tested = r.screening.glm.error.df > 0 && r.screening.glm.error.ms > 0;
    std::vector<NamedValue> pts;
    for (const auto &e : r.screening.effects) {
      bool active = screening_tested ? (std::isfinite(e.p) && e.p < alpha)
                                     : (r.lenth && std::fabs(e.effect) > r.lenth->me);
      pts.push_back({word_name(e.word), e.effect, active});
    }
    const double pse = r.lenth ? r.lenth->pse : NAN;
    charts.push_back({{"title", l.normal_plot},
                      {"kind", "normal-effects"},
                      {"svg", effects_probability_plot(pts, pse, false, l)}});
    charts.push_back({{"title", l.half_normal_plot},
                      {"kind", "half-normal-effects"},
                      {"svg", effects_probability_plot(pts, pse, true, l)}});
  }
  std::vector<std::array<double, 2>> means;
  std::optional<double> centre;
  factor_means(r, means, centre);
  {
    std::vector<MainEffectPanel> panels;
    double grand = 0, count = 0;
    for (std::size_t c = 0; c < r.cell_count.size(); ++c) {
      grand += r.cell_count[c] * r.cell_mean[c];
      count += r.cell_count[c];
    }
    for (std::size_t j = 0; j < rep.factors.size(); ++j)
      panels.push_back(
          {rep.factors[j].name, {rep.factors[j].low, rep.factors[j].high}, {means[j][0], means[j][1]}});
    charts.push_back(
        {{"title", l.main_effects_plot},
         {"kind", "main-effects"},
         {"svg", main_effects_plot(panels, count > 0 ? grand / count : 0, centre, rep.response, l)}});
  }
  {
    std::vector<InteractionPanel> panels;
    for (const auto &e : m.effects)
      if (word_length(e.word) == 2 && panels.size() < 9) {
        int a = -1, b = -1;
        for (int j = 0; j < r.k; ++j)
          if (e.word & factor_bit(j)) (a < 0 ? a : b) = j;
        panels.push_back(pair_panel(r, rep.factors, a, b));
      }
    if (!panels.empty())
      charts.push_back({{"title", l.interaction_plot},
                        {"kind", "interaction"},
                        {"svg", interaction_plot(panels, rep.response, l)}});
  }

  // Findings.
  Json findings = Json::array();
  for (const auto &e : m.effects) {
    const std::string name = word_name(e.word) + " (" + factors_text(e.word, rep.factors) + ")";
    if (tested && std::isfinite(e.p) && e.p < alpha)
      findings.push_back(finding("warning", "significant-effect",
                                 name + ": effect " + fmt(e.effect) + ", p = " + format_p(e.p),
                                 Json{{"term", word_name(e.word)}}));
    else if (!tested && r.lenth && std::fabs(e.effect) > r.lenth->sme)
      findings.push_back(finding("warning", "lenth-sme",
                                 name + ": |effect| " + fmt(std::fabs(e.effect)) + " > SME " +
                                     fmt(r.lenth->sme) + " (active)",
                                 Json{{"term", word_name(e.word)}}));
    else if (!tested && r.lenth && std::fabs(e.effect) > r.lenth->me)
      findings.push_back(finding("warning", "lenth-me",
                                 name + ": |effect| " + fmt(std::fabs(e.effect)) + " > ME " +
                                     fmt(r.lenth->me) + " (likely active)",
                                 Json{{"term", word_name(e.word)}}));
  }
  if (!tested && !r.lenth)
    findings.push_back(
        finding("warning", "no-error-estimate",
                "No error degrees of freedom and too few effects for Lenth's method: list fewer terms "
                "(option terms) to pool the rest into error"));
  if (m.has_curvature) {
    for (const auto &row : m.glm.terms)
      if (row.source == "Curvature" && std::isfinite(row.p) && row.p < alpha)
        findings.push_back(
            finding("warning", "curvature",
                    "Curvature is significant (p = " + format_p(row.p) +
                        "): the response is not linear between the levels; consider a response "
                        "surface design"));
  }
  if (m.glm.lack_of_fit_tested && std::isfinite(m.glm.lack_of_fit.p) && m.glm.lack_of_fit.p < alpha)
    findings.push_back(finding("warning", "lack-of-fit",
                               "Lack of fit p = " + format_p(m.glm.lack_of_fit.p) +
                                   ": the model misses terms that pure error says are real"));
  if (!r.orthogonal)
    findings.push_back(
        finding("info", "non-orthogonal",
                "The effect columns are not orthogonal (missing or unequally replicated runs): effects "
                "are least-squares estimates and depend on which terms are in the model"));
  if (r.reduced) {
    std::set<Word> in_model;
    for (const auto &e : m.effects) in_model.insert(e.word);
    for (Word w : in_model)
      for (int j = 0; j < r.k; ++j)
        if ((w & factor_bit(j)) && w != factor_bit(j) && !in_model.count(w & ~factor_bit(j)))
          findings.push_back(finding("info", "hierarchy",
                                     "The model holds " + word_name(w) + " but not " +
                                         word_name(w & ~factor_bit(j)) + " (not hierarchical)"));
  }
  if (!r.screening.dropped.empty()) {
    std::string list;
    for (const auto &d : r.screening.dropped)
      if (list.size() < 300) list += (list.empty() ? "" : "; ") + word_name(d.word) + " " + d.reason;
    findings.push_back(finding("info", "aliasing", "Not estimable in this design: " + list));
  }

  // Details.
  Json details = Json::object();
  details["response"] = rep.response;
  details["coding"] = rep.coding;
  Json factors = Json::array();
  for (std::size_t j = 0; j < rep.factors.size(); ++j)
    factors.push_back({{"letter", factor_letter(static_cast<int>(j))},
                       {"name", rep.factors[j].name},
                       {"low", rep.factors[j].low},
                       {"high", rep.factors[j].high},
                       {"centre", rep.factors[j].centre ? Json(*rep.factors[j].centre) : Json()},
                       {"mean_low", number(means[j][0])},
                       {"mean_high", number(means[j][1])}});
  details["factors"] = factors;
  details["runs"] = r.runs;
  details["center_runs"] = r.center_runs;
  details["blocks"] = r.blocks;
  details["full_factorial"] = r.full_factorial;
  details["orthogonal"] = r.orthogonal;
  details["max_order"] = r.max_order;
  details["ss_type"] = static_cast<int>(rep.options.ss_type);
  details["rows_dropped_for_missing_values"] = static_cast<long long>(rep.dropped);
  details["center_mean"] = centre ? Json(*centre) : Json();
  details["model"] = model_details(m);
  details["reduced"] = r.reduced;
  Json screening = model_details(r.screening);
  if (r.lenth)
    screening["lenth"] = {{"s0", number(r.lenth->s0)},   {"pse", number(r.lenth->pse)},
                          {"df", number(r.lenth->df)},   {"me", number(r.lenth->me)},
                          {"sme", number(r.lenth->sme)}, {"effects", r.lenth->effects}};
  details["screening"] = screening;

  Json warnings = rep.warnings;
  if (!(m.glm.total.ss > 0))
    warnings.push_back("the response does not vary (total SS 0): there is nothing to test");
  return Json{{"method", "doe.analyze"}, {"summary", summary}, {"tables", tables},    {"charts", charts},
              {"findings", findings},    {"details", details}, {"warnings", warnings}};
}

} // namespace qloop::doe
