#include "dates.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>

#include <glib.h>

namespace qloop::intake_email {

std::string iso_from(GDateTime *time) {
  char *text = g_date_time_format(time, "%Y-%m-%dT%H:%M:%S%:z");
  std::string out = text != nullptr ? text : "";
  g_free(text);
  return out;
}

std::optional<std::string> internaldate_to_iso(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  int day = 0, year = 0, hour = 0, minute = 0, second = 0, zone = 0;
  char month[4] = {};
  char sign = 0;
  const std::string s(text);
  if (std::sscanf(s.c_str(), "%2d-%3c-%4d %2d:%2d:%2d %c%4d", &day, month, &year, &hour, &minute, &second,
                  &sign, &zone) != 8)
    return std::nullopt;
  static const std::array<const char *, 12> names = {"jan", "feb", "mar", "apr", "may", "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};
  int m = 0;
  for (int i = 0; i < 12; ++i)
    if (std::tolower(static_cast<unsigned char>(month[0])) == names[i][0] &&
        std::tolower(static_cast<unsigned char>(month[1])) == names[i][1] &&
        std::tolower(static_cast<unsigned char>(month[2])) == names[i][2])
      m = i + 1;
  if (m == 0 || (sign != '+' && sign != '-') || day < 1 || day > 31 || hour > 23 || minute > 59 ||
      second > 60)
    return std::nullopt;
  if (year < 1000 || year > 9999 || zone < 0 || zone > 1400) return std::nullopt;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", year, m, day, hour, minute,
                second, sign, zone / 100, zone % 100);
  return std::string(buf);
}

std::string utc_now_iso() {
  GDateTime *now = g_date_time_new_now_utc();
  char *text = g_date_time_format(now, "%Y-%m-%dT%H:%M:%SZ");
  std::string out = text;
  g_free(text);
  g_date_time_unref(now);
  return out;
}

} // namespace qloop::intake_email
