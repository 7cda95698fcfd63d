// The defining relation of a regular 2^(k-p) fraction, its resolution, word
// length pattern and alias structure.
#pragma once

#include <vector>

#include "generators.hpp"
#include "words.hpp"

namespace qloop::doe {

struct SignedWord {
  Word word = 0;
  int sign = 1;
};

// All 2^p - 1 words of I = ... (each generator F = s*W gives I = s*WF, and
// products of those), in hierarchical order.
std::vector<SignedWord> defining_words(const std::vector<Generator> &generators);

// Length of the shortest word; 0 for a full factorial (no words).
int resolution(const std::vector<SignedWord> &words);
// A_1..A_k: how many words of each length (index 0 is length 1).
std::vector<int> word_length_pattern(const std::vector<SignedWord> &words, int k);
std::string roman(int n);

// One alias chain: an effect and the words it is aliased with, sign relative
// to the chain's leader (A + BCDE, or A - BCDE in a negative fraction).
struct AliasChain {
  std::vector<SignedWord> members; // members[0] is the leader, sign +1
};

// The alias chains of every effect of order <= max_order (leaders in
// hierarchical order, each effect in one chain), listing only members of
// order <= max_order; max_order = k lists every word.
std::vector<AliasChain> alias_chains(const std::vector<SignedWord> &words, int k, int max_order);
std::string chain_text(const AliasChain &chain);

} // namespace qloop::doe
