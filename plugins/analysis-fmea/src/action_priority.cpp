#include "action_priority.hpp"

#include <cctype>
#include <string>

namespace qloop::fmea {
namespace {

void check_range(int s, int a, int b) {
  if (s < 1 || s > 10 || a < 1 || a > 10 || b < 1 || b > 10)
    throw std::out_of_range("AP lookup: ratings must be integers 1..10");
}

const ApRule &find_rule(std::span<const ApRule> rules, int s, int a, int b) {
  check_range(s, a, b);
  for (const ApRule &r : rules)
    if (r.s.contains(s) && r.second.contains(a) && r.third.contains(b)) return r;
  // Unreachable: expand_rules proved at compile time that the rows cover everything.
  throw std::logic_error("AP rules do not cover the combination");
}

} // namespace

char ap_letter(Ap ap) noexcept {
  switch (ap) {
  case Ap::H: return 'H';
  case Ap::M: return 'M';
  case Ap::L: return 'L';
  }
  return '?';
}

std::optional<Ap> parse_ap(std::string_view text) noexcept {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.size() != 1) return std::nullopt;
  switch (std::toupper(static_cast<unsigned char>(text.front()))) {
  case 'H': return Ap::H;
  case 'M': return Ap::M;
  case 'L': return Ap::L;
  default: return std::nullopt;
  }
}

Ap ap_design_process(int s, int o, int d) {
  check_range(s, o, d);
  return kDesignProcessCube[cube_index(s, o, d)];
}

Ap ap_msr(int s, int f, int m) {
  check_range(s, f, m);
  return kMsrCube[cube_index(s, f, m)];
}

const ApRule &design_process_rule(int s, int o, int d) { return find_rule(kDesignProcessRules, s, o, d); }
const ApRule &msr_rule(int s, int f, int m) { return find_rule(kMsrRules, s, f, m); }

ApCounts count_cube(const ApCube &cube) noexcept {
  ApCounts c;
  for (Ap ap : cube) {
    if (ap == Ap::H)
      ++c.h;
    else if (ap == Ap::M)
      ++c.m;
    else
      ++c.l;
  }
  return c;
}

} // namespace qloop::fmea
