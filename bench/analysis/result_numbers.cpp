#include "result_numbers.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <stdexcept>
#include <string>

namespace qloop::bench {
namespace {

using nlohmann::json;

// Null (NaN written as null by the plugins) comes back as NaN.
double num(const json &v) {
  return v.is_number() ? v.get<double>() : std::numeric_limits<double>::quiet_NaN();
}

const json &at(const json &j, const char *key) {
  if (!j.is_object() || !j.contains(key))
    throw std::runtime_error(std::string("result has no '") + key + "'");
  return j.at(key);
}

// "A*B", "A:B", "AB" -> "AB": the effect's letters in order.
std::string letters(const std::string &source) {
  std::string s;
  for (char c : source)
    if (std::isalpha(static_cast<unsigned char>(c))) s += c;
  std::sort(s.begin(), s.end());
  return s;
}

} // namespace

json anova_numbers(const json &result) {
  const json &d = at(result, "details");
  const json &row = at(d, "anova").at(0);
  const json &error = at(d, "error");
  return {{"f", num(row["f"])},           {"p", num(row["p"])},
          {"ss_between", num(row["ss"])}, {"ss_error", num(error["ss"])},
          {"df_error", num(error["df"])}, {"rows", num(at(result, "summary")["observations"])}};
}

json doe_numbers(const json &result) {
  const json &model = at(at(result, "details"), "model");
  json terms = json::object();
  for (const json &row : at(model, "anova"))
    terms[letters(row["source"].get<std::string>())] = {
        {"ss", num(row["ss"])}, {"f", num(row["f"])}, {"p", num(row["p"])}};
  const json &error = at(model, "error");
  return {{"terms", terms},
          {"ss_error", num(error["ss"])},
          {"df_error", num(error["df"])},
          {"rows", num(at(result, "details")["runs"])}};
}

json imr_numbers(const json &result) {
  const json &d = at(result, "details");
  const json &charts = at(d, "charts");
  const json *i_chart = nullptr, *mr_chart = nullptr;
  for (const json &c : charts) {
    if (c["name"] == "i") i_chart = &c;
    if (c["name"] == "mr") mr_chart = &c;
  }
  if (!i_chart || !mr_chart) throw std::runtime_error("spc result lacks the i or mr chart");
  const json &by_rule = at(at(*i_chart, "violations"), "by_rule");
  json counts = json::array();
  for (int r = 1; r <= 8; ++r) {
    const std::string id = "nelson" + std::to_string(r);
    counts.push_back(by_rule.contains(id) ? by_rule[id]["count"].get<long long>() : -1);
  }
  const json &mr_rules = at(at(*mr_chart, "violations"), "by_rule");
  return {{"center", num(at(*i_chart, "limits")["center"])},
          {"ucl", num((*i_chart)["limits"]["ucl"])},
          {"lcl", num((*i_chart)["limits"]["lcl"])},
          {"mr_bar", num(at(*mr_chart, "limits")["center"])},
          {"mr_ucl", num((*mr_chart)["limits"]["ucl"])},
          {"i_counts", counts},
          {"i_points_flagged", (*i_chart)["violations"]["points_flagged"]},
          {"mr_count", mr_rules.contains("nelson1") ? mr_rules["nelson1"]["count"].get<long long>() : -1},
          {"total", at(result, "summary")["rule_violations"]}};
}

} // namespace qloop::bench
