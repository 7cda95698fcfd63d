#include "words.hpp"

#include <algorithm>

namespace qloop::doe {
namespace {
constexpr std::string_view kLetters = "ABCDEFGHJKLMNOPQRSTUVWXYZ";
}

std::string factor_letter(int index) {
  if (index < 0 || index >= kMaxLetterFactors) return "?";
  return std::string(1, kLetters[static_cast<std::size_t>(index)]);
}

int letter_index(char letter) {
  auto pos = kLetters.find(letter);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

std::string word_name(Word w) {
  if (w == 0) return "I";
  std::string out;
  for (int j = 0; j < kMaxLetterFactors; ++j)
    if (w & factor_bit(j)) out += kLetters[static_cast<std::size_t>(j)];
  return out;
}

std::optional<Word> parse_letters(std::string_view text, int factor_count) {
  if (text.empty()) return std::nullopt;
  Word w = 0;
  for (char c : text) {
    int j = letter_index(c);
    if (j < 0 || j >= factor_count || (w & factor_bit(j))) return std::nullopt;
    w |= factor_bit(j);
  }
  return w;
}

bool hierarchical_less(Word a, Word b) {
  int la = word_length(a), lb = word_length(b);
  if (la != lb) return la < lb;
  if (a == b) return false;
  // The word holding the lowest factor where they differ comes first.
  Word diff = a ^ b;
  Word lowest = diff & (~diff + 1);
  return (a & lowest) != 0;
}

std::vector<Word> words_up_to(int factor_count, int max_order) {
  std::vector<Word> out;
  if (factor_count <= 0) return out;
  const Word all = factor_count >= 32 ? ~Word{0} : (Word{1} << factor_count) - 1;
  for (Word w = 1; w != 0 && w <= all; ++w)
    if (word_length(w) <= max_order) out.push_back(w);
  std::sort(out.begin(), out.end(), hierarchical_less);
  return out;
}

} // namespace qloop::doe
