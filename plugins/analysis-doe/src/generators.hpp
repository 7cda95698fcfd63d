// Generators of a 2^(k-p) fractional factorial: each added factor is set to
// the product of some basic factors (E = ABCD), possibly negated (E = -ABCD).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "words.hpp"

namespace qloop::doe {

struct Generator {
  int factor = 0; // the added factor (index >= k - p)
  Word word = 0;  // basic factors it is the product of
  int sign = 1;   // +1 or -1
};

// "E=ABCD", "E = -ABCD", "E=+ABCD". Throws InvalidInput naming `field` when the
// text is not a generator for a design of k factors and p generators.
Generator parse_generator(const std::string &text, int k, int p, const std::string &field);
std::string generator_text(const Generator &g);

// The standard generators of Montgomery, Design and Analysis of Experiments,
// Table 8.14 "Selected 2^(k-p) fractional factorial designs" (after
// Box, Hunter and Hunter, Statistics for Experimenters, Table 12.15), principal
// fractions (all signs +), for 3 <= k <= 11. Nothing when the table has no
// entry for (k, p).
std::optional<std::vector<std::string>> standard_generators(int k, int p);
// The p values the table has for k (ascending).
std::vector<int> standard_fractions(int k);

} // namespace qloop::doe
