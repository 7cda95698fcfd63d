// How alike two complaint texts are, in any language: the Dice coefficient
// of their character bigrams. Character n-grams need no word segmenter, so
// Chinese and English are treated alike; case, spaces and punctuation are
// ignored. 1 for the same text, 0 for texts with no bigram in common.
#pragma once

#include <string_view>

namespace qloop::domain {

double text_similarity(std::string_view a, std::string_view b);

} // namespace qloop::domain
