#include "spc_options.hpp"

#include <algorithm>
#include <cctype>

#include <qloop/plugin.hpp>

namespace qloop::spc {
namespace {

using sdk::InvalidInput;

std::string normalised(std::string s) {
  std::string out;
  for (unsigned char c : s)
    if (c != ' ' && c != '_' && c != '-') out += static_cast<char>(std::tolower(c));
  return out;
}

std::string join(const std::vector<std::string> &v) {
  std::string out;
  for (const auto &s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

double required_number(const Json &obj, const char *key, const std::string &field) {
  if (!obj.contains(key) || obj[key].is_null())
    throw InvalidInput("field '" + field + "." + key + "': required");
  const auto d = as_number(obj[key]);
  if (!d)
    throw InvalidInput("field '" + field + "." + key + "': must be a finite number, got " +
                       describe(obj[key]));
  return *d;
}

std::optional<double> optional_number(const Json &obj, const char *key, const std::string &field) {
  if (!obj.contains(key) || obj[key].is_null()) return std::nullopt;
  return required_number(obj, key, field);
}

} // namespace

std::string chart_type(const Options &o, DataShape shape) {
  if (auto text = o.text("chart")) {
    const std::string c = normalised(*text);
    if (c == "imr" || c == "xmr" || c == "i" || c == "individuals") return "imr";
    if (c == "xbarr" || c == "xr") return "xbar-r";
    if (c == "xbars" || c == "xs") return "xbar-s";
    if (c == "p" || c == "np" || c == "c" || c == "u") return c;
    throw InvalidInput("field 'options.chart': must be one of imr, xbar-r, xbar-s, p, np, c, u; got '" +
                       *text + "'");
  }
  switch (shape) {
  case DataShape::individuals: return "imr";
  case DataShape::subgroups: return "xbar-r";
  case DataShape::counts: break;
  }
  throw InvalidInput("field 'options.chart': required for count data; choose p, np, c or u");
}

std::vector<std::string> charts_of(const std::string &type) {
  if (type == "imr") return {"i", "mr"};
  if (type == "xbar-r") return {"xbar", "r"};
  if (type == "xbar-s") return {"xbar", "s"};
  return {type};
}

LimitInputs limit_inputs(const Options &o, const std::string &type) {
  LimitInputs in;
  const auto charts = charts_of(type);
  const bool attribute = charts.size() == 1;
  if (const Json *limits = o.raw("limits")) {
    if (!limits->is_object())
      throw InvalidInput("field 'options.limits': must be an object {chart: {center, ucl, lcl}} (charts: " +
                         join(charts) + ")");
    for (const auto &item : limits->items()) {
      const std::string field = "options.limits." + item.key();
      if (std::find(charts.begin(), charts.end(), item.key()) == charts.end())
        throw InvalidInput("field '" + field + "': the " + type + " chart has no '" + item.key() +
                           "' chart (charts: " + join(charts) + ")");
      if (!item.value().is_object())
        throw InvalidInput("field '" + field + "': must be an object {center, ucl, lcl}");
      GivenLimits g;
      g.center = required_number(item.value(), "center", field);
      g.ucl = optional_number(item.value(), "ucl", field);
      g.lcl = optional_number(item.value(), "lcl", field);
      if (g.ucl.has_value() != g.lcl.has_value() && (attribute || item.key() == "i" || item.key() == "xbar"))
        throw InvalidInput("field '" + field + "': give both 'ucl' and 'lcl', or neither");
      in.given[item.key()] = g;
    }
  }
  if (const Json *standard = o.raw("standard")) {
    if (!standard->is_object()) throw InvalidInput("field 'options.standard': must be an object");
    const std::string field = "options.standard";
    if (attribute) {
      const char *key = type == "np" ? "p" : type.c_str();
      in.attribute_value = required_number(*standard, key, field);
      const bool proportion = type == "p" || type == "np";
      if (!(*in.attribute_value > 0) || (proportion && !(*in.attribute_value < 1)))
        throw InvalidInput("field 'options.standard." + std::string(key) + "': must be " +
                           (proportion ? "between 0 and 1 (exclusive)" : "> 0"));
    } else {
      in.mean = required_number(*standard, "mean", field);
      in.sigma = required_number(*standard, "sigma", field);
      if (!(*in.sigma > 0)) throw InvalidInput("field 'options.standard.sigma': must be > 0");
    }
  }
  return in;
}

SpecLimits spec_limits(const Options &o) {
  SpecLimits s;
  if (const Json *spec = o.raw("spec")) {
    if (!spec->is_object()) throw InvalidInput("field 'options.spec': must be an object {lsl, usl, target}");
    s.lsl = optional_number(*spec, "lsl", "options.spec");
    s.usl = optional_number(*spec, "usl", "options.spec");
    s.target = optional_number(*spec, "target", "options.spec");
  }
  if (auto v = o.number("lsl")) s.lsl = v;
  if (auto v = o.number("usl")) s.usl = v;
  if (auto v = o.number("target")) s.target = v;
  if (s.lsl || s.usl) validate_spec(s);
  return s;
}

RuleSet parse_rule_spec(const Json &spec, const std::string &field, ChartFamily family) {
  auto one = [&](const Json &item, RuleSet &set) {
    if (item.is_number_integer()) {
      const auto k = item.get<long long>();
      if (k < 1 || k > 8)
        throw InvalidInput("field '" + field + "': Nelson rule numbers run 1-8, got " + item.dump());
      set.add(rule_at(static_cast<std::size_t>(k - 1)));
      return;
    }
    if (!item.is_string())
      throw InvalidInput("field '" + field +
                         "': rules are names (nelson1..nelson8, we1..we4) or numbers 1-8");
    const std::string text = item.get<std::string>();
    const std::string key = normalised(text);
    if (key == "nelson" || key == "all")
      set = RuleSet(set.bits() | RuleSet::nelson().bits());
    else if (key == "we" || key == "westernelectric")
      set = RuleSet(set.bits() | RuleSet::western_electric().bits());
    else if (key == "default")
      set = RuleSet(set.bits() | default_rules(family).bits());
    else if (key == "none") {
    } else if (key.size() == 1 && key[0] >= '1' && key[0] <= '8')
      set.add(rule_at(std::size_t(key[0] - '1')));
    else {
      Rule r;
      if (!rule_from_id(key, r))
        throw InvalidInput("field '" + field + "': unknown rule '" + text +
                           "' (use nelson1..nelson8, we1..we4, nelson, we, default or none)");
      set.add(r);
    }
  };
  RuleSet set;
  if (spec.is_array())
    for (const auto &item : spec) one(item, set);
  else
    one(spec, set);
  return set;
}

void assign_rules(ChartSet &set, const Options &o) {
  const Json *option = o.raw("rules");
  for (std::size_t k = 0; k < set.charts.size(); ++k) {
    ChartSeries &c = set.charts[k];
    RuleSet wanted = default_rules(c.family);
    std::string field = "options.rules";
    if (option && option->is_object()) {
      for (const auto &item : option->items()) {
        const auto names = charts_of(set.type);
        if (std::find(names.begin(), names.end(), item.key()) == names.end())
          throw InvalidInput("field 'options.rules." + item.key() + "': the " + set.type + " chart has no '" +
                             item.key() + "' chart (charts: " + join(names) + ")");
      }
      if (option->contains(c.name)) {
        field += "." + c.name;
        wanted = parse_rule_spec((*option)[c.name], field, c.family);
      }
    } else if (option && k == 0) {
      wanted = parse_rule_spec(*option, field, c.family);
    }
    const RuleSet allowed = allowed_rules(c.family);
    const RuleSet dropped(static_cast<std::uint16_t>(wanted.bits() & ~allowed.bits()));
    if (!dropped.empty())
      set.warnings.push_back("rules " + join(dropped.ids()) + " do not apply to the " + c.name + " chart (" +
                             family_name(c.family) + " chart) and were skipped");
    c.rules = wanted & allowed;
  }
}

} // namespace qloop::spc
