// Detection of all rules in one pass over a chart's points, with running
// counters and small bit windows: O(1) work and no allocation per point, so
// 10^7 points take a few tens of milliseconds.
//
// A point is flagged for a rule when the pattern ending at that point
// satisfies the rule. For "k of m" rules the point must itself be one of the
// k (so a quiet point after two high ones is not flagged again). Runs keep
// flagging every further point that extends them. Equal neighbours break a
// trend and an alternation; a point exactly on the centre line breaks a run.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "limits.hpp"
#include "rules.hpp"

namespace qloop::spc {

// The violations of one chart: a count per rule, the first `cap` point
// indices per rule, the number of distinct points flagged, and (only when
// asked, for charts small enough to draw) a rule mask per point.
class ViolationLog {
public:
  // `buckets` > 0 also keeps a rule mask per bucket of points (bucket b holds
  // points [b·n/buckets, (b+1)·n/buckets)), so a downsampled chart can mark
  // every stretch with a violation, not only the listed ones.
  ViolationLog(std::size_t cap, bool keep_point_masks, std::size_t points, std::size_t buckets = 0);

  void flag(Rule r, std::size_t point) {
    const std::size_t k = index_of(r);
    ++counts_[k];
    if (first_[k].size() < cap_) first_[k].push_back(point);
    if (!masks_.empty()) masks_[point] = static_cast<std::uint16_t>(masks_[point] | (1u << k));
    if (!bucket_masks_.empty()) {
      auto &m = bucket_masks_[point * bucket_masks_.size() / points_];
      m = static_cast<std::uint16_t>(m | (1u << k));
    }
    if (point != last_point_ || !any_) {
      ++points_flagged_;
      last_point_ = point;
      any_ = true;
    }
  }

  std::size_t count(Rule r) const { return counts_[index_of(r)]; }
  const std::vector<std::size_t> &first(Rule r) const { return first_[index_of(r)]; }
  std::size_t points_flagged() const { return points_flagged_; }
  std::size_t total() const;
  std::size_t cap() const { return cap_; }
  bool has_masks() const { return !masks_.empty(); }
  std::uint16_t mask(std::size_t point) const { return masks_.empty() ? 0 : masks_[point]; }
  const std::vector<std::uint16_t> &bucket_masks() const { return bucket_masks_; }

private:
  std::size_t cap_;
  std::array<std::size_t, kRuleCount> counts_{};
  std::array<std::vector<std::size_t>, kRuleCount> first_;
  std::vector<std::uint16_t> masks_;
  std::vector<std::uint16_t> bucket_masks_;
  std::size_t points_ = 0;
  std::size_t points_flagged_ = 0;
  std::size_t last_point_ = 0;
  bool any_ = false;
};

namespace detail {

// Slides a window of W booleans; `count` is how many of them are set.
template <unsigned W> struct Window {
  unsigned bits = 0, count = 0;
  void push(bool b) {
    count -= (bits >> (W - 1)) & 1u;
    bits = ((bits << 1) | unsigned(b)) & ((1u << W) - 1);
    count += unsigned(b);
  }
};

// Only rule 1 (the MR chart, or a user's choice): a plain comparison per point.
template <class ValueAt, class ZonesAt>
void detect_beyond_limits(ValueAt &&value_at, std::size_t n, ZonesAt &&zones_at, RuleSet rules,
                          ViolationLog &log) {
  for (std::size_t i = 0; i < n; ++i) {
    const Zones z = zones_at(i);
    const double v = value_at(i);
    if (v > z.ucl || v < z.lcl) [[unlikely]] {
      if (rules.has(Rule::nelson1)) log.flag(Rule::nelson1, i);
      if (rules.has(Rule::we1)) log.flag(Rule::we1, i);
    }
  }
}

} // namespace detail

// Runs every rule of `rules` over the points value_at(0..n) whose zones come
// from `zones_at(i)` (a Zones). Flags go to `log` with the point index i.
//
// Every counter is updated without branches; the conditions of all rules
// are combined into one mask per point, and only a point that breaks some
// rule (rare in a stable process) takes the branch that records it.
template <class ValueAt, class ZonesAt>
void scan_rules(ValueAt &&value_at, std::size_t n, ZonesAt &&zones_at, RuleSet rules, ViolationLog &log) {
  if ((rules.bits() & ~((1u << index_of(Rule::nelson1)) | (1u << index_of(Rule::we1)))) == 0) {
    detail::detect_beyond_limits(value_at, n, zones_at, rules, log);
    return;
  }
  const std::uint16_t wanted = rules.bits();
  unsigned run_above = 0, run_below = 0;    // points in a row strictly above / below the centre line
  unsigned rising = 0, falling = 0;         // consecutive strict increases / decreases
  unsigned alternating = 0;                 // consecutive differences alternating in sign
  int last_direction = 0;                   // sign of the previous difference
  detail::Window<3> above2, below2;         // beyond 2 sigma among the last 3 points
  detail::Window<5> above1, below1;         // beyond 1 sigma among the last 5 points
  unsigned inside1 = 0, outside1 = 0;       // points in a row within / beyond 1 sigma
  detail::Window<8> above1_of8, below1_of8; // both sides present among the last 8 (rule 8)
  double previous = 0;

  for (std::size_t i = 0; i < n; ++i) {
    const Zones z = zones_at(i);
    const double v = value_at(i);

    run_above = v > z.center ? run_above + 1 : 0;
    run_below = v < z.center ? run_below + 1 : 0;
    const int direction = i == 0 ? 0 : (v > previous) - (v < previous);
    rising = direction > 0 ? rising + 1 : 0;
    falling = direction < 0 ? falling + 1 : 0;
    alternating = direction == 0 ? 0 : (direction == -last_direction ? alternating + 1 : 1);
    last_direction = direction;
    previous = v;
    const bool is_above2 = v > z.up2, is_below2 = v < z.down2;
    const bool is_above1 = v > z.up1, is_below1 = v < z.down1;
    above2.push(is_above2);
    below2.push(is_below2);
    above1.push(is_above1);
    below1.push(is_below1);
    above1_of8.push(is_above1);
    below1_of8.push(is_below1);
    inside1 = (v < z.up1 && v > z.down1) ? inside1 + 1 : 0;
    outside1 = (is_above1 || is_below1) ? outside1 + 1 : 0;

    const bool beyond = v > z.ucl || v < z.lcl;
    const bool two_of_three = (is_above2 && above2.count >= 2) || (is_below2 && below2.count >= 2);
    const bool four_of_five = (is_above1 && above1.count >= 4) || (is_below1 && below1.count >= 4);
    const unsigned fired =
        unsigned(beyond) << index_of(Rule::nelson1) |
        unsigned(run_above >= 9 || run_below >= 9) << index_of(Rule::nelson2) |
        unsigned(rising >= 5 || falling >= 5) << index_of(Rule::nelson3) |
        unsigned(alternating >= 13) << index_of(Rule::nelson4) |
        unsigned(two_of_three) << index_of(Rule::nelson5) |
        unsigned(four_of_five) << index_of(Rule::nelson6) |
        unsigned(inside1 >= 15) << index_of(Rule::nelson7) |
        unsigned(outside1 >= 8 && above1_of8.count > 0 && below1_of8.count > 0) << index_of(Rule::nelson8) |
        unsigned(beyond) << index_of(Rule::we1) | unsigned(two_of_three) << index_of(Rule::we2) |
        unsigned(four_of_five) << index_of(Rule::we3) |
        unsigned(run_above >= 8 || run_below >= 8) << index_of(Rule::we4);
    if (const unsigned hit = fired & wanted) [[unlikely]] {
      for (unsigned k = 0; k < kRuleCount; ++k)
        if ((hit >> k) & 1u) log.flag(rule_at(k), i);
    }
  }
}

// Convenience: values in memory; the zones of a LimitSeries, hoisted out of
// the loop when the limits are constant.
void detect_rules(const std::vector<double> &values, const LimitSeries &limits, RuleSet rules,
                  ViolationLog &log);
// The same over derived values (value_at(i) for i < n).
template <class ValueAt>
void detect_rules(ValueAt &&value_at, std::size_t n, const LimitSeries &limits, RuleSet rules,
                  ViolationLog &log) {
  if (limits.is_constant()) {
    const Zones z = Zones::of(limits.first());
    scan_rules(
        value_at, n, [&z](std::size_t) { return z; }, rules, log);
  } else {
    scan_rules(
        value_at, n, [&limits](std::size_t i) { return Zones::of(limits.at(i)); }, rules, log);
  }
}

} // namespace qloop::spc
