#include "fishbone_analysis.hpp"

#include <qloop/plugin.hpp>

#include "fishbone_parse.hpp"
#include "fishbone_review.hpp"
#include "fishbone_svg.hpp"

namespace qloop::fishbone {
namespace {

using ojson = nlohmann::ordered_json;

bool wants_chinese(const nlohmann::json &request) {
  auto it = request.find("lang");
  if (it == request.end() || it->is_null()) return false;
  if (!it->is_string() || (*it != "en" && *it != "zh-CN"))
    throw sdk::InvalidInput("field 'lang': must be \"en\" or \"zh-CN\"");
  return *it == "zh-CN";
}

std::size_t at(const std::array<std::size_t, 3> &row, Status s) { return row[static_cast<std::size_t>(s)]; }

std::string links_text(const Cause &c) {
  std::string out;
  for (const auto &l : c.links) out += (out.empty() ? "" : "; ") + l.method + ":" + l.ref;
  return out;
}

ojson counts_table(const Counts &n, bool zh) {
  ojson rows = ojson::array();
  for (Category c : kCategories) {
    const auto &s = n.by_status[index(c)];
    rows.push_back({label(c, zh), n.causes[index(c)], n.sub_causes[index(c)], at(s, Status::suspected),
                    at(s, Status::verified), at(s, Status::ruled_out)});
  }
  rows.push_back({zh ? "合计" : "Total", n.total_causes(), n.total_sub_causes(), n.total(Status::suspected),
                  n.total(Status::verified), n.total(Status::ruled_out)});
  return {{"title", zh ? "各类别原因统计" : "Causes by category and status"},
          {"columns", zh ? ojson{"类别", "原因", "子原因", "疑似", "已验证", "已排除"}
                         : ojson{"category", "causes", "sub-causes", "suspected", "verified", "ruled out"}},
          {"rows", rows}};
}

ojson causes_table(const Diagram &d, bool zh) {
  ojson rows = ojson::array();
  for (Category c : kCategories)
    for (const auto &cause : d.bones[index(c)]) {
      rows.push_back({label(c, zh), cause.text, "", label(cause.status, zh), links_text(cause)});
      for (const auto &sub : cause.sub_causes)
        rows.push_back({label(c, zh), cause.text, sub.text, label(sub.status, zh), links_text(sub)});
    }
  return {{"title", zh ? "原因清单" : "Causes"},
          {"columns", zh ? ojson{"类别", "原因", "子原因", "状态", "关联"}
                         : ojson{"category", "cause", "sub-cause", "status", "links"}},
          {"rows", rows}};
}

ojson cause_json(const Cause &c) {
  ojson links = ojson::array();
  for (const auto &l : c.links) links.push_back({{"method", l.method}, {"ref", l.ref}});
  ojson out = {{"text", c.text}, {"status", to_string(c.status)}, {"links", links}};
  if (!c.sub_causes.empty()) {
    out["sub_causes"] = ojson::array();
    for (const auto &s : c.sub_causes) out["sub_causes"].push_back(cause_json(s));
  }
  return out;
}

ojson details(const Diagram &d, const Counts &n) {
  ojson categories = ojson::object(), counts = ojson::object();
  for (Category c : kCategories) {
    ojson causes = ojson::array();
    for (const auto &cause : d.bones[index(c)]) causes.push_back(cause_json(cause));
    categories[to_string(c)] = causes;
    const auto &s = n.by_status[index(c)];
    counts[to_string(c)] = {{"causes", n.causes[index(c)]},
                            {"sub_causes", n.sub_causes[index(c)]},
                            {"suspected", at(s, Status::suspected)},
                            {"verified", at(s, Status::verified)},
                            {"ruled_out", at(s, Status::ruled_out)}};
  }
  return {{"effect", d.effect}, {"categories", categories}, {"counts", counts}};
}

} // namespace

nlohmann::ordered_json analyze(const nlohmann::json &request) {
  if (!request.is_object()) throw sdk::InvalidInput("request: must be a JSON object");
  const bool zh = wants_chinese(request);
  const Diagram d = parse_diagram(request);
  const Counts n = count(d);
  const auto findings = review(d, zh);
  std::size_t used = 0;
  for (Category c : kCategories) used += d.bones[index(c)].empty() ? 0 : 1;

  ojson result;
  result["method"] = "fishbone";
  result["summary"] = {{"effect", d.effect},
                       {"causes", n.total_causes()},
                       {"sub_causes", n.total_sub_causes()},
                       {"verified", n.total(Status::verified)},
                       {"suspected", n.total(Status::suspected)},
                       {"ruled_out", n.total(Status::ruled_out)},
                       {"categories_used", used}};
  result["tables"] = ojson::array({counts_table(n, zh), causes_table(d, zh)});
  result["charts"] = ojson::array(
      {{{"title", zh ? "鱼骨图" : "Fishbone diagram"}, {"kind", "fishbone"}, {"svg", fishbone_svg(d, zh)}}});
  result["findings"] = ojson::array();
  for (const auto &f : findings)
    result["findings"].push_back(
        {{"severity", f.severity}, {"rule", f.rule}, {"message", f.message}, {"where", ojson(f.where)}});
  result["details"] = details(d, n);
  result["warnings"] = ojson::array();
  return result;
}

} // namespace qloop::fishbone
