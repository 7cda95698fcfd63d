#include "rules.hpp"

#include <algorithm>
#include <cctype>

namespace qloop::spc {
namespace {

constexpr std::array<RuleInfo, kRuleCount> kRules{{
    {"nelson1", "1", "one point beyond the control limits (3 sigma)", "1 个点落在控制限（3σ）之外"},
    {"nelson2", "2", "nine points in a row on one side of the centre line", "连续 9 点落在中心线同一侧"},
    {"nelson3", "3", "six points in a row steadily increasing or decreasing", "连续 6 点递增或递减"},
    {"nelson4", "4", "fourteen points in a row alternating up and down", "连续 14 点上下交替"},
    {"nelson5", "5", "two of three points in a row beyond 2 sigma on the same side",
     "连续 3 点中有 2 点落在同侧 2σ 之外"},
    {"nelson6", "6", "four of five points in a row beyond 1 sigma on the same side",
     "连续 5 点中有 4 点落在同侧 1σ 之外"},
    {"nelson7", "7", "fifteen points in a row within 1 sigma of the centre line",
     "连续 15 点落在中心线两侧 1σ 之内"},
    {"nelson8", "8", "eight points in a row beyond 1 sigma, on both sides of the centre line",
     "连续 8 点落在中心线两侧 1σ 之外"},
    {"we1", "W1", "Western Electric 1: one point beyond 3 sigma", "西电规则 1：1 个点落在 3σ 之外"},
    {"we2", "W2", "Western Electric 2: two of three points beyond 2 sigma on the same side",
     "西电规则 2：连续 3 点中有 2 点落在同侧 2σ 之外"},
    {"we3", "W3", "Western Electric 3: four of five points beyond 1 sigma on the same side",
     "西电规则 3：连续 5 点中有 4 点落在同侧 1σ 之外"},
    {"we4", "W4", "Western Electric 4: eight points in a row on one side of the centre line",
     "西电规则 4：连续 8 点落在中心线同一侧"},
}};

} // namespace

const RuleInfo &rule_info(Rule r) { return kRules[index_of(r)]; }

bool rule_from_id(std::string_view id, Rule &out) {
  std::string lower(id);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (std::size_t i = 0; i < kRuleCount; ++i)
    if (lower == kRules[i].id) {
      out = rule_at(i);
      return true;
    }
  return false;
}

std::vector<Rule> RuleSet::rules() const {
  std::vector<Rule> out;
  for (std::size_t i = 0; i < kRuleCount; ++i)
    if (has(rule_at(i))) out.push_back(rule_at(i));
  return out;
}

std::vector<std::string> RuleSet::ids() const {
  std::vector<std::string> out;
  for (Rule r : rules()) out.emplace_back(rule_info(r).id);
  return out;
}

namespace {

RuleSet of(std::initializer_list<Rule> list) {
  RuleSet s;
  for (Rule r : list) s.add(r);
  return s;
}

} // namespace

RuleSet default_rules(ChartFamily family) {
  switch (family) {
  case ChartFamily::location: return RuleSet::nelson();
  case ChartFamily::dispersion:
  case ChartFamily::attribute: return of({Rule::nelson1, Rule::nelson2, Rule::nelson3, Rule::nelson4});
  case ChartFamily::moving_range: return of({Rule::nelson1});
  }
  return {};
}

RuleSet allowed_rules(ChartFamily family) {
  switch (family) {
  case ChartFamily::location:
  case ChartFamily::attribute: return RuleSet(0x0FFF);
  // Zone rules need symmetric sigma zones; the range and the standard
  // deviation are skewed and their lower limit is often clipped at zero.
  case ChartFamily::dispersion:
    return of({Rule::nelson1, Rule::nelson2, Rule::nelson3, Rule::nelson4, Rule::we1, Rule::we4});
  // Moving ranges overlap (MR_i and MR_i+1 share x_i), so runs, trends and
  // zone patterns arise from the construction itself; only a point beyond
  // the limit is a signal.
  case ChartFamily::moving_range: return of({Rule::nelson1, Rule::we1});
  }
  return {};
}

const char *family_name(ChartFamily family) {
  switch (family) {
  case ChartFamily::location: return "location";
  case ChartFamily::dispersion: return "dispersion";
  case ChartFamily::moving_range: return "moving range";
  case ChartFamily::attribute: return "attribute";
  }
  return "";
}

} // namespace qloop::spc
