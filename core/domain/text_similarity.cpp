#include "core/domain/text_similarity.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <boost/locale/encoding_utf.hpp>

namespace qloop::domain {

namespace {

bool ignored(char32_t ch) {
  if (ch < 0x80) return !((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
  // CJK and fullwidth punctuation, and general punctuation (“ ” … —).
  return (ch >= 0x3000 && ch <= 0x303F) || (ch >= 0xFF00 && ch <= 0xFF0F) || (ch >= 0x2000 && ch <= 0x206F);
}

char32_t folded(char32_t ch) {
  if (ch >= 0xFF10 && ch <= 0xFF5A) ch -= 0xFEE0; // fullwidth digits and letters
  if (ch >= 'A' && ch <= 'Z') ch += 'a' - 'A';
  return ch;
}

// Sorted bigrams, each packed in 64 bits; invalid UTF-8 is skipped.
std::vector<std::uint64_t> bigrams(std::string_view text) {
  const auto code_points = boost::locale::conv::utf_to_utf<char32_t>(text.data(), text.data() + text.size());
  std::vector<char32_t> kept;
  kept.reserve(code_points.size());
  for (char32_t ch : code_points)
    if (!ignored(ch)) kept.push_back(folded(ch));
  std::vector<std::uint64_t> out;
  if (kept.size() < 2) {
    if (kept.size() == 1) out.push_back(kept[0]);
    return out;
  }
  out.reserve(kept.size() - 1);
  for (std::size_t i = 1; i < kept.size(); ++i)
    out.push_back((static_cast<std::uint64_t>(kept[i - 1]) << 32) | kept[i]);
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

double text_similarity(std::string_view a, std::string_view b) {
  const auto x = bigrams(a), y = bigrams(b);
  if (x.empty() || y.empty()) return x.empty() && y.empty() ? 1.0 : 0.0;
  // Multiset intersection of two sorted lists.
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    if (x[i] == y[j])
      ++common, ++i, ++j;
    else if (x[i] < y[j])
      ++i;
    else
      ++j;
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(x.size() + y.size());
}

} // namespace qloop::domain
