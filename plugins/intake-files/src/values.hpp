// Turning cell text into record values: date-times with an offset, whole
// quantities, severities and channels as the record schema spells them.
// Each reader returns nothing (or a problem) instead of guessing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace qloop::intake_files {

// A UTC offset such as +08:00.
struct UtcOffset {
  int minutes = 8 * 60;
  std::string text = "+08:00";
};

// "+08:00", "+0800", "+8", "-05:30", "Z", "UTC". Nothing when unreadable.
std::optional<UtcOffset> parse_offset(std::string_view text);

// A date or date-time as exports write it -> ISO 8601 with offset
// ("2025-11-03T14:05:00+08:00"). Accepts 2025-11-03, 2025/11/3, 2025.11.03,
// 20251103, 2025年11月3日, each optionally followed by a time H:MM[:SS[.fff]]
// (after a space or 'T'), optionally followed by Z or an offset. A value
// without an offset gets `naive` (the timezone_offset setting).
std::optional<std::string> normalize_datetime(std::string_view text, const UtcOffset &naive);

struct Quantity {
  std::optional<long long> value;
  std::string problem; // "is not a whole number", "must not be negative", ...
};

// "12", "12.0", "1,200", "12 pcs", "12个/件/只/台/片/套/箱/pcs/ea".
Quantity parse_quantity(std::string_view text);

// critical|major|minor in any case, and the Chinese words quality people
// use: 严重/致命/紧急 -> critical, 一般/主要/重要 -> major, 轻微/次要/轻度 -> minor.
std::optional<std::string> normalize_severity(std::string_view text);

// Well-known channel names (Chinese or English) -> the ids the host uses
// (phone, email, online, social); anything else is kept as written.
std::string normalize_channel(std::string_view text);

// Trims ASCII whitespace, NBSP and the ideographic space; unwraps Excel's
// ="00123" (written to keep leading zeros).
std::string clean_text(std::string_view text);

} // namespace qloop::intake_files
