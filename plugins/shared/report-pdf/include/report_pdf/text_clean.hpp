// Text from a complaint is hostile: invalid UTF-8, control characters and
// megabyte strings must not reach a template engine, Pango or a PDF. Every
// string enters the report model through clean().
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace qloop::reportpdf {

// Valid UTF-8 (an invalid sequence, surrogate or overlong form becomes
// U+FFFD), without control characters except '\n' and '\t' ('\r\n' and a lone
// '\r' become '\n'), at most `max_bytes` long; a cut text ends in
// " … [truncated, N bytes]" so the reader knows something is missing.
std::string clean(std::string_view text, std::size_t max_bytes);

// The same, on one line: every newline and tab becomes a space. For table
// cells, headers and file names.
std::string clean_line(std::string_view text, std::size_t max_bytes);

} // namespace qloop::reportpdf
