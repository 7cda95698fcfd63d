#include "report_pdf/text_clean.hpp"

namespace qloop::reportpdf {
namespace {

constexpr const char *kReplacement = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not one.
std::size_t valid_sequence(std::string_view s, std::size_t i, char32_t &cp) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  if (c < 0x80)
    len = 1;
  else if ((c & 0xE0) == 0xC0)
    len = 2;
  else if ((c & 0xF0) == 0xE0)
    len = 3;
  else if ((c & 0xF8) == 0xF0)
    len = 4;
  if (len == 0 || i + len > s.size()) return 0;
  cp = len == 1 ? c : static_cast<char32_t>(c & (0x7F >> len));
  for (std::size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool is_control(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

std::string clean_impl(std::string_view s, std::size_t max_bytes, bool one_line) {
  std::string out;
  out.reserve(s.size() < max_bytes ? s.size() : max_bytes);
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = 0;
    std::size_t len = valid_sequence(s, i, cp);
    std::string_view piece;
    if (len == 0) {
      piece = kReplacement;
      len = 1;
    } else if (cp == '\r') {
      piece = (i + 1 < s.size() && s[i + 1] == '\n') ? std::string_view{} : std::string_view("\n");
    } else if (cp == '\n' || cp == '\t') {
      piece = s.substr(i, 1);
    } else if (is_control(cp)) {
      piece = {};
    } else {
      piece = s.substr(i, len);
    }
    if (one_line && (piece == "\n" || piece == "\t")) piece = " ";
    if (out.size() + piece.size() > max_bytes) {
      out += " \xE2\x80\xA6 [truncated, " + std::to_string(s.size()) + " bytes]";
      return out;
    }
    out += piece;
    i += len;
  }
  return out;
}

} // namespace

std::string clean(std::string_view text, std::size_t max_bytes) { return clean_impl(text, max_bytes, false); }

std::string clean_line(std::string_view text, std::size_t max_bytes) {
  return clean_impl(text, max_bytes, true);
}

} // namespace qloop::reportpdf
