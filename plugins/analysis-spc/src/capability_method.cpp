#include <cmath>
#include <optional>

#include <qloop/plugin.hpp>

#include "boxcox.hpp"
#include "capability.hpp"
#include "constants.hpp"
#include "data_input.hpp"
#include "json_out.hpp"
#include "labels.hpp"
#include "methods.hpp"
#include "normality.hpp"
#include "spc_options.hpp"
#include "svg_charts.hpp"

namespace qloop::spc {
namespace {

using sdk::InvalidInput;

bool equal_sizes(const Subgroups &g) {
  for (std::size_t k = 1; k < g.count(); ++k)
    if (g.size_of(k) != g.size_of(0)) return false;
  return true;
}

WithinMethod within_method(const Options &o, const MeasuredData &m) {
  const bool equal = equal_sizes(m.groups);
  const bool range_ok =
      equal && m.groups.size_of(0) >= 2 && m.groups.size_of(0) <= std::size_t(kMaxRangeSubgroup);
  const auto text = o.text("within");
  if (!text || *text == "auto") {
    if (m.individuals) return WithinMethod::moving_range;
    return range_ok ? WithinMethod::range : WithinMethod::pooled;
  }
  if (*text == "mrbar") return WithinMethod::moving_range;
  if (*text == "pooled") {
    if (m.individuals) throw InvalidInput("field 'options.within': 'pooled' needs subgroups");
    return WithinMethod::pooled;
  }
  if (*text == "rbar" || *text == "sbar") {
    if (m.individuals) throw InvalidInput("field 'options.within': '" + *text + "' needs subgroups");
    if (!equal)
      throw InvalidInput("field 'options.within': '" + *text +
                         "' needs subgroups of equal size; use 'pooled' for unequal subgroups");
    if (*text == "rbar" && !range_ok)
      throw InvalidInput("field 'options.within': 'rbar' needs subgroups of 2 to " +
                         std::to_string(kMaxRangeSubgroup) + " values");
    return *text == "rbar" ? WithinMethod::range : WithinMethod::sd;
  }
  throw InvalidInput("field 'options.within': must be auto, mrbar, rbar, sbar or pooled; got '" + *text +
                     "'");
}

Json indices_json(const CapabilityIndices &c) {
  return {{"cp", number(c.cp)},   {"cpl", number(c.cpl)}, {"cpu", number(c.cpu)},
          {"cpk", number(c.cpk)}, {"pp", number(c.pp)},   {"ppl", number(c.ppl)},
          {"ppu", number(c.ppu)}, {"ppk", number(c.ppk)}, {"cpm", number(c.cpm)}};
}

Json ppm_json(const Ppm &p) {
  return {{"below_lsl", number(p.below)}, {"above_usl", number(p.above)}, {"total", number(p.total)}};
}

Json study_json(const CapabilityStudy &s) {
  return {{"n", s.n},
          {"subgroups", s.subgroups},
          {"mean", number(s.mean)},
          {"sigma_within", number(s.sigma_within)},
          {"sigma_overall", number(s.sigma_overall)},
          {"within_method", within_method_name(s.within)},
          {"within_formula", within_method_formula(s.within)},
          {"indices", indices_json(s.indices)},
          {"ppm",
           {{"observed", ppm_json(s.observed)},
            {"expected_within", ppm_json(s.expected_within)},
            {"expected_overall", ppm_json(s.expected_overall)}}}};
}

Json normality_json(const std::optional<AndersonDarling> &ad, double alpha) {
  if (!ad) return Json();
  return {{"test", "anderson-darling"},     {"n", ad->n},
          {"a2", number(ad->a2)},           {"a2_adjusted", number(ad->a2_adjusted)},
          {"p_value", number(ad->p_value)}, {"alpha", alpha},
          {"normal", ad->p_value >= alpha}};
}

std::optional<AndersonDarling> try_anderson_darling(const std::vector<double> &x,
                                                    std::vector<std::string> &warnings, const char *what) {
  if (x.size() < kMinAndersonDarling) {
    warnings.push_back(std::string("normality of the ") + what +
                       " not tested: the Anderson-Darling test needs at least " +
                       std::to_string(kMinAndersonDarling) + " values");
    return std::nullopt;
  }
  try {
    return anderson_darling(x);
  } catch (const std::invalid_argument &e) {
    warnings.push_back(std::string("normality of the ") + what + " not tested: " + e.what());
    return std::nullopt;
  }
}

double transform_limit(double v, double lambda, const char *name) {
  if (!(v > 0))
    throw InvalidInput(std::string("field 'options.") + name +
                       "': must be > 0 for a Box-Cox transformation (it takes powers and logarithms)");
  return boxcox_transform(v, lambda);
}

// Capability describes the stable process: with a trial set given (trial
// column or option phase1) only those subgroups or values are used.
Subgroups only_phase1(const Subgroups &g, const Phase1 &p) {
  Subgroups out;
  for (std::size_t k = 0; k < g.count(); ++k)
    if (p.includes(k)) out.add(g.at(k));
  return out;
}

} // namespace

Json capability_method(const Json &request, const sdk::RecordBatch *columns) {
  const Options o(request);
  const Labels L = Labels::for_request(request);
  const bool subgroups = detect_shape(request, o, columns) == DataShape::subgroups;
  MeasuredData m = read_measurements(request, o, subgroups, columns);
  const std::size_t points = m.groups.count();
  const Phase1 phase1 = phase1_from(o, m.trial, points);
  const std::size_t used_points = phase1.count(points);
  if (used_points < points) m.groups = only_phase1(m.groups, phase1);
  const SpecLimits spec = spec_limits(o);
  validate_spec(spec);
  const WithinMethod within = within_method(o, m);
  const double alpha = o.number("alpha").value_or(0.05);
  if (!(alpha > 0 && alpha < 1)) throw InvalidInput("field 'options.alpha': must be between 0 and 1");
  std::vector<std::string> warnings;
  if (used_points < points)
    warnings.push_back("capability uses the " + std::to_string(used_points) + " phase-I (trial) points of " +
                       std::to_string(points));

  const auto raw_normality = try_anderson_darling(m.groups.values, warnings, "data");
  std::string transform = o.text("transform").value_or("none");
  if (transform != "none" && transform != "boxcox" && transform != "auto")
    throw InvalidInput("field 'options.transform': must be none, boxcox or auto; got '" + transform + "'");
  if (transform == "auto") {
    const bool rejected = raw_normality && raw_normality->p_value < alpha;
    bool positive = true;
    for (double v : m.groups.values) positive = positive && v > 0;
    positive = positive && (!spec.lsl || *spec.lsl > 0) && (!spec.usl || *spec.usl > 0);
    transform = rejected && positive ? "boxcox" : "none";
    if (rejected && !positive)
      warnings.push_back(
          "normality is rejected but the data or limits are not all > 0, so no Box-Cox transformation");
  }

  const CapabilityStudy original = capability_study(m.groups, within, spec, m.field);
  std::optional<CapabilityStudy> transformed;
  std::optional<BoxCoxFit> fit;
  std::optional<AndersonDarling> transformed_normality;
  SpecLimits tspec;
  Subgroups tgroups;
  if (transform == "boxcox") {
    for (std::size_t i = 0; i < m.groups.values.size(); ++i)
      if (!(m.groups.values[i] > 0))
        throw InvalidInput("field '" + m.field + "' (value " + std::to_string(i + 1) +
                           "): must be > 0 for a Box-Cox transformation");
    BoxCoxFit f;
    if (auto fixed = o.number("lambda")) {
      f.lambda = *fixed;
      f.log_likelihood = boxcox_log_likelihood(m.groups.values, *fixed);
    } else {
      try {
        f = boxcox_fit(m.groups.values);
      } catch (const std::invalid_argument &e) {
        throw InvalidInput("field '" + m.field + "': " + e.what());
      }
      if (f.at_search_bound)
        warnings.push_back("the Box-Cox lambda lies at the edge of the search range [-5, 5]");
    }
    fit = f;
    tgroups = m.groups;
    tgroups.values = boxcox_transform(m.groups.values, f.lambda);
    if (spec.lsl) tspec.lsl = transform_limit(*spec.lsl, f.lambda, "lsl");
    if (spec.usl) tspec.usl = transform_limit(*spec.usl, f.lambda, "usl");
    if (spec.target) tspec.target = transform_limit(*spec.target, f.lambda, "target");
    transformed = capability_study(tgroups, within, tspec, m.field);
    transformed_normality = try_anderson_darling(tgroups.values, warnings, "transformed data");
  }
  const CapabilityStudy &s = transformed ? *transformed : original;
  const auto &normality = transformed ? transformed_normality : raw_normality;

  Json summary = Json::object();
  summary["n"] = s.n;
  if (!m.individuals) summary["subgroups"] = s.subgroups;
  if (fit) summary["boxcox_lambda"] = rounded(fit->lambda, 6);
  summary["mean"] = rounded(s.mean, 8);
  summary["sigma_within"] = rounded(s.sigma_within, 8);
  summary["sigma_overall"] = rounded(s.sigma_overall, 8);
  for (auto [key, v] : {std::pair{"Cp", s.indices.cp},
                        {"Cpk", s.indices.cpk},
                        {"Pp", s.indices.pp},
                        {"Ppk", s.indices.ppk},
                        {"Cpm", s.indices.cpm}})
    if (std::isfinite(v)) summary[key] = rounded(v, 5);
  summary["ppm_expected_overall"] = rounded(s.expected_overall.total, 6);
  if (normality) summary["normality_p"] = rounded(normality->p_value, 4);

  Json index_rows = Json::array();
  for (auto [key, v, what] : {std::tuple{"Cp", s.indices.cp, "(USL-LSL)/6σw"},
                              {"CPL", s.indices.cpl, "(μ-LSL)/3σw"},
                              {"CPU", s.indices.cpu, "(USL-μ)/3σw"},
                              {"Cpk", s.indices.cpk, "min(CPL, CPU)"},
                              {"Pp", s.indices.pp, "(USL-LSL)/6σo"},
                              {"PPL", s.indices.ppl, "(μ-LSL)/3σo"},
                              {"PPU", s.indices.ppu, "(USL-μ)/3σo"},
                              {"Ppk", s.indices.ppk, "min(PPL, PPU)"},
                              {"Cpm", s.indices.cpm, "(USL-LSL)/6√(σo²+(μ-T)²)"}})
    index_rows.push_back({key, rounded(v, 5), what});
  Json ppm_rows = Json::array();
  for (auto [name, p] : {std::pair{"observed", s.observed},
                         {"expected within", s.expected_within},
                         {"expected overall", s.expected_overall}})
    ppm_rows.push_back({name, rounded(p.below, 6), rounded(p.above, 6), rounded(p.total, 6)});
  Json tables = Json::array();
  tables.push_back({{"title", L.text("Capability indices", "过程能力指数")},
                    {"columns", {"index", "value", "formula"}},
                    {"rows", index_rows}});
  tables.push_back({{"title", L.text("Out of specification (ppm)", "超出规格（ppm）")},
                    {"columns", {"basis", "< LSL", "> USL", "total"}},
                    {"rows", ppm_rows}});
  if (normality)
    tables.push_back({{"title", L.text("Anderson-Darling normality test", "Anderson-Darling 正态性检验")},
                      {"columns", {"n", "A²", "A*²", "p"}},
                      {"rows",
                       {{normality->n, rounded(normality->a2, 6), rounded(normality->a2_adjusted, 6),
                         rounded(normality->p_value, 4)}}}});

  Json findings = Json::array();
  if (std::isfinite(s.indices.cpk)) {
    if (s.indices.cpk < 1.0)
      findings.push_back(
          finding("error", "cpk-below-1",
                  "Cpk = " + fmt(s.indices.cpk, 4) +
                      L.text(": the process is not capable (Cpk < 1.0)", "：过程能力不足（Cpk < 1.0）")));
    else if (s.indices.cpk < 1.33)
      findings.push_back(finding("warning", "cpk-below-1.33",
                                 "Cpk = " + fmt(s.indices.cpk, 4) +
                                     L.text(": below the usual 1.33 requirement", "：低于常用要求 1.33")));
  }
  if (std::isfinite(s.indices.cp) && s.indices.cp - s.indices.cpk > 0.1 * s.indices.cp)
    findings.push_back(finding("info", "off-centre",
                               L.text("Cp exceeds Cpk by more than 10%: the process is off centre",
                                      "Cp 比 Cpk 高出 10% 以上：过程偏离中心")));
  if (std::isfinite(s.indices.ppk) && std::isfinite(s.indices.cpk) && s.indices.ppk < 0.85 * s.indices.cpk)
    findings.push_back(finding(
        "warning", "unstable",
        L.text("Ppk is well below Cpk: the overall variation is much larger than the "
               "short-term variation (the process shifts or drifts); check the control chart "
               "before trusting Cpk",
               "Ppk 明显低于 Cpk：整体波动远大于短期波动（过程有漂移或偏移），请先检查控制图再采信 Cpk")));
  if (normality && normality->p_value < alpha)
    findings.push_back(finding(
        "warning", "non-normal",
        L.text("the Anderson-Darling test rejects normality (p = ", "Anderson-Darling 检验拒绝正态性（p = ") +
            fmt(normality->p_value, 3) +
            L.text("); indices assume a normal distribution", "）；能力指数假定正态分布") +
            (transformed ? "" : L.text(" — consider transform=boxcox", " — 可考虑 transform=boxcox"))));

  Json details = {{"spec",
                   {{"lsl", spec.lsl ? Json(*spec.lsl) : Json()},
                    {"usl", spec.usl ? Json(*spec.usl) : Json()},
                    {"target", spec.target ? Json(*spec.target) : Json()}}},
                  {"value_field", m.field},
                  {"points_used", used_points},
                  {"points_given", points},
                  {"capability", study_json(s)},
                  {"normality", normality_json(normality, alpha)}};
  if (transformed) {
    details["transform"] = {{"type", "boxcox"},
                            {"formula", "(x^λ - 1)/λ, ln x at λ = 0"},
                            {"lambda", number(fit->lambda)},
                            {"lambda_estimated", !o.has("lambda")},
                            {"lambda_ci95",
                             {fit->lambda_low ? Json(*fit->lambda_low) : Json(),
                              fit->lambda_high ? Json(*fit->lambda_high) : Json()}},
                            {"log_likelihood", number(fit->log_likelihood)},
                            {"spec",
                             {{"lsl", tspec.lsl ? Json(*tspec.lsl) : Json()},
                              {"usl", tspec.usl ? Json(*tspec.usl) : Json()},
                              {"target", tspec.target ? Json(*tspec.target) : Json()}}}};
    details["original"] = {{"capability", study_json(original)},
                           {"normality", normality_json(raw_normality, alpha)}};
  } else {
    details["transform"] = {{"type", "none"}};
  }

  HistogramSpec h;
  h.values = transformed ? &tgroups.values : &m.groups.values;
  h.spec = transformed ? tspec : spec;
  h.mean = s.mean;
  h.sigma_within = s.sigma_within;
  h.sigma_overall = s.sigma_overall;
  h.title = L.text("Process capability", "过程能力") +
            (fit ? " (Box-Cox λ=" + fmt(fit->lambda, 3) + ")" : std::string()) + " — Cpk " +
            fmt(s.indices.cpk, 4) + ", Ppk " + fmt(s.indices.ppk, 4);
  h.x_label = fit ? L.text("Transformed value", "变换后的值") : m.field;
  h.labels = L;
  Json charts = Json::array();
  if (o.boolean("plot").value_or(true))
    charts.push_back({{"title", L.text("Capability histogram", "过程能力直方图")},
                      {"kind", "histogram"},
                      {"svg", capability_histogram_svg(h, 960, 420)}});
  return {{"method", "capability"}, {"summary", summary}, {"tables", tables},    {"charts", charts},
          {"findings", findings},   {"details", details}, {"warnings", warnings}};
}

Json normality_method(const Json &request, const sdk::RecordBatch *columns) {
  const Options o(request);
  const Labels L = Labels::for_request(request);
  MeasuredData m = read_measurements(request, o, false, columns);
  const double alpha = o.number("alpha").value_or(0.05);
  if (!(alpha > 0 && alpha < 1)) throw InvalidInput("field 'options.alpha': must be between 0 and 1");
  if (m.groups.values.size() < kMinAndersonDarling)
    throw InvalidInput("field '" + m.field + "': the Anderson-Darling test needs at least " +
                       std::to_string(kMinAndersonDarling) + " values, got " +
                       std::to_string(m.groups.values.size()));
  AndersonDarling ad;
  try {
    ad = anderson_darling(m.groups.values);
  } catch (const std::invalid_argument &e) {
    throw InvalidInput("field '" + m.field + "': " + e.what());
  }
  const bool normal = ad.p_value >= alpha;
  Json summary = {{"n", ad.n},
                  {"mean", rounded(ad.mean, 8)},
                  {"sd", rounded(ad.sd, 8)},
                  {"a2", rounded(ad.a2, 6)},
                  {"a2_adjusted", rounded(ad.a2_adjusted, 6)},
                  {"p_value", rounded(ad.p_value, 4)},
                  {"normal", normal}};
  Json findings = Json::array();
  findings.push_back(finding(normal ? "info" : "warning", normal ? "normal" : "non-normal",
                             normal ? L.text("normality is not rejected at alpha = ", "在 alpha = ") +
                                          fmt(alpha, 3) + L.text("", " 水平下不拒绝正态性")
                                    : L.text("normality is rejected at alpha = ", "在 alpha = ") +
                                          fmt(alpha, 3) + L.text(" (p = ", " 水平下拒绝正态性（p = ") +
                                          fmt(ad.p_value, 3) + L.text(")", "）")));
  Json charts = Json::array();
  if (o.boolean("plot").value_or(true))
    charts.push_back({{"title", L.text("Normal probability plot", "正态概率图")},
                      {"kind", "probability-plot"},
                      {"svg", probability_plot_svg(normal_probability_points(m.groups.values), ad.mean, ad.sd,
                                                   L.text("Normal probability plot", "正态概率图") +
                                                       " — A² " + fmt(ad.a2, 4) + ", p " + fmt(ad.p_value, 3),
                                                   L, 720, 480)}});
  Json details = {{"test", "anderson-darling"},
                  {"value_field", m.field},
                  {"n", ad.n},
                  {"mean", number(ad.mean)},
                  {"sd", number(ad.sd)},
                  {"a2", number(ad.a2)},
                  {"a2_adjusted", number(ad.a2_adjusted)},
                  {"adjustment", "A*² = A²(1 + 0.75/n + 2.25/n²)"},
                  {"p_value", number(ad.p_value)},
                  {"p_value_method", "D'Agostino & Stephens (1986), Table 4.9"},
                  {"alpha", alpha},
                  {"normal", normal}};
  return {{"method", "normality"}, {"summary", summary}, {"tables", Json::array()},  {"charts", charts},
          {"findings", findings},  {"details", details}, {"warnings", Json::array()}};
}

} // namespace qloop::spc
