#include "five_why_analysis.hpp"

#include <algorithm>

#include <qloop/plugin.hpp>

#include "five_why_parse.hpp"
#include "five_why_rules.hpp"
#include "five_why_svg.hpp"
#include "five_why_tree.hpp"

namespace qloop::fivewhy {
namespace {

using ojson = nlohmann::ordered_json;

bool wants_chinese(const nlohmann::json &request) {
  auto it = request.find("lang");
  if (it == request.end() || it->is_null()) return false;
  if (!it->is_string() || (*it != "en" && *it != "zh-CN"))
    throw sdk::InvalidInput("field 'lang': must be \"en\" or \"zh-CN\"");
  return *it == "zh-CN";
}

std::string joined(const std::vector<std::string> &items) {
  std::string out;
  for (const auto &item : items) out += (out.empty() ? "" : "; ") + item;
  return out;
}

std::string step_id(const Analysis &a, StepRef r) {
  return a.chains[r.chain].id + "#" + std::to_string(r.step + 1);
}

// Depth of every step below the problem (1 for a first step).
std::vector<std::vector<int>> depths(const Analysis &a, const Tree &tree) {
  std::vector<std::vector<int>> out(a.chains.size());
  for (std::size_t c = 0; c < a.chains.size(); ++c) out[c].resize(a.chains[c].steps.size());
  for (const auto &path : tree.paths())
    for (std::size_t i = 0; i < path.steps.size(); ++i)
      out[path.steps[i].chain][path.steps[i].step] = static_cast<int>(i + 1);
  return out;
}

ojson steps_table(const Analysis &a, const std::vector<std::vector<int>> &depth, bool zh) {
  ojson rows = ojson::array();
  for (std::size_t c = 0; c < a.chains.size(); ++c)
    for (std::size_t s = 0; s < a.chains[c].steps.size(); ++s) {
      const Step &step = a.chains[c].steps[s];
      rows.push_back({a.chains[c].id, to_string(a.chains[c].kind), depth[c][s], step.why, step.because,
                      joined(step.evidence), step.cause_type ? to_string(*step.cause_type) : ""});
    }
  return {{"title", zh ? "5Why 步骤" : "5 Why steps"},
          {"columns", zh ? ojson{"链", "类别", "层级", "为什么", "因为", "证据", "原因类型"}
                         : ojson{"chain", "kind", "depth", "why", "because", "evidence", "cause type"}},
          {"rows", rows}};
}

ojson root_causes_table(const Analysis &a, const Tree &tree, bool zh) {
  ojson rows = ojson::array();
  for (const auto &path : tree.paths()) {
    const StepRef leaf = path.steps.back();
    const Step &step = tree.step(leaf);
    std::string route;
    for (const auto &r : path.steps) route += (route.empty() ? "" : " > ") + step_id(a, r);
    rows.push_back({to_string(path.kind), a.chains[leaf.chain].id, path.steps.size(), step.because,
                    step.cause_type ? to_string(*step.cause_type) : "", route});
  }
  return {{"title", zh ? "根本原因" : "Root causes"},
          {"columns", zh ? ojson{"类别", "链", "层级", "根本原因", "原因类型", "路径"}
                         : ojson{"kind", "chain", "depth", "root cause", "cause type", "path"}},
          {"rows", rows}};
}

ojson findings_table(const std::vector<Finding> &findings, bool zh) {
  ojson rows = ojson::array();
  for (const auto &f : findings) rows.push_back({f.severity, f.rule, f.message});
  return {{"title", zh ? "审查发现" : "Review findings"},
          {"columns", zh ? ojson{"级别", "规则", "说明"} : ojson{"severity", "rule", "message"}},
          {"rows", rows}};
}

ojson details(const Analysis &a, const Tree &tree, const Settings &s) {
  ojson chains = ojson::array();
  for (const auto &chain : a.chains) {
    ojson steps = ojson::array();
    for (const auto &step : chain.steps)
      steps.push_back(
          {{"why", step.why},
           {"because", step.because},
           {"evidence", step.evidence},
           {"cause_type", step.cause_type ? ojson(to_string(*step.cause_type)) : ojson(nullptr)}});
    ojson c = {{"id", chain.id}, {"kind", to_string(chain.kind)}, {"title", chain.title}, {"steps", steps}};
    if (chain.parent_chain) c["parent"] = {{"chain", *chain.parent_chain}, {"step", chain.parent_step}};
    chains.push_back(c);
  }
  ojson paths = ojson::array();
  for (const auto &path : tree.paths()) {
    ojson ids = ojson::array();
    for (const auto &r : path.steps) ids.push_back(step_id(a, r));
    const Step &leaf = tree.step(path.steps.back());
    paths.push_back({{"kind", to_string(path.kind)},
                     {"depth", path.steps.size()},
                     {"steps", ids},
                     {"root_cause", leaf.because},
                     {"cause_type", leaf.cause_type ? ojson(to_string(*leaf.cause_type)) : ojson(nullptr)}});
  }
  return {{"problem", a.problem},
          {"settings",
           {{"min_depth", s.min_depth},
            {"max_depth", s.max_depth},
            {"link_check", s.link_check},
            {"link_min_shared", s.link_min_shared},
            {"require_evidence", s.require_evidence},
            {"human_error_terms", s.human_error_terms}}},
          {"chains", chains},
          {"paths", paths}};
}

} // namespace

nlohmann::ordered_json analyze(const nlohmann::json &request, const Settings &defaults) {
  if (!request.is_object()) throw sdk::InvalidInput("request: must be a JSON object");
  const bool zh = wants_chinese(request);
  const Analysis analysis = parse_analysis(request);
  const Settings settings = parse_settings(request, defaults);
  const Tree tree(analysis);
  const auto findings = review(analysis, tree, settings, zh);

  auto count_kind = [&](ChainKind k) {
    return std::count_if(analysis.chains.begin(), analysis.chains.end(),
                         [&](const Chain &c) { return c.kind == k; });
  };
  auto count_severity = [&](const char *s) {
    return std::count_if(findings.begin(), findings.end(), [&](const Finding &f) { return f.severity == s; });
  };
  std::size_t steps = 0, deepest = 0;
  for (const auto &chain : analysis.chains) steps += chain.steps.size();
  for (const auto &path : tree.paths()) deepest = std::max(deepest, path.steps.size());

  ojson result;
  result["method"] = "5why";
  result["summary"] = {{"problem", analysis.problem},
                       {"chains", analysis.chains.size()},
                       {"occurrence_chains", count_kind(ChainKind::occurrence)},
                       {"escape_chains", count_kind(ChainKind::escape)},
                       {"steps", steps},
                       {"paths", tree.paths().size()},
                       {"max_depth", deepest},
                       {"errors", count_severity("error")},
                       {"warnings", count_severity("warning")}};
  const auto depth = depths(analysis, tree);
  result["tables"] = ojson::array({steps_table(analysis, depth, zh), root_causes_table(analysis, tree, zh)});
  if (!findings.empty()) result["tables"].push_back(findings_table(findings, zh));
  result["charts"] = ojson::array({{{"title", zh ? "5Why 分析树" : "5 Why tree"},
                                    {"kind", "tree"},
                                    {"svg", tree_svg(analysis, tree, findings, zh)}}});
  result["findings"] = ojson::array();
  for (const auto &f : findings)
    result["findings"].push_back(
        {{"severity", f.severity}, {"rule", f.rule}, {"message", f.message}, {"where", ojson(f.where)}});
  result["details"] = details(analysis, tree, settings);
  result["warnings"] = ojson::array();
  if (analysis.problem.empty())
    result["warnings"].push_back(
        zh ? "data.problem 为空:无法检查第一个为什么是否针对问题"
           : "data.problem is empty: the first questions cannot be checked against it");
  return result;
}

} // namespace qloop::fivewhy
