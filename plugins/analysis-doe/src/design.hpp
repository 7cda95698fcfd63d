// Building experimental designs: two-level full factorials 2^k, regular
// fractions 2^(k-p), general (multi-level) full factorials; with replicates,
// blocks, centre points and a reproducible randomised run order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "block_search.hpp"
#include "defining_relation.hpp"

namespace qloop::doe {

struct Level {
  std::string label;
  std::optional<double> value; // numeric level (needed for centre points)
};

struct FactorSpec {
  std::string name;
  std::vector<Level> levels; // two-level factors: {low, high}
};

struct DesignSpec {
  std::vector<FactorSpec> factors;
  bool fractional = false;
  int p = 0;                           // generators in a fraction
  std::vector<std::string> generators; // explicit; empty: standard table
  int center_points = 0;               // per block (in total when unblocked)
  int replicates = 1;
  int blocks = 1; // blocks per replicate (two-level: a power of 2)
  bool block_by_replicate = false;
  bool randomize = true;
  std::uint64_t seed = 0;
  int alias_order = 2;
};

struct DesignRun {
  int std_order = 0; // 1-based
  int run_order = 0; // 1-based
  int block = 1;     // 1-based
  int replicate = 1; // 1-based
  bool center = false;
  std::vector<int> level; // per factor: index into FactorSpec::levels, -1 at a centre point
  std::vector<int> coded; // two-level designs: -1, 0 (centre) or +1 per factor
};

struct Design {
  bool two_level = false;
  int k = 0, p = 0;
  int base_runs = 0; // runs of one replicate without centre points
  std::vector<Generator> generators;
  std::vector<SignedWord> defining;
  int resolution = 0; // 0: a full factorial (no defining relation)
  std::vector<int> word_length_pattern;
  std::vector<AliasChain> aliases;
  std::vector<AliasChain> full_aliases; // every word; only when k <= 12
  BlockPlan block_plan;
  int block_count = 1;
  std::uint64_t seed = 0;
  std::vector<DesignRun> runs; // in run order
};

// Throws sdk::InvalidInput (naming the option) on an impossible request.
Design build_design(const DesignSpec &spec);

inline constexpr int kMaxDesignRuns = 100000;

} // namespace qloop::doe
