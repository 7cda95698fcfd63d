// Blocking a two-level design in 2^b blocks: b block generators (words) whose
// signs on a run give its block. Every product of generators is confounded
// with blocks, together with its aliases in a fraction.
#pragma once

#include <vector>

#include "defining_relation.hpp"

namespace qloop::doe {

struct BlockPlan {
  std::vector<Word> generators;
  // The 2^b - 1 effects confounded with blocks: for each product of
  // generators, its shortest alias (hierarchical order breaks ties).
  std::vector<Word> confounded;
};

// Chooses block generators among the words of the basic factors A..(k-p)
// (every alias set has exactly one such word) so that no main effect is
// confounded with blocks and, among those, the confounded effects are as
// high-order as possible: fewest of length 2, then of length 3, ... (the
// usual minimum-aberration rule for blocking; it reproduces the confounding
// patterns of Montgomery, Table 7.8). Exhaustive when there are at most
// 3 million candidate sets, otherwise greedy one generator at a time.
// Throws InvalidInput when no plan keeps main effects clear of blocks.
BlockPlan choose_block_generators(int k, int p, const std::vector<SignedWord> &defining, int block_bits);

// Shortest word among `effect` and its aliases.
Word shortest_alias(Word effect, const std::vector<SignedWord> &defining);

} // namespace qloop::doe
