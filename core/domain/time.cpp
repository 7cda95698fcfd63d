#include "core/domain/time.hpp"

#include <cstdio>
#include <regex>

#include <date/date.h>

namespace qloop::domain {

std::string format_iso(Timestamp t) { return date::format("%Y-%m-%dT%H:%M:%SZ", t); }

std::optional<Timestamp> parse_iso(const std::string &text) {
  static const std::regex pattern(
      R"((\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)");
  std::smatch m;
  if (!std::regex_match(text, m, pattern)) return std::nullopt;
  int y = std::stoi(m[1]), mo = std::stoi(m[2]), d = std::stoi(m[3]);
  int h = std::stoi(m[4]), mi = std::stoi(m[5]), s = m[6].matched ? std::stoi(m[6]) : 0;
  auto ymd = date::year{y} / mo / d;
  if (!ymd.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
  Timestamp t =
      date::sys_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{s};
  if (m[7].matched && m[7] != "Z") {
    std::string off = m[7];
    int sign = off[0] == '-' ? -1 : 1;
    std::string digits;
    for (char c : off.substr(1))
      if (c != ':') digits += c;
    int oh = std::stoi(digits.substr(0, 2)), om = std::stoi(digits.substr(2, 2));
    t -= sign * (std::chrono::hours{oh} + std::chrono::minutes{om});
  }
  return t;
}

} // namespace qloop::domain
