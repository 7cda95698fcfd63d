// doe.design: options -> DesignSpec -> design -> result JSON.
#include <cmath>

#include <qloop/plugin.hpp>

#include "design.hpp"
#include "json_out.hpp"
#include "methods.hpp"
#include "random_order.hpp"

namespace qloop::doe {
namespace {

using sdk::InvalidInput;

Level level_from(const Json &v, const std::string &field) {
  if (v.is_number() && !v.is_boolean()) {
    if (!std::isfinite(v.get<double>())) throw InvalidInput("field '" + field + "': levels must be finite");
    return {level_text(v), v.get<double>()};
  }
  if (v.is_string() && !v.get<std::string>().empty()) return {v.get<std::string>(), std::nullopt};
  throw InvalidInput("field '" + field + "': a level must be a number or a non-empty string, got " +
                     v.dump());
}

FactorSpec factor_from(const Json &item, std::size_t index) {
  const std::string field = "options.factors[" + std::to_string(index) + "]";
  FactorSpec f;
  if (item.is_string()) {
    f.name = item.get<std::string>();
    f.levels = {{"-1", -1.0}, {"1", 1.0}};
  } else if (item.is_object()) {
    if (!item.contains("name") || !item["name"].is_string() || item["name"].get<std::string>().empty())
      throw InvalidInput("field '" + field + ".name': every factor needs a non-empty name");
    f.name = item["name"].get<std::string>();
    if (item.contains("levels")) {
      const auto &lv = item["levels"];
      if (lv.is_number_integer()) {
        const auto count = lv.get<long long>();
        if (count < 2 || count > 1000)
          throw InvalidInput("field '" + field + ".levels': a level count must be between 2 and 1000");
        if (count == 2)
          f.levels = {{"-1", -1.0}, {"1", 1.0}};
        else
          for (long long i = 1; i <= count; ++i)
            f.levels.push_back({std::to_string(i), static_cast<double>(i)});
      } else if (lv.is_array()) {
        for (std::size_t i = 0; i < lv.size(); ++i)
          f.levels.push_back(level_from(lv[i], field + ".levels[" + std::to_string(i) + "]"));
      } else {
        throw InvalidInput("field '" + field + ".levels': must be an array of levels or a level count");
      }
    } else if (item.contains("low") || item.contains("high")) {
      if (!item.contains("low") || !item.contains("high"))
        throw InvalidInput("field '" + field + "': give both low and high");
      f.levels = {level_from(item["low"], field + ".low"), level_from(item["high"], field + ".high")};
    } else {
      f.levels = {{"-1", -1.0}, {"1", 1.0}};
    }
  } else {
    throw InvalidInput("field '" + field + "': a factor is a name or an object {name, levels | low/high}");
  }
  return f;
}

std::vector<FactorSpec> factors_from(const Options &o) {
  const Json *raw = o.raw("factors");
  if (!raw)
    throw InvalidInput("field 'options.factors': required (a count, or a list of names or {name, levels})");
  std::vector<FactorSpec> out;
  if (raw->is_number_integer()) {
    const auto k = raw->get<long long>();
    if (k < 1 || k > kMaxLetterFactors)
      throw InvalidInput("field 'options.factors': a factor count must be between 1 and " +
                         std::to_string(kMaxLetterFactors));
    for (int j = 0; j < k; ++j) out.push_back({factor_letter(j), {{"-1", -1.0}, {"1", 1.0}}});
    return out;
  }
  if (!raw->is_array() || raw->empty())
    throw InvalidInput("field 'options.factors': must be a count or a non-empty list of factors");
  for (std::size_t i = 0; i < raw->size(); ++i) out.push_back(factor_from((*raw)[i], i));
  return out;
}

// The number of generators p from p, runs, resolution or generators.
void choose_fraction(const Options &o, DesignSpec &spec) {
  const int k = static_cast<int>(spec.factors.size());
  auto gens = o.text_list("generators");
  auto p = o.integer("p", 0, 30);
  auto runs = o.integer("runs", 1, 1LL << 30);
  auto res = o.integer("resolution", 3, 30);
  auto type = o.text("design");
  if (type && *type != "full" && *type != "fractional")
    throw InvalidInput("field 'options.design': must be 'full' or 'fractional', got '" + *type + "'");
  if (type && *type == "full") {
    if (gens || (p && *p > 0) || runs || res)
      throw InvalidInput(
          "field 'options.design': 'full' cannot be combined with p, runs, resolution or generators");
    return;
  }
  if (gens) {
    if (p && *p != static_cast<long long>(gens->size()))
      throw InvalidInput("field 'options.p': " + std::to_string(*p) + " does not match the " +
                         std::to_string(gens->size()) + " generators given");
    spec.p = static_cast<int>(gens->size());
    spec.generators = *gens;
  } else if (p) {
    spec.p = static_cast<int>(*p);
  } else if (runs) {
    int log2 = 0;
    while ((1LL << log2) < *runs) ++log2;
    if ((1LL << log2) != *runs || log2 > k)
      throw InvalidInput(
          "field 'options.runs': a two-level fraction has 2^(k-p) runs, a power of 2 not above 2^" +
          std::to_string(k) + "; got " + std::to_string(*runs));
    spec.p = k - log2;
  } else if (res) {
    // The smallest standard fraction with at least the requested resolution.
    spec.p = 0;
    for (int q : standard_fractions(k)) {
      const auto texts = standard_generators(k, q).value_or(std::vector<std::string>{});
      std::vector<Generator> g;
      for (const auto &t : texts) g.push_back(parse_generator(t, k, q, "generators"));
      const auto words = defining_words(g);
      if (resolution(words) >= *res) spec.p = std::max(spec.p, q);
    }
  } else if (type && *type == "fractional") {
    throw InvalidInput("field 'options.p': a fractional design needs p, runs, resolution or generators");
  }
  spec.fractional = spec.p > 0;
}

std::string design_title(const Design &d) {
  if (!d.two_level) {
    std::string s = "general full factorial";
    return s;
  }
  if (d.p == 0) return "2^" + std::to_string(d.k) + " full factorial";
  return "2^(" + std::to_string(d.k) + "-" + std::to_string(d.p) + ") fractional factorial, resolution " +
         roman(d.resolution);
}

Json setting_json(const FactorSpec &f, const DesignRun &run, std::size_t j) {
  const int level = run.level[j];
  if (level >= 0) {
    const auto &l = f.levels[static_cast<std::size_t>(level)];
    return l.value ? whole(*l.value) : Json(l.label);
  }
  // Centre point: the midpoint of the numeric low and high.
  return whole((*f.levels[0].value + *f.levels[1].value) / 2);
}

} // namespace

Json design_method(Json &request) {
  Options o(request, true);
  DesignSpec spec;
  spec.factors = factors_from(o);
  spec.replicates = static_cast<int>(o.integer("replicates", 1, 1000).value_or(1));
  if (auto key = o.first_present({"center_points", "centre_points"}))
    spec.center_points = static_cast<int>(*o.integer(*key, 0, 10000));
  spec.blocks = static_cast<int>(o.integer("blocks", 1, 4096).value_or(1));
  spec.block_by_replicate = o.boolean("block_by_replicate").value_or(false);
  spec.randomize = o.boolean("randomize").value_or(true);
  spec.alias_order = static_cast<int>(o.integer("alias_order", 1, 25).value_or(2));
  const auto given_seed = o.unsigned_integer("seed");
  spec.seed = given_seed ? *given_seed : fresh_seed();
  choose_fraction(o, spec);

  const Design d = build_design(spec);
  const bool show_blocks = d.block_count > 1;
  const bool show_points = spec.center_points > 0;

  Json result{{"method", "doe.design"}};
  Json summary = Json::object();
  summary["design"] = design_title(d);
  summary["factors"] = d.k;
  summary["runs"] = static_cast<long long>(d.runs.size());
  summary["runs per replicate"] = d.base_runs;
  summary["replicates"] = spec.replicates;
  summary["center points"] = spec.center_points * (show_blocks ? d.block_count : 1);
  summary["blocks"] = d.block_count;
  if (d.two_level && d.p > 0) {
    std::string gens, rel = "I";
    for (const auto &g : d.generators) gens += (gens.empty() ? "" : ", ") + generator_text(g);
    for (const auto &w : d.defining) rel += std::string(w.sign < 0 ? " = -" : " = ") + word_name(w.word);
    summary["resolution"] = roman(d.resolution);
    summary["generators"] = gens;
    summary["defining relation"] = rel;
  }
  if (!d.block_plan.generators.empty()) {
    std::string conf;
    for (Word w : d.block_plan.confounded) conf += (conf.empty() ? "" : ", ") + word_name(w);
    summary["confounded with blocks"] = conf;
  }
  summary["randomized"] = spec.randomize;
  summary["seed"] = spec.seed;
  result["summary"] = summary;

  // The run sheet, in run order.
  Json columns = Json::array({"run_order", "std_order"});
  if (show_blocks) columns.push_back("block");
  if (show_points) columns.push_back("point_type");
  for (const auto &f : spec.factors) columns.push_back(f.name);
  Json rows = Json::array(), runs = Json::array();
  for (const auto &run : d.runs) {
    Json row = Json::array({run.run_order, run.std_order});
    if (show_blocks) row.push_back(run.block);
    if (show_points) row.push_back(run.center ? "center" : "factorial");
    Json settings = Json::object(), coded = Json::object();
    for (std::size_t j = 0; j < spec.factors.size(); ++j) {
      Json s = setting_json(spec.factors[j], run, j);
      row.push_back(s);
      settings[spec.factors[j].name] = s;
      if (d.two_level) coded[factor_letter(static_cast<int>(j))] = run.coded[j];
    }
    rows.push_back(row);
    Json r{{"run_order", run.run_order},
           {"std_order", run.std_order},
           {"block", run.block},
           {"replicate", run.replicate},
           {"point_type", run.center ? "center" : "factorial"},
           {"settings", settings}};
    if (d.two_level) r["coded"] = coded;
    runs.push_back(r);
  }
  Json tables = Json::array();
  tables.push_back({{"title", "Design (run order)"}, {"columns", columns}, {"rows", rows}});
  Json factor_rows = Json::array(), factors_detail = Json::array();
  for (std::size_t j = 0; j < spec.factors.size(); ++j) {
    Json levels = Json::array();
    std::string level_list;
    for (const auto &l : spec.factors[j].levels) {
      levels.push_back(l.value ? whole(*l.value) : Json(l.label));
      level_list += (level_list.empty() ? "" : ", ") + l.label;
    }
    const std::string letter = d.two_level ? factor_letter(static_cast<int>(j)) : std::to_string(j + 1);
    factor_rows.push_back(Json::array({letter, spec.factors[j].name, level_list}));
    factors_detail.push_back({{"letter", letter}, {"name", spec.factors[j].name}, {"levels", levels}});
  }
  tables.push_back({{"title", "Factors"}, {"columns", {"Letter", "Name", "Levels"}}, {"rows", factor_rows}});
  Json details{
      {"design",
       {{"type", d.two_level ? (d.p > 0 ? "fractional" : "full two-level") : "general full factorial"},
        {"k", d.k},
        {"p", d.p},
        {"runs", static_cast<long long>(d.runs.size())},
        {"base_runs", d.base_runs},
        {"replicates", spec.replicates},
        {"center_points_per_block", spec.center_points},
        {"blocks", d.block_count},
        {"randomized", spec.randomize},
        {"seed", spec.seed},
        {"rng", "std::mt19937_64; Fisher-Yates with x mod n after rejecting x < 2^64 mod n"}}},
      {"factors", factors_detail},
      {"runs", runs}};
  if (d.two_level && d.p > 0) {
    Json gens = Json::array(), words = Json::array(), chains = Json::array(), full = Json::array();
    Json alias_rows = Json::array();
    for (const auto &g : d.generators) gens.push_back(generator_text(g));
    for (const auto &w : d.defining) words.push_back({{"word", word_name(w.word)}, {"sign", w.sign}});
    for (const auto &c : d.aliases) {
      chains.push_back(chain_text(c));
      alias_rows.push_back(Json::array({chain_text(c)}));
    }
    for (const auto &c : d.full_aliases) full.push_back(chain_text(c));
    details["design"]["resolution"] = d.resolution;
    details["design"]["generators"] = gens;
    details["design"]["defining_relation"] = words;
    details["design"]["word_length_pattern"] = d.word_length_pattern;
    details["design"]["alias_order"] = std::min(spec.alias_order, d.k);
    details["design"]["alias_structure"] = chains;
    if (!full.empty()) details["design"]["alias_chains_full"] = full;
    tables.push_back({{"title", "Alias structure (interactions up to order " +
                                    std::to_string(std::min(spec.alias_order, d.k)) + ")"},
                      {"columns", {"Alias chain"}},
                      {"rows", alias_rows}});
  }
  if (!d.block_plan.generators.empty()) {
    Json gens = Json::array(), conf = Json::array();
    for (Word w : d.block_plan.generators) gens.push_back(word_name(w));
    for (Word w : d.block_plan.confounded) conf.push_back(word_name(w));
    details["design"]["block_generators"] = gens;
    details["design"]["confounded_with_blocks"] = conf;
  }
  result["tables"] = tables;
  result["charts"] = Json::array();
  Json findings = Json::array();
  if (d.two_level && d.p > 0 && d.resolution == 3)
    findings.push_back(
        finding("warning", "resolution",
                "Resolution III: main effects are aliased with two-factor interactions; use it for "
                "screening and follow up (fold-over) before drawing conclusions"));
  if (d.two_level && d.p > 0 && d.resolution == 4)
    findings.push_back(
        finding("info", "resolution",
                "Resolution IV: main effects are clear of two-factor interactions, but two-factor "
                "interactions are aliased with each other"));
  if (!spec.randomize)
    findings.push_back(finding("warning", "randomization",
                               "Run order is not randomized; time trends and drifts will bias the effects"));
  if (d.two_level && spec.replicates == 1 && spec.center_points == 0)
    findings.push_back(
        finding("info", "error-estimate",
                "Unreplicated and without centre points: there is no pure error; the analysis will use "
                "Lenth's method or a reduced model"));
  result["findings"] = findings;
  result["details"] = details;
  result["warnings"] = Json::array();
  if (!given_seed)
    result["warnings"].push_back("no seed given: the run order used seed " + std::to_string(spec.seed) +
                                 "; pass --option seed=" + std::to_string(spec.seed) + " to reproduce it");
  return result;
}

} // namespace qloop::doe
