// The run rules: the eight Nelson rules and the four Western Electric rules,
// their names, and which of them make sense on which kind of chart.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qloop::spc {

enum class Rule : std::uint8_t {
  nelson1, // one point beyond the control limits (3 sigma)
  nelson2, // nine points in a row on one side of the centre line
  nelson3, // six points in a row steadily increasing or decreasing
  nelson4, // fourteen points in a row alternating up and down
  nelson5, // two of three points in a row beyond 2 sigma, same side
  nelson6, // four of five points in a row beyond 1 sigma, same side
  nelson7, // fifteen points in a row within 1 sigma of the centre line
  nelson8, // eight points in a row beyond 1 sigma, on both sides
  we1,     // Western Electric 1: one point beyond 3 sigma
  we2,     // Western Electric 2: two of three beyond 2 sigma, same side
  we3,     // Western Electric 3: four of five beyond 1 sigma, same side
  we4,     // Western Electric 4: eight in a row on one side of the centre line
};
inline constexpr std::size_t kRuleCount = 12;

constexpr std::size_t index_of(Rule r) { return static_cast<std::size_t>(r); }
constexpr Rule rule_at(std::size_t i) { return static_cast<Rule>(i); }

struct RuleInfo {
  const char *id;    // "nelson2", "we4": the machine-readable name
  const char *label; // drawn beside a flagged point: "2", "W4"
  const char *en;    // what the rule means
  const char *zh;
};
const RuleInfo &rule_info(Rule r);
// The rule whose id is `id` (case-insensitive), or false.
bool rule_from_id(std::string_view id, Rule &out);

// A set of rules as a bit mask.
class RuleSet {
public:
  constexpr RuleSet() = default;
  constexpr explicit RuleSet(std::uint16_t bits) : bits_(bits) {}
  constexpr bool has(Rule r) const { return (bits_ >> index_of(r)) & 1u; }
  constexpr void add(Rule r) { bits_ = static_cast<std::uint16_t>(bits_ | (1u << index_of(r))); }
  constexpr void remove(Rule r) { bits_ = static_cast<std::uint16_t>(bits_ & ~(1u << index_of(r))); }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr std::uint16_t bits() const { return bits_; }
  constexpr RuleSet operator&(RuleSet o) const {
    return RuleSet(static_cast<std::uint16_t>(bits_ & o.bits_));
  }
  constexpr bool operator==(const RuleSet &) const = default;
  std::vector<Rule> rules() const;
  std::vector<std::string> ids() const;

  static constexpr RuleSet nelson() { return RuleSet(0x00FF); }
  static constexpr RuleSet western_electric() { return RuleSet(0x0F00); }

private:
  std::uint16_t bits_ = 0;
};

// The charts grouped by what their rules may assume.
enum class ChartFamily {
  location,     // individuals, X̄: symmetric, roughly normal, independent points
  dispersion,   // R, S: skewed statistics; limits are not symmetric 3-sigma zones
  moving_range, // MR: consecutive points share an observation, so they are correlated
  attribute,    // p, np, c, u: zones rest on the normal approximation
};

// The rules applied when the request names none.
RuleSet default_rules(ChartFamily family);
// The rules that may be applied at all; others are dropped with a warning.
RuleSet allowed_rules(ChartFamily family);
const char *family_name(ChartFamily family);

} // namespace qloop::spc
