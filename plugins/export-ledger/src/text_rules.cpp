#include "text_rules.hpp"

#include <cstdint>

namespace qloop::ledger {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point at `pos` (advancing it); invalid or overlong
// sequences and surrogates give U+FFFD and consume one byte.
char32_t next_code_point(std::string_view s, std::size_t &pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  std::size_t len = 0;
  char32_t cp = 0, min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    ++pos;
    return kReplacement;
  }
  if (pos + len > s.size()) {
    ++pos;
    return kReplacement;
  }
  for (std::size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return kReplacement;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return kReplacement;
  }
  pos += len;
  return cp;
}

void append_utf8(std::string &out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// "_xHHHH_" starting at pos: the OOXML escape Excel would decode.
bool ooxml_escape_at(std::string_view s, std::size_t pos) {
  if (pos + 7 > s.size() || s[pos] != '_' || s[pos + 1] != 'x' || s[pos + 6] != '_') return false;
  for (std::size_t i = 2; i < 6; ++i)
    if (!is_hex(s[pos + i])) return false;
  return true;
}

std::size_t utf16_units(char32_t cp) { return cp >= 0x10000 ? 2 : 1; }

} // namespace

XlsxText xlsx_text(std::string_view s, std::string_view marker, std::size_t limit) {
  std::size_t marker_units = 0;
  for (std::size_t p = 0; p < marker.size();) marker_units += utf16_units(next_code_point(marker, p));
  const std::size_t budget = limit > marker_units ? limit - marker_units : 0;

  XlsxText out;
  out.text.reserve(s.size() < limit * 4 ? s.size() : limit * 4);
  std::size_t units = 0;
  std::size_t pos = 0;
  // Where the text stood when it last fitted the budget (for a clean cut).
  std::size_t fits_bytes = 0;
  while (pos < s.size()) {
    const bool escape = ooxml_escape_at(s, pos);
    char32_t cp = 0;
    std::size_t piece_units = 7; // "_x005F_"
    if (escape) {
      ++pos;
    } else {
      cp = next_code_point(s, pos);
      if (cp == '\r') {
        if (pos < s.size() && s[pos] == '\n') ++pos;
        cp = '\n';
      }
      if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0xFFFE || cp == 0xFFFF) continue;
      piece_units = utf16_units(cp);
    }
    if (units + piece_units > limit) {
      out.text.resize(fits_bytes);
      out.text += marker;
      out.truncated = true;
      return out;
    }
    units += piece_units;
    if (escape)
      out.text += "_x005F_";
    else
      append_utf8(out.text, cp);
    if (units <= budget) fits_bytes = out.text.size();
  }
  return out;
}

bool looks_like_formula(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
  case '=':
  case '+':
  case '-':
  case '@':
  case '\t':
  case '\r': return true;
  default: return false;
  }
}

std::string csv_field(std::string_view text, char delimiter, bool guard) {
  std::string value;
  value.reserve(text.size() + 3);
  const bool guarded = guard && looks_like_formula(text);
  if (guarded) value += '\'';
  bool quote = guarded || (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  for (char c : text) {
    if (c == '\0') continue;
    if (c == delimiter || c == '"' || c == '\r' || c == '\n') quote = true;
    value += c;
  }
  if (!quote) return value;
  std::string quoted;
  quoted.reserve(value.size() + 2);
  quoted += '"';
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

} // namespace qloop::ledger
