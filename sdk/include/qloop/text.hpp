// qloop plugin SDK: display width and line wrapping of UTF-8 text, for
// plugins that draw labels in SVG (header-only; shared by the bundled plugins).
//
// SVG cannot wrap text by itself, so the plugin measures it. Width is counted
// in "columns": a narrow character is 1, an East Asian wide or fullwidth
// character (UAX #11 classes W and F: CJK ideographs, kana, Hangul, fullwidth
// forms) is 2, and combining marks are 0. A CJK font draws the ambiguous
// punctuation common in Chinese text (“ ” ‘ ’ … — ·) full width, so those
// count 2 as well.

#include <string>
#include <string_view>
#include <vector>
#ifndef QLOOP_TEXT_HPP
#define QLOOP_TEXT_HPP

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace qloop::text {

struct CodePoint {
  char32_t cp;
  std::string_view bytes; // its UTF-8 bytes within the decoded string
};

// Decodes UTF-8; a byte that starts no valid sequence becomes U+FFFD (with
// that one byte as `bytes`).
std::vector<CodePoint> code_points(std::string_view utf8);

// Columns one code point occupies (0, 1 or 2).
int columns(char32_t cp);

// Columns of a whole UTF-8 string. Invalid bytes count 1 each.
int width(std::string_view utf8);

// Approximate pixel width of `utf8` at `font_size` (a column is ~0.56 em).
double pixels(std::string_view utf8, double font_size);

// How many columns fit in `pixels` at `font_size`.
int columns_in(double pixels, double font_size);

// Splits text into lines of at most `max_columns`, breaking at spaces between
// Latin words and between any two CJK characters, never inside a UTF-8
// sequence, never before closing punctuation (，。、）...) or after opening
// punctuation (（《「...). '\n' forces a break. A word longer than a line is
// cut. With more than `max_lines` lines, the last kept line ends in "…".
std::vector<std::string> wrap(std::string_view utf8, int max_columns, int max_lines = 1000);

// ---- implementation ----

namespace detail {

struct Glyph {
  std::string bytes;
  char32_t cp;
  int cols;
};

inline constexpr const char *kReplacement = "\xEF\xBF\xBD"; // U+FFFD
inline constexpr const char *kEllipsis = "\xE2\x80\xA6";    // U+2026, 2 columns
inline constexpr double kEmPerColumn = 0.56;

inline bool in(char32_t cp, char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; }

inline std::vector<Glyph> decode(std::string_view s) {
  std::vector<Glyph> out;
  for (const auto &c : code_points(s))
    out.push_back(
        {c.cp == 0xFFFD && c.bytes.size() == 1 ? kReplacement : std::string(c.bytes), c.cp, columns(c.cp)});
  return out;
}

inline bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\r' || cp == 0x3000; }

// Characters a line must not start with (closing punctuation).
inline bool no_break_before(char32_t cp) {
  static constexpr char32_t list[] = {U'，', U'。', U'、', U'；', U'：', U'？', U'！', U'）', U'》', U'」',
                                      U'』', U'】', U'〉', U'〕', U'…',  U'”',  U'’',  U',',  U'.',  U';',
                                      U':',  U'?',  U'!',  U')',  U']',  U'}',  U'%',  U'％'};
  return std::find(std::begin(list), std::end(list), cp) != std::end(list);
}

// Characters a line must not end with (opening punctuation).
inline bool no_break_after(char32_t cp) {
  static constexpr char32_t list[] = {U'（', U'《', U'「', U'『', U'【', U'〈',
                                      U'〔', U'“',  U'‘',  U'(',  U'[',  U'{'};
  return std::find(std::begin(list), std::end(list), cp) != std::end(list);
}

// A run that must stay on one line: a Latin word, or one CJK character with
// any punctuation glued to it.
struct Piece {
  std::vector<Glyph> glyphs;
  int cols = 0;
  bool space_before = false;
  bool forced_break_before = false;
};

inline std::vector<Piece> pieces_of(const std::vector<Glyph> &glyphs) {
  std::vector<Piece> pieces;
  bool pending_space = false, pending_newline = false;
  for (const auto &g : glyphs) {
    if (g.cp == '\n') {
      pending_newline = true;
      continue;
    }
    if (is_space(g.cp)) {
      pending_space = true;
      continue;
    }
    bool glue = false;
    if (!pieces.empty() && !pending_space && !pending_newline) {
      const Glyph &last = pieces.back().glyphs.back();
      bool same_word = g.cols < 2 && last.cols < 2;
      glue = same_word || no_break_before(g.cp) || no_break_after(last.cp);
    }
    if (!glue) {
      pieces.push_back({});
      pieces.back().space_before = pending_space && !pending_newline;
      pieces.back().forced_break_before = pending_newline;
    }
    pieces.back().glyphs.push_back(g);
    pieces.back().cols += g.cols;
    pending_space = pending_newline = false;
  }
  return pieces;
}

struct LineBuilder {
  int max_columns;
  std::vector<std::string> lines;
  std::string current;
  int cols = 0;

  bool empty() const { return current.empty(); }
  void flush() {
    if (!current.empty()) lines.push_back(current);
    current.clear();
    cols = 0;
  }
  void add(const Glyph &g) {
    current += g.bytes;
    cols += g.cols;
  }
  void add_piece(const Piece &p) {
    int need = (empty() || !p.space_before ? 0 : 1) + p.cols;
    if (!empty() && cols + need > max_columns) flush();
    if (!empty() && p.space_before) {
      current += ' ';
      ++cols;
    }
    if (p.cols <= max_columns - cols) {
      for (const auto &g : p.glyphs) add(g);
      return;
    }
    for (const auto &g : p.glyphs) { // longer than a line: cut it
      if (!empty() && cols + g.cols > max_columns) flush();
      add(g);
    }
  }
};

inline std::string with_ellipsis(const std::string &line, int max_columns) {
  auto glyphs = decode(line);
  int cols = 0;
  for (const auto &g : glyphs) cols += g.cols;
  while (!glyphs.empty() && (cols + 2 > max_columns || is_space(glyphs.back().cp))) {
    cols -= glyphs.back().cols;
    glyphs.pop_back();
  }
  std::string out;
  for (const auto &g : glyphs) out += g.bytes;
  return out + kEllipsis;
}

} // namespace detail
using namespace detail; // the definitions below read their helpers unqualified

inline std::vector<CodePoint> code_points(std::string_view s) {
  std::vector<CodePoint> out;
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    char32_t cp = len == 1 ? c : static_cast<char32_t>(c & (0x7F >> len));
    for (std::size_t k = 1; ok && k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (!ok) {
      out.push_back({0xFFFD, s.substr(i, 1)});
      ++i;
      continue;
    }
    out.push_back({cp, s.substr(i, len)});
    i += len;
  }
  return out;
}

inline int columns(char32_t cp) {
  if (cp < 0x20 || in(cp, 0x7F, 0x9F)) return 0;
  if (in(cp, 0x0300, 0x036F) || in(cp, 0x1AB0, 0x1AFF) || in(cp, 0x200B, 0x200F) || in(cp, 0x20D0, 0x20FF) ||
      in(cp, 0xFE00, 0xFE0F))
    return 0; // combining marks, zero-width spaces, variation selectors
  if (in(cp, 0x1100, 0x115F) || in(cp, 0x2E80, 0x303E) || in(cp, 0x3041, 0x33FF) || in(cp, 0x3400, 0x4DBF) ||
      in(cp, 0x4E00, 0x9FFF) || in(cp, 0xA000, 0xA4CF) || in(cp, 0xAC00, 0xD7A3) || in(cp, 0xF900, 0xFAFF) ||
      in(cp, 0xFE30, 0xFE4F) || in(cp, 0xFF00, 0xFF60) || in(cp, 0xFFE0, 0xFFE6) ||
      in(cp, 0x1F300, 0x1F64F) || in(cp, 0x1F900, 0x1F9FF) || in(cp, 0x20000, 0x2FFFD) ||
      in(cp, 0x30000, 0x3FFFD))
    return 2;
  if (cp == 0x2014 || cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D || cp == 0x2026) return 2;
  return 1;
}

inline int width(std::string_view utf8) {
  int total = 0;
  for (const auto &g : decode(utf8)) total += g.cols;
  return total;
}

inline double pixels(std::string_view utf8, double font_size) {
  return width(utf8) * font_size * kEmPerColumn;
}

inline int columns_in(double pixels, double font_size) {
  return std::max(1, static_cast<int>(std::floor(pixels / (font_size * kEmPerColumn))));
}

inline std::vector<std::string> wrap(std::string_view utf8, int max_columns, int max_lines) {
  LineBuilder builder{std::max(2, max_columns), {}, {}, 0};
  for (const auto &piece : pieces_of(decode(utf8))) {
    if (piece.forced_break_before) builder.flush();
    builder.add_piece(piece);
  }
  builder.flush();
  auto &lines = builder.lines;
  max_lines = std::max(1, max_lines);
  if (static_cast<int>(lines.size()) > max_lines) {
    lines.resize(static_cast<std::size_t>(max_lines));
    lines.back() = with_ellipsis(lines.back(), builder.max_columns);
  }
  return lines;
}

} // namespace qloop::text

#endif // QLOOP_TEXT_HPP
