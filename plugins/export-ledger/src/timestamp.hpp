// Timestamps of the ledger: case files carry ISO 8601 UTC strings; XLSX wants
// Excel serial numbers, CSV wants text Excel recognises as a date. Times are
// shown at one fixed UTC offset chosen by the user (Excel has no time zones).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace qloop::ledger {

// Seconds since 1970-01-01T00:00:00Z for "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.f]]"
// ('T' or ' '), with "Z", "±HH:MM", "±HHMM", "±HH" or no zone (read as UTC).
// Nothing for anything else, including impossible dates like 2025-02-30.
std::optional<double> parse_iso8601(std::string_view text);

// A UTC offset in minutes from "+08:00", "-0530", "+8", "Z" or "UTC"; within ±14 h.
std::optional<int> parse_utc_offset(std::string_view text);

// "UTC" or "UTC+08:00": the suffix of date column headings.
std::string offset_label(int offset_minutes);

// Excel 1900-system serial (days since 1899-12-30, fraction = time of day) of
// the instant as seen at the offset; nothing before 1900-03-01 (Excel's fake
// 1900-02-29 makes earlier serials lie) or after 9999-12-31.
std::optional<double> excel_serial(double unix_seconds, int offset_minutes);

// "YYYY-MM-DD HH:MM:SS" at the offset (whole seconds), the form Excel and
// LibreOffice turn into a date when they open a CSV file.
std::string format_local(double unix_seconds, int offset_minutes);

// "YYYY-MM-DDTHH:MM:SSZ": the canonical UTC form for JSON.
std::string format_utc_iso(double unix_seconds);

} // namespace qloop::ledger
