#include "json_out.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace qloop::doe {

Json number(double v) { return std::isfinite(v) ? Json(v) : Json(); }

Json whole(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15) return Json(static_cast<long long>(v));
  return number(v);
}

Json rounded(double v, int digits) {
  if (!std::isfinite(v)) return Json();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return Json(std::strtod(buf, nullptr));
}

Json anova_row_json(const AnovaRow &row) {
  return Json{{"source", row.source}, {"df", whole(row.df)}, {"ss", number(row.ss)},
              {"ms", number(row.ms)}, {"f", number(row.f)},  {"p", number(row.p)}};
}

Json anova_table(const std::string &title, const std::vector<AnovaRow> &rows) {
  Json t{{"title", title}, {"columns", {"Source", "DF", "SS", "MS", "F", "P"}}, {"rows", Json::array()}};
  for (const auto &r : rows)
    t["rows"].push_back(Json::array(
        {r.source, whole(r.df), rounded(r.ss, 8), rounded(r.ms, 8), rounded(r.f, 6), rounded(r.p, 4)}));
  return t;
}

Json finding(const std::string &severity, const std::string &rule, const std::string &message,
             const Json &where) {
  Json f{{"severity", severity}, {"rule", rule}, {"message", message}};
  if (!where.is_null()) f["where"] = where;
  return f;
}

std::string fmt(double v, int digits) {
  if (!std::isfinite(v)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

std::string format_p(double p) {
  if (!std::isfinite(p)) return "n/a";
  if (p < 0.0001) return "< 0.0001";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", p);
  return buf;
}

} // namespace qloop::doe
