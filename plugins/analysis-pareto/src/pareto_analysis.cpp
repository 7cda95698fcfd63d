#include "pareto_analysis.hpp"

#include <qloop/plugin.hpp>

#include "pareto_compute.hpp"
#include "pareto_svg.hpp"

namespace qloop::pareto {
namespace {

using ojson = nlohmann::ordered_json;

constexpr std::size_t kMaxBars = 60;

bool wants_chinese(const nlohmann::json &request) {
  auto it = request.find("lang");
  if (it == request.end() || it->is_null()) return false;
  if (!it->is_string() || (*it != "en" && *it != "zh-CN"))
    throw sdk::InvalidInput("field 'lang': must be \"en\" or \"zh-CN\"");
  return *it == "zh-CN";
}

ojson table(const Pareto &p, const Input &in, bool zh) {
  const bool weighted = in.value_field.has_value();
  // Weighted, the row count is a second figure beside the value; counted, it is the value.
  ojson columns = zh ? ojson{"排名", in.field, weighted ? "行数" : "数量"}
                     : ojson{"rank", in.field, weighted ? "rows" : "count"};
  if (weighted) columns.push_back(*in.value_field);
  static constexpr const char *kEnglish[] = {"percent", "cumulative", "cumulative percent", "vital few"};
  static constexpr const char *kChinese[] = {"百分比", "累计", "累计百分比", "关键少数"};
  for (const char *c : zh ? kChinese : kEnglish) columns.push_back(c);
  ojson rows = ojson::array();
  for (std::size_t i = 0; i < p.shown.size(); ++i) {
    const Bar &b = p.shown[i];
    ojson row = {b.other ? ojson("") : ojson(i + 1), b.name, b.count};
    if (weighted) row.push_back(b.value);
    row.push_back(b.percent);
    row.push_back(b.cumulative);
    row.push_back(b.cumulative_percent);
    row.push_back(b.vital ? (zh ? "是" : "yes") : "");
    rows.push_back(row);
  }
  return {{"title", zh ? "柏拉图分析表" : "Pareto table"}, {"columns", columns}, {"rows", rows}};
}

ojson bar_json(const Bar &b) {
  ojson j = {
      {"name", b.name},       {"count", b.count},           {"value", b.value},
      {"percent", b.percent}, {"cumulative", b.cumulative}, {"cumulative_percent", b.cumulative_percent},
      {"vital", b.vital}};
  if (b.other) j["other_categories"] = b.members;
  return j;
}

struct Finding {
  const char *severity, *rule;
  std::string message;
  ojson where;
};

std::vector<Finding> review(const Pareto &p, const Input &in, bool zh) {
  std::vector<Finding> out;
  const Bar &last = p.all[p.vital_count - 1];
  for (const auto &name : p.tied_at_cutoff)
    out.push_back({"info",
                   "vital_few.tie_at_cutoff",
                   zh ? "“" + name + "”与关键少数中最后一项“" + last.name + "”数值相同,两者的取舍仅按名称排序"
                      : "\"" + name + "\" has the same value as \"" + last.name +
                            "\", the last of the vital few: the cut between them is by name only",
                   {{"category", name}}});
  const std::size_t top_n = in.settings.top_n;
  if (p.shown.size() < p.all.size() && p.vital_count > top_n)
    out.push_back({"warning",
                   "vital_few.hidden_in_other",
                   zh ? "关键少数有 " + std::to_string(p.vital_count) +
                            " 项,多于 top_n=" + std::to_string(top_n) + ",部分被并入“其他”"
                      : std::to_string(p.vital_count) + " categories make the vital few, more than top_n=" +
                            std::to_string(top_n) + ": some are folded into the other bucket",
                   {{"vital_few", p.vital_count}, {"top_n", top_n}}});
  if (p.all.size() >= 4 && 2 * p.vital_count > p.all.size())
    out.push_back({"info",
                   "vital_few.flat",
                   zh ? "分布较平坦:需要 " + std::to_string(p.vital_count) + "/" +
                            std::to_string(p.all.size()) + " 个类别才达到阈值,可考虑换一种分层方式"
                      : "Flat distribution: " + std::to_string(p.vital_count) + " of " +
                            std::to_string(p.all.size()) +
                            " categories are needed to reach the threshold; consider stratifying differently",
                   {{"vital_few", p.vital_count}, {"categories", p.all.size()}}});
  return out;
}

} // namespace

nlohmann::ordered_json analyze(const nlohmann::json &request, const Settings &defaults) {
  if (!request.is_object()) throw sdk::InvalidInput("request: must be a JSON object");
  const bool zh = wants_chinese(request);
  const Input in = read_input(request, defaults, zh);
  std::string other = in.settings.other_label.empty() ? (zh ? "其他" : "Other") : in.settings.other_label;
  auto run = [&](const Settings &settings) {
    Pareto p = compute(in.observations, settings, other);
    for (auto &b : p.shown)
      if (b.other) b.name = other + " (" + std::to_string(b.members) + ")";
    return p;
  };
  const Pareto p = run(in.settings);
  // Hundreds of bars make no chart: draw the top ones and fold the rest there,
  // while the table keeps every category.
  std::vector<std::string> warnings = in.warnings;
  Pareto drawn = p;
  if (p.shown.size() > kMaxBars) {
    Settings folded = in.settings;
    folded.top_n = kMaxBars - 1;
    drawn = run(folded);
    warnings.push_back(
        zh ? "类别过多:图中只画前 " + std::to_string(kMaxBars - 1) + " 个,其余合并为一根柱;表中列出全部"
           : "Too many categories to draw: the chart shows the top " + std::to_string(kMaxBars - 1) +
                 " and folds the rest into one bar; the table lists all (or set top_n)");
  }
  const bool weighted = in.value_field.has_value();

  ojson result;
  result["method"] = "pareto";
  result["summary"] = {{"field", in.field},
                       {"value", weighted ? *in.value_field : "count"},
                       {"total", p.total},
                       {"rows", p.rows},
                       {"categories", p.all.size()},
                       {"threshold_percent", in.settings.threshold},
                       {"vital_few", p.vital_count},
                       {"vital_few_percent", p.vital_percent},
                       {"top_category", p.all.front().name},
                       {"top_percent", p.all.front().percent}};
  result["tables"] = ojson::array({table(p, in, zh)});
  ChartText text{zh ? in.field + " 柏拉图" : "Pareto chart of " + in.field,
                 weighted ? *in.value_field : (zh ? "数量" : "Count"), in.field, zh};
  result["charts"] = ojson::array(
      {{{"title", text.title}, {"kind", "pareto"}, {"svg", pareto_svg(drawn, in.settings.threshold, text)}}});
  result["findings"] = ojson::array();
  for (const auto &f : review(p, in, zh))
    result["findings"].push_back(
        {{"severity", f.severity}, {"rule", f.rule}, {"message", f.message}, {"where", f.where}});
  ojson all = ojson::array(), shown = ojson::array(), vital = ojson::array();
  for (const auto &b : p.all) {
    all.push_back(bar_json(b));
    if (b.vital) vital.push_back(b.name);
  }
  for (const auto &b : p.shown) shown.push_back(bar_json(b));
  result["details"] = {{"field", in.field},
                       {"value", weighted ? ojson(*in.value_field) : ojson(nullptr)},
                       {"threshold_percent", in.settings.threshold},
                       {"top_n", in.settings.top_n},
                       {"total", p.total},
                       {"vital_few", vital},
                       {"categories", all},
                       {"shown", shown}};
  result["warnings"] = warnings;
  return result;
}

} // namespace qloop::pareto
