#include "report_pdf/time_text.hpp"

namespace qloop::reportpdf {

std::string display_time(const std::string &iso) {
  // YYYY-MM-DD[(T| )HH:MM[:SS[.fff]][Z|+hh:mm|-hh:mm]]
  auto digits = [&](std::size_t at, std::size_t n) {
    if (at + n > iso.size()) return false;
    for (std::size_t i = at; i < at + n; ++i)
      if (iso[i] < '0' || iso[i] > '9') return false;
    return true;
  };
  if (!digits(0, 4) || iso.size() < 10 || iso[4] != '-' || !digits(5, 2) || iso[7] != '-' || !digits(8, 2))
    return iso;
  const std::string date = iso.substr(0, 10);
  if (iso.size() == 10) return date;
  if ((iso[10] != 'T' && iso[10] != ' ') || !digits(11, 2) || iso.size() < 16 || iso[13] != ':' ||
      !digits(14, 2))
    return iso;
  std::size_t i = 16;
  if (i < iso.size() && iso[i] == ':') {
    if (!digits(i + 1, 2)) return iso;
    i += 3;
    if (i < iso.size() && iso[i] == '.') {
      ++i;
      if (!digits(i, 1)) return iso;
      while (digits(i, 1)) ++i;
    }
  }
  const std::string zone = iso.substr(i);
  const bool offset = (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && digits(i + 1, 2) &&
                       zone[3] == ':' && digits(i + 4, 2)) ||
                      (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-') && digits(i + 1, 4));
  if (!zone.empty() && zone != "Z" && !offset) return iso;
  return date + " " + iso.substr(11, 5) + (zone.empty() ? "" : zone == "Z" ? " UTC" : " " + zone);
}

} // namespace qloop::reportpdf
