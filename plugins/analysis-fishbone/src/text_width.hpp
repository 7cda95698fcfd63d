// Display width and line wrapping for UTF-8 text drawn in SVG boxes.
//
// SVG cannot wrap text by itself, so the plugin measures it. Width is counted
// in "columns": a narrow character is 1, an East Asian wide or fullwidth
// character (UAX #11 classes W and F: CJK ideographs, kana, Hangul, fullwidth
// forms) is 2, and combining marks are 0. A CJK font draws the ambiguous
// punctuation common in Chinese text (“ ” ‘ ’ … — ·) full width, so those
// count 2 as well.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qloop::fishbone::text {

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

} // namespace qloop::fishbone::text
