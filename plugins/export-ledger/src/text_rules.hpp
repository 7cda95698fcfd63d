// Making hostile text safe for each output format. Every text field of a case
// file may hold formulas ("=cmd|' /C calc'!A0"), markup, control characters or
// megabytes; each format has its own rule, kept here in one place.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace qloop::ledger {

// Excel's limit for one cell: 32,767 characters (counted as UTF-16 units).
inline constexpr std::size_t kXlsxCellLimit = 32767;

struct XlsxText {
  std::string text;
  bool truncated = false;
};

// Text for an XLSX string cell (always written with worksheet_write_string,
// so "=..." stays text and is never a formula):
//  - control characters XML 1.0 forbids are dropped, CR LF and lone CR become LF;
//  - a literal "_xHHHH_" gets its '_' escaped as "_x005F_", because Excel
//    reads that pattern as an escaped character;
//  - invalid UTF-8 becomes U+FFFD;
//  - longer than the cell limit: cut at a character boundary, `marker` appended.
XlsxText xlsx_text(std::string_view utf8, std::string_view marker, std::size_t limit = kXlsxCellLimit);

// The OWASP CSV-injection rule: a cell starting with = + - @ TAB or CR gets a
// leading apostrophe so a spreadsheet shows it as text instead of running it.
bool looks_like_formula(std::string_view text);

// One RFC 4180 field: NUL bytes dropped; the injection guard applied when
// `guard`; quoted (quotes doubled) when it holds the delimiter, a quote, CR
// or LF, starts or ends with a space, or was guarded.
std::string csv_field(std::string_view text, char delimiter, bool guard);

} // namespace qloop::ledger
