// Action Priority (AP) of the AIAG & VDA FMEA Handbook (2019).
//
// The handbook prints each AP table as rows of rating RANGES (a severity band,
// an occurrence/frequency band, a detection/monitoring band and the AP). The
// rows below are those printed rows, in print order, as data; the full
// 10 x 10 x 10 mapping (1000 entries per table) is generated from them at
// compile time, and the generator refuses (does not compile) when the rows
// leave a combination uncovered or cover one twice.
#ifndef QLOOP_FMEA_ACTION_PRIORITY_HPP
#define QLOOP_FMEA_ACTION_PRIORITY_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string_view>

namespace qloop::fmea {

// Declared in the order worksheets are sorted: H first.
enum class Ap : std::uint8_t { H = 0, M = 1, L = 2 };

char ap_letter(Ap ap) noexcept;
// "H", "M", "L" (any case, surrounding blanks ignored); nothing otherwise.
std::optional<Ap> parse_ap(std::string_view text) noexcept;

// An inclusive range of ratings, 1..10.
struct Band {
  int lo, hi;
  constexpr bool contains(int v) const noexcept { return v >= lo && v <= hi; }
};

// One printed row: severity band, then the second rating (occurrence O, or
// frequency F in FMEA-MSR), then the third (detection D, or monitoring M).
struct ApRule {
  Band s, second, third;
  Ap ap;
};

inline constexpr Ap H = Ap::H, M = Ap::M, L = Ap::L;

// AIAG & VDA FMEA Handbook (2019), Table "Action Priority (AP) for DFMEA and
// PFMEA" (one table serves both): S, O, D bands and AP, in print order.
inline constexpr ApRule kDesignProcessRules[] = {
    // S 9-10: product or plant effect very high
    {{9, 10}, {8, 10}, {7, 10}, H},
    {{9, 10}, {8, 10}, {5, 6}, H},
    {{9, 10}, {8, 10}, {2, 4}, H},
    {{9, 10}, {8, 10}, {1, 1}, H},
    {{9, 10}, {6, 7}, {7, 10}, H},
    {{9, 10}, {6, 7}, {5, 6}, H},
    {{9, 10}, {6, 7}, {2, 4}, H},
    {{9, 10}, {6, 7}, {1, 1}, H},
    {{9, 10}, {4, 5}, {7, 10}, H},
    {{9, 10}, {4, 5}, {5, 6}, H},
    {{9, 10}, {4, 5}, {2, 4}, H},
    {{9, 10}, {4, 5}, {1, 1}, M},
    {{9, 10}, {2, 3}, {7, 10}, H},
    {{9, 10}, {2, 3}, {5, 6}, M},
    {{9, 10}, {2, 3}, {2, 4}, L},
    {{9, 10}, {2, 3}, {1, 1}, L},
    {{9, 10}, {1, 1}, {1, 10}, L},
    // S 7-8: product or plant effect high
    {{7, 8}, {8, 10}, {7, 10}, H},
    {{7, 8}, {8, 10}, {5, 6}, H},
    {{7, 8}, {8, 10}, {2, 4}, H},
    {{7, 8}, {8, 10}, {1, 1}, H},
    {{7, 8}, {6, 7}, {7, 10}, H},
    {{7, 8}, {6, 7}, {5, 6}, H},
    {{7, 8}, {6, 7}, {2, 4}, H},
    {{7, 8}, {6, 7}, {1, 1}, M},
    {{7, 8}, {4, 5}, {7, 10}, H},
    {{7, 8}, {4, 5}, {5, 6}, M},
    {{7, 8}, {4, 5}, {2, 4}, M},
    {{7, 8}, {4, 5}, {1, 1}, M},
    {{7, 8}, {2, 3}, {7, 10}, M},
    {{7, 8}, {2, 3}, {5, 6}, M},
    {{7, 8}, {2, 3}, {2, 4}, L},
    {{7, 8}, {2, 3}, {1, 1}, L},
    {{7, 8}, {1, 1}, {1, 10}, L},
    // S 4-6: product or plant effect moderate
    {{4, 6}, {8, 10}, {7, 10}, H},
    {{4, 6}, {8, 10}, {5, 6}, H},
    {{4, 6}, {8, 10}, {2, 4}, M},
    {{4, 6}, {8, 10}, {1, 1}, M},
    {{4, 6}, {6, 7}, {7, 10}, M},
    {{4, 6}, {6, 7}, {5, 6}, M},
    {{4, 6}, {6, 7}, {2, 4}, M},
    {{4, 6}, {6, 7}, {1, 1}, L},
    {{4, 6}, {4, 5}, {7, 10}, M},
    {{4, 6}, {4, 5}, {5, 6}, L},
    {{4, 6}, {4, 5}, {2, 4}, L},
    {{4, 6}, {4, 5}, {1, 1}, L},
    {{4, 6}, {2, 3}, {7, 10}, L},
    {{4, 6}, {2, 3}, {5, 6}, L},
    {{4, 6}, {2, 3}, {2, 4}, L},
    {{4, 6}, {2, 3}, {1, 1}, L},
    {{4, 6}, {1, 1}, {1, 10}, L},
    // S 2-3: product or plant effect low
    {{2, 3}, {8, 10}, {7, 10}, M},
    {{2, 3}, {8, 10}, {5, 6}, M},
    {{2, 3}, {8, 10}, {2, 4}, L},
    {{2, 3}, {8, 10}, {1, 1}, L},
    {{2, 3}, {6, 7}, {7, 10}, L},
    {{2, 3}, {6, 7}, {5, 6}, L},
    {{2, 3}, {6, 7}, {2, 4}, L},
    {{2, 3}, {6, 7}, {1, 1}, L},
    {{2, 3}, {4, 5}, {7, 10}, L},
    {{2, 3}, {4, 5}, {5, 6}, L},
    {{2, 3}, {4, 5}, {2, 4}, L},
    {{2, 3}, {4, 5}, {1, 1}, L},
    {{2, 3}, {2, 3}, {7, 10}, L},
    {{2, 3}, {2, 3}, {5, 6}, L},
    {{2, 3}, {2, 3}, {2, 4}, L},
    {{2, 3}, {2, 3}, {1, 1}, L},
    {{2, 3}, {1, 1}, {1, 10}, L},
    // S 1: no discernible effect
    {{1, 1}, {1, 10}, {1, 10}, L},
};

// AIAG & VDA FMEA Handbook (2019), Table "Action Priority (AP) for FMEA-MSR"
// (supplemental FMEA for Monitoring and System Response): S, frequency F and
// monitoring M bands and AP, in print order.
inline constexpr ApRule kMsrRules[] = {
    // S 10: product effect high (safety)
    {{10, 10}, {5, 10}, {1, 10}, H},
    {{10, 10}, {4, 4}, {2, 10}, H},
    {{10, 10}, {4, 4}, {1, 1}, M},
    {{10, 10}, {3, 3}, {4, 10}, H},
    {{10, 10}, {3, 3}, {2, 3}, M},
    {{10, 10}, {3, 3}, {1, 1}, L},
    {{10, 10}, {2, 2}, {4, 10}, M},
    {{10, 10}, {2, 2}, {1, 3}, L},
    {{10, 10}, {1, 1}, {1, 10}, L},
    // S 9: product effect high (regulatory noncompliance)
    {{9, 9}, {4, 10}, {1, 10}, H},
    {{9, 9}, {2, 3}, {2, 10}, H},
    {{9, 9}, {2, 3}, {1, 1}, L},
    {{9, 9}, {1, 1}, {1, 10}, L},
    // S 7-8: product effect moderately high
    {{7, 8}, {6, 10}, {1, 10}, H},
    {{7, 8}, {5, 5}, {6, 10}, H},
    {{7, 8}, {5, 5}, {1, 5}, M},
    {{7, 8}, {4, 4}, {7, 10}, H},
    {{7, 8}, {4, 4}, {4, 6}, M},
    {{7, 8}, {4, 4}, {1, 3}, L},
    {{7, 8}, {3, 3}, {9, 10}, H},
    {{7, 8}, {3, 3}, {7, 8}, M},
    {{7, 8}, {3, 3}, {1, 6}, L},
    {{7, 8}, {2, 2}, {7, 10}, M},
    {{7, 8}, {2, 2}, {1, 6}, L},
    {{7, 8}, {1, 1}, {1, 10}, L},
    // S 4-6: product effect moderately low
    {{4, 6}, {7, 10}, {1, 10}, H},
    {{4, 6}, {5, 6}, {6, 10}, H},
    {{4, 6}, {5, 6}, {1, 5}, M},
    {{4, 6}, {2, 4}, {7, 10}, M},
    {{4, 6}, {2, 4}, {1, 6}, L},
    {{4, 6}, {1, 1}, {1, 10}, L},
    // S 2-3: product effect low
    {{2, 3}, {7, 10}, {1, 10}, H},
    {{2, 3}, {5, 6}, {7, 10}, M},
    {{2, 3}, {5, 6}, {1, 6}, L},
    {{2, 3}, {2, 4}, {1, 10}, L},
    {{2, 3}, {1, 1}, {1, 10}, L},
    // S 1: no discernible effect
    {{1, 1}, {1, 10}, {1, 10}, L},
};

// The full mapping: index (s-1)*100 + (second-1)*10 + (third-1).
using ApCube = std::array<Ap, 1000>;

constexpr std::size_t cube_index(int s, int second, int third) noexcept {
  return static_cast<std::size_t>((s - 1) * 100 + (second - 1) * 10 + (third - 1));
}

// Expands printed rows to the 1000 combinations. In a constant expression a
// throw is a compile error, so a gap or an overlap in the rows cannot build.
constexpr ApCube expand_rules(std::span<const ApRule> rules) {
  ApCube cube{};
  std::array<int, 1000> covered{};
  for (const ApRule &r : rules) {
    if (r.s.lo < 1 || r.s.hi > 10 || r.second.lo < 1 || r.second.hi > 10 || r.third.lo < 1 || r.third.hi > 10)
      throw std::logic_error("AP rule band outside 1..10");
    for (int s = r.s.lo; s <= r.s.hi; ++s)
      for (int a = r.second.lo; a <= r.second.hi; ++a)
        for (int b = r.third.lo; b <= r.third.hi; ++b) {
          cube[cube_index(s, a, b)] = r.ap;
          ++covered[cube_index(s, a, b)];
        }
  }
  for (int count : covered)
    if (count != 1) throw std::logic_error("AP rules must cover every S/O/D combination exactly once");
  return cube;
}

inline constexpr ApCube kDesignProcessCube = expand_rules(kDesignProcessRules);
inline constexpr ApCube kMsrCube = expand_rules(kMsrRules);

// Ratings must be integers 1..10 (validated by the caller); std::out_of_range otherwise.
Ap ap_design_process(int s, int o, int d);
Ap ap_msr(int s, int f, int m);

// The printed row that decides a combination (for explanations in results).
const ApRule &design_process_rule(int s, int o, int d);
const ApRule &msr_rule(int s, int f, int m);

struct ApCounts {
  int h = 0, m = 0, l = 0;
};
ApCounts count_cube(const ApCube &cube) noexcept;

} // namespace qloop::fmea

#endif
