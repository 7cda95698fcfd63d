#include "review_model.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

#include <qloop/plugin.hpp>

#include "report_pdf/text_clean.hpp"

namespace qloop::review {
namespace {

using json = nlohmann::json;
using reportpdf::clean_line;

constexpr std::size_t kMaxKey = 256;    // a product model or category is never longer
constexpr std::size_t kMaxItems = 5000; // more keys than a review can show is a broken report

[[noreturn]] void bad(const std::string &path, const std::string &rule) {
  throw sdk::InvalidInput("report: '" + path + "' " + rule);
}

const json &member(const json &obj, const char *key) {
  static const json null_value;
  auto it = obj.find(key);
  return it == obj.end() ? null_value : *it;
}

const json &array_at(const json &obj, const char *key, const std::string &path) {
  static const json empty = json::array();
  const json &v = member(obj, key);
  if (v.is_null()) return empty;
  if (!v.is_array()) bad(path, "must be an array");
  if (v.size() > kMaxItems) bad(path, "has " + std::to_string(v.size()) + " entries (at most 5000)");
  return v;
}

const json &object_at(const json &obj, const char *key, const std::string &path) {
  static const json empty = json::object();
  const json &v = member(obj, key);
  if (v.is_null()) return empty;
  if (!v.is_object()) bad(path, "must be an object");
  return v;
}

std::string text(const json &obj, const char *key, const std::string &path, std::size_t max = kMaxKey) {
  const json &v = member(obj, key);
  if (v.is_null()) return {};
  if (!v.is_string()) bad(path, "must be a string");
  return clean_line(v.get_ref<const std::string &>(), max);
}

std::optional<double> number_or_null(const json &obj, const char *key, const std::string &path) {
  const json &v = member(obj, key);
  if (v.is_null()) return std::nullopt;
  if (!v.is_number()) bad(path, "must be a number or null");
  const double d = v.get<double>();
  if (!std::isfinite(d)) bad(path, "must be finite");
  return d;
}

double number(const json &obj, const char *key, const std::string &path, double fallback = 0) {
  return number_or_null(obj, key, path).value_or(fallback);
}

std::int64_t whole(const json &obj, const char *key, const std::string &path) {
  const json &v = member(obj, key);
  if (v.is_null()) return 0;
  if (!v.is_number_integer() || v.get<std::int64_t>() < 0) bad(path, "must be a whole number, 0 or more");
  return v.get<std::int64_t>();
}

Figure figure(const json &obj, const char *key, const std::string &path) {
  const json &f = object_at(obj, key, path);
  return {number_or_null(f, "value", path + ".value"), whole(f, "numerator", path + ".numerator"),
          whole(f, "denominator", path + ".denominator"), whole(f, "pending", path + ".pending")};
}

std::vector<Item> items(const json &obj, const char *key, const std::string &path) {
  std::vector<Item> out;
  const json &list = array_at(obj, key, path);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = path + "[" + std::to_string(i) + "]";
    const json &e = list[i];
    if (!e.is_object()) bad(at, "must be an object");
    Item item;
    item.key = text(e, "key", at + ".key");
    item.count = whole(e, "count", at + ".count");
    item.share = number(e, "share", at + ".share");
    item.cumulative = number(e, "cumulative", at + ".cumulative");
    const json &vital = member(e, "vital");
    if (!vital.is_null() && !vital.is_boolean()) bad(at + ".vital", "must be true or false");
    item.vital = vital.is_boolean() && vital.get<bool>();
    out.push_back(std::move(item));
  }
  return out;
}

// The report's days: "dates" (local, inclusive) when the host sent them;
// else the UTC dates of the period's bounds.
DateRange period_dates(const json &report) {
  const json &dates = object_at(report, "dates", "dates");
  DateRange range{text(dates, "from", "dates.from", 32), text(dates, "to", "dates.to", 32)};
  if (!range.from.empty() && !range.to.empty()) return range;
  const json &period = object_at(report, "period", "period");
  const std::string from = text(period, "from", "period.from", 64), to = text(period, "to", "period.to", 64);
  if (from.size() < 10 || to.size() < 10) bad("dates", "missing, and 'period' has no from and to");
  return {from.substr(0, 10), add_days(to.substr(0, 10), -1)};
}

// The previous period has the same length and ends the day before this one
// begins (docs/kpi.md); its length is read from the bounds the host sent.
DateRange previous_dates(const json &report, const DateRange &period) {
  const json &prev = object_at(report, "previous_period", "previous_period");
  const auto from = parse_time(text(prev, "from", "previous_period.from", 64));
  const auto to = parse_time(text(prev, "to", "previous_period.to", 64));
  long days = 0;
  if (from && to && *to > *from) {
    days = std::lround(std::chrono::duration<double>(*to - *from).count() / 86400.0);
  } else { // same length as the period
    const std::string a = period.from, b = period.to;
    for (std::string d = a; !d.empty() && d <= b && days < 100000; d = add_days(d, 1)) ++days;
  }
  return {add_days(period.from, -static_cast<int>(days)), add_days(period.from, -1)};
}

} // namespace

const Kpi *Review::kpi(const std::string &id) const {
  for (const auto &k : kpis)
    if (k.id == id) return &k;
  return nullptr;
}

std::optional<std::chrono::sys_seconds> parse_time(const std::string &iso) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  char zone[8] = {};
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%7s", &y, &mo, &d, &h, &mi, &s, zone) < 6)
    return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month(static_cast<unsigned>(mo)),
                                        std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return std::nullopt;
  auto t =
      std::chrono::sys_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{s};
  int oh = 0, om = 0;
  if ((zone[0] == '+' || zone[0] == '-') && std::sscanf(zone + 1, "%2d:%2d", &oh, &om) == 2)
    t -= (zone[0] == '+' ? 1 : -1) * (std::chrono::hours{oh} + std::chrono::minutes{om});
  return t;
}

std::string add_days(const std::string &date, int days) {
  int y = 0, m = 0, d = 0;
  if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return {};
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month(static_cast<unsigned>(m)),
                                        std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return {};
  const std::chrono::year_month_day out{std::chrono::sys_days{ymd} + std::chrono::days{days}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(out.year()),
                static_cast<unsigned>(out.month()), static_cast<unsigned>(out.day()));
  return buf;
}

Review read_review(const json &report) {
  if (!report.is_object()) throw sdk::InvalidInput("report: must be a JSON object (the KPI report)");
  if (!report.contains("kpis"))
    throw sdk::InvalidInput(
        "report: no 'kpis' (export.review writes the KPI report of `qloop export review`)");
  Review r;
  r.period = period_dates(report);
  r.previous = previous_dates(report, r.period);
  r.as_of = text(report, "as_of", "as_of", 64);
  r.time_zone = text(report, "time_zone", "time_zone", 64);

  const json &kpis = array_at(report, "kpis", "kpis");
  for (std::size_t i = 0; i < kpis.size(); ++i) {
    const std::string at = "kpis[" + std::to_string(i) + "]";
    const json &k = kpis[i];
    if (!k.is_object()) bad(at, "must be an object");
    Kpi kpi;
    kpi.id = text(k, "id", at + ".id", 64);
    if (kpi.id.empty()) bad(at + ".id", "is missing");
    kpi.unit = text(k, "unit", at + ".unit", 32);
    kpi.current = figure(k, "current", at + ".current");
    kpi.previous = figure(k, "previous", at + ".previous");
    kpi.change = number_or_null(k, "change", at + ".change");
    r.kpis.push_back(std::move(kpi));
  }

  r.by_category = items(report, "by_category", "by_category");
  const json &pareto = object_at(report, "pareto", "pareto");
  r.threshold = number(pareto, "threshold", "pareto.threshold", 0.8);
  if (!(r.threshold > 0 && r.threshold <= 1)) bad("pareto.threshold", "must be more than 0 and at most 1");
  r.by_product = items(pareto, "product", "pareto.product");
  r.by_defect = items(pareto, "defect", "pareto.defect");

  const json &trend = array_at(report, "trend", "trend");
  for (std::size_t i = 0; i < trend.size(); ++i) {
    const std::string at = "trend[" + std::to_string(i) + "]";
    const json &m = trend[i];
    if (!m.is_object()) bad(at, "must be an object");
    r.trend.push_back({text(m, "month", at + ".month", 32), whole(m, "received", at + ".received"),
                       whole(m, "closed", at + ".closed")});
  }
  return r;
}

} // namespace qloop::review
