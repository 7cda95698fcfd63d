#include "timestamp.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace qloop::ledger {
namespace {

constexpr double kSecondsPerDay = 86400.0;
constexpr double kExcelEpochOffsetDays = 25569.0; // 1899-12-30 .. 1970-01-01
constexpr double kExcelFirstTrustedSerial = 61.0; // 1900-03-01
constexpr double kExcelEndSerial = 2958466.0;     // 10000-01-01

// Reads exactly `n` digits at `pos`, advancing it.
std::optional<int> digits(std::string_view s, std::size_t &pos, std::size_t n) {
  if (pos + n > s.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += n;
  return value;
}

bool at(std::string_view s, std::size_t pos, char c) { return pos < s.size() && s[pos] == c; }

// "Z", "±HH:MM", "±HHMM", "±HH" at pos, to the end of the text; minutes east of UTC.
std::optional<int> zone(std::string_view s, std::size_t pos) {
  if (pos == s.size()) return 0;
  if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) return 0;
  if (s[pos] != '+' && s[pos] != '-') return std::nullopt;
  const int sign = s[pos] == '-' ? -1 : 1;
  ++pos;
  auto hh = digits(s, pos, 2);
  if (!hh) return std::nullopt;
  int mm = 0;
  if (pos < s.size()) {
    if (at(s, pos, ':')) ++pos;
    auto m = digits(s, pos, 2);
    if (!m) return std::nullopt;
    mm = *m;
  }
  if (pos != s.size() || *hh > 14 || mm > 59) return std::nullopt;
  return sign * (*hh * 60 + mm);
}

struct Civil {
  int year;
  unsigned month, day, hour, minute, second;
};

Civil civil(double unix_seconds) {
  const auto total = static_cast<long long>(std::floor(unix_seconds));
  long long days = total / 86400;
  long long rest = total % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  return Civil{static_cast<int>(ymd.year()),          static_cast<unsigned>(ymd.month()),
               static_cast<unsigned>(ymd.day()),      static_cast<unsigned>(rest / 3600),
               static_cast<unsigned>(rest / 60 % 60), static_cast<unsigned>(rest % 60)};
}

} // namespace

std::optional<double> parse_iso8601(std::string_view s) {
  std::size_t pos = 0;
  auto y = digits(s, pos, 4);
  if (!y || !at(s, pos++, '-')) return std::nullopt;
  auto mo = digits(s, pos, 2);
  if (!mo || !at(s, pos++, '-')) return std::nullopt;
  auto d = digits(s, pos, 2);
  if (!d) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*mo)},
                                        std::chrono::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  int hh = 0, mi = 0;
  double sec = 0;
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
    ++pos;
    auto h = digits(s, pos, 2);
    if (!h || !at(s, pos++, ':')) return std::nullopt;
    auto m = digits(s, pos, 2);
    if (!m) return std::nullopt;
    hh = *h;
    mi = *m;
    if (at(s, pos, ':')) {
      ++pos;
      auto whole = digits(s, pos, 2);
      if (!whole) return std::nullopt;
      sec = *whole;
      if (at(s, pos, '.') || at(s, pos, ',')) {
        ++pos;
        double scale = 0.1;
        const std::size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
          sec += (s[pos++] - '0') * scale;
          scale /= 10;
        }
        if (pos == start) return std::nullopt;
      }
    }
    if (hh > 23 || mi > 59 || sec >= 61) return std::nullopt; // 60: a leap second
  }
  auto offset = zone(s, pos);
  if (!offset) return std::nullopt;
  const double days = static_cast<double>(std::chrono::sys_days{ymd}.time_since_epoch().count());
  return days * kSecondsPerDay + hh * 3600.0 + mi * 60.0 + sec - *offset * 60.0;
}

std::optional<int> parse_utc_offset(std::string_view s) {
  if (s == "Z" || s == "UTC" || s == "utc" || s == "0") return 0;
  if (s.size() >= 2 && (s[0] == '+' || s[0] == '-') && s.size() <= 3) { // "+8", "-11"
    std::size_t pos = 1;
    auto h = digits(s, pos, s.size() - 1);
    if (!h || *h > 14) return std::nullopt;
    return (s[0] == '-' ? -1 : 1) * *h * 60;
  }
  if (s.empty() || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  return zone(s, 0);
}

std::string offset_label(int minutes) {
  if (minutes == 0) return "UTC";
  const int a = minutes < 0 ? -minutes : minutes;
  char buf[16];
  std::snprintf(buf, sizeof buf, "UTC%c%02d:%02d", minutes < 0 ? '-' : '+', a / 60, a % 60);
  return buf;
}

std::optional<double> excel_serial(double unix_seconds, int offset_minutes) {
  const double serial = (unix_seconds + offset_minutes * 60.0) / kSecondsPerDay + kExcelEpochOffsetDays;
  if (!(serial >= kExcelFirstTrustedSerial && serial < kExcelEndSerial)) return std::nullopt;
  return serial;
}

std::string format_local(double unix_seconds, int offset_minutes) {
  const Civil c = civil(unix_seconds + offset_minutes * 60.0);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02u:%02u:%02u", c.year, c.month, c.day, c.hour, c.minute,
                c.second);
  return buf;
}

std::string format_utc_iso(double unix_seconds) {
  const Civil c = civil(unix_seconds);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02u:%02u:%02uZ", c.year, c.month, c.day, c.hour, c.minute,
                c.second);
  return buf;
}

} // namespace qloop::ledger
