// Words of a two-level design: an effect (A, AB, ACD...) is the set of factors
// that take part in it, held as a bit mask (bit j = factor j). Multiplying two
// effects is the symmetric difference (x * x = 1 for x = +-1), so XOR.
#pragma once

#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qloop::doe {

using Word = std::uint32_t;

// Letters A..Z without I (I is the identity in a defining relation), as in
// Montgomery and Box-Hunter-Hunter: the 9th factor is J.
inline constexpr int kMaxLetterFactors = 25;

std::string factor_letter(int index);
// Index of a factor letter, or -1.
int letter_index(char letter);

inline int word_length(Word w) { return std::popcount(w); }
inline Word factor_bit(int index) { return Word{1} << index; }

// "ABD" for a word, "I" for the empty word.
std::string word_name(Word w);
// Parses letters ("ACD", any order, no repeats) for a design of `factor_count`
// factors; nothing on any other character, a repeat or a letter out of range.
std::optional<Word> parse_letters(std::string_view text, int factor_count);

// Hierarchical order: shorter words first, then by letters (AB < AC < AD < BC).
bool hierarchical_less(Word a, Word b);

// Every word of length 1..max_order over `factor_count` factors, in
// hierarchical order.
std::vector<Word> words_up_to(int factor_count, int max_order);

} // namespace qloop::doe
