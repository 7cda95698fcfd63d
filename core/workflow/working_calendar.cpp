#include "core/workflow/working_calendar.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace qloop::workflow::detail {
namespace {

// Digits only, so "+1" or " 1" in a date is refused rather than read.
std::optional<int> digits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::vector<date::local_days> parse_dates(const std::vector<std::string> &texts, const char *what) {
  std::vector<date::local_days> out;
  out.reserve(texts.size());
  for (const auto &t : texts) {
    auto d = parse_local_date(t);
    if (!d) throw std::invalid_argument(std::string("working calendar: bad ") + what + " date '" + t + "'");
    out.push_back(*d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool contains(const std::vector<date::local_days> &sorted, date::local_days day) {
  return std::binary_search(sorted.begin(), sorted.end(), day);
}

const date::time_zone *find_zone(const std::string &name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception &) {
    throw std::invalid_argument("working calendar: unknown time zone '" + name + "'");
  }
}

} // namespace

std::optional<date::local_days> parse_local_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = digits(text.substr(0, 4)), m = digits(text.substr(5, 2)), d = digits(text.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                           date::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return date::local_days{ymd};
}

CompiledCalendar::CompiledCalendar(const WorkingCalendar &calendar)
    : zone_(find_zone(calendar.time_zone)), day_start_(calendar.day_start), day_end_(calendar.day_end),
      holidays_(parse_dates(calendar.holidays, "holiday")),
      extra_days_(parse_dates(calendar.extra_working_days, "extra working day")) {
  using std::chrono::minutes;
  if (day_start_ < minutes{0} || day_end_ > minutes{24 * 60} || day_end_ <= day_start_)
    throw std::invalid_argument("working calendar: day_end must be after day_start, both within one day");
  for (int wd : calendar.working_days) {
    if (wd < 1 || wd > 7) throw std::invalid_argument("working calendar: weekday outside 1..7");
    weekday_mask_ |= 1u << wd;
  }
}

bool CompiledCalendar::is_working_day(date::local_days day) const {
  // An extra working day (调休) is worked whatever its weekday.
  if (contains(extra_days_, day)) return true;
  unsigned iso = date::weekday{day}.iso_encoding();
  return (weekday_mask_ & (1u << iso)) != 0 && !contains(holidays_, day);
}

bool CompiledCalendar::no_working_day_after(date::local_days day) const {
  return weekday_mask_ == 0 && (extra_days_.empty() || extra_days_.back() <= day);
}

Span CompiledCalendar::working_span(date::local_days day) const {
  // Working hours are local wall-clock hours, so a DST change moves them in
  // UTC. A local time skipped by a spring-forward gap maps to the transition
  // instant; a repeated one (fall-back) to its first occurrence.
  auto from = zone_->to_sys(day + day_start_, date::choose::earliest);
  auto to = zone_->to_sys(day + day_end_, date::choose::earliest);
  return {std::chrono::time_point_cast<std::chrono::seconds>(from),
          std::chrono::time_point_cast<std::chrono::seconds>(to)};
}

date::local_days CompiledCalendar::local_day(Timestamp t) const {
  return date::floor<date::days>(zone_->to_local(t));
}

WorkingSpans::WorkingSpans(const CompiledCalendar &calendar, Timestamp from)
    : calendar_(calendar), day_(calendar.local_day(from)) {}

Span WorkingSpans::next() {
  for (;;) {
    // Steps are whole days; a working week has at most 6 idle days in a row
    // plus holidays, so this loop is short.
    while (!calendar_.is_working_day(day_)) {
      if (calendar_.no_working_day_after(day_)) return {kForever, kForever};
      day_ += date::days{1};
    }
    Span span = calendar_.working_span(day_);
    day_ += date::days{1};
    if (span.from < span.to) return span; // empty only if DST swallowed the hours
  }
}

void WorkingSpans::skip_to(Timestamp t) { day_ = std::max(day_, calendar_.local_day(t)); }

} // namespace qloop::workflow::detail
