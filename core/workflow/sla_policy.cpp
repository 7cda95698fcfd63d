#include "core/workflow/sla_policy.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>
#include <stdexcept>

#include <boost/property_tree/ini_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <date/date.h>

#include "core/config/value_parsing.hpp"
#include "core/workflow/working_calendar.hpp"

namespace qloop::workflow {
namespace pt = boost::property_tree;
using std::chrono::minutes;

namespace {

constexpr SlaTarget kAllTargets[] = {SlaTarget::FirstResponse, SlaTarget::Acknowledge, SlaTarget::Containment,
                                     SlaTarget::RootCause, SlaTarget::Closure};

// Longest target accepted: ten years. Anything longer is a typo, and the cap
// keeps every later sum of durations far from overflow.
constexpr minutes kMaxTarget{10LL * 366 * 24 * 60};
// Longest holiday range: a year; "2026-01-01..2027-01-01" is fine, a typo in
// the year is not silently turned into thousands of holidays.
constexpr int kMaxRangeDays = 366;

// A finding while reading; load() turns it into one message with the file.
struct LoadError {
  std::string section;
  std::string key;
  std::string message;
};

[[noreturn]] void fail(const std::string &section, const std::string &key, const std::string &message) {
  throw LoadError{section, key, message};
}

std::map<SlaTarget, ClockKind> default_clocks() {
  // First response, acknowledgement and containment are promises to a
  // customer whose line may be down: they run day and night. Root cause and
  // closure are engineering work and run on working time.
  return {{SlaTarget::FirstResponse, ClockKind::Calendar},
          {SlaTarget::Acknowledge, ClockKind::Calendar},
          {SlaTarget::Containment, ClockKind::Calendar},
          {SlaTarget::RootCause, ClockKind::Working},
          {SlaTarget::Closure, ClockKind::Working}};
}

std::vector<EscalationLevel> default_escalation() {
  return {{"owner", 0.5}, {"manager", 0.8}, {"head_of_quality", 1.0}};
}

// ---- values -------------------------------------------------------------

// "HH:MM"; 24:00 only where allowed (the end of a working day).
std::optional<minutes> parse_time_of_day(const std::string &text, bool allow_24) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  auto num = [&](std::size_t pos) -> int {
    if (!std::isdigit(static_cast<unsigned char>(text[pos])) ||
        !std::isdigit(static_cast<unsigned char>(text[pos + 1])))
      return -1;
    return (text[pos] - '0') * 10 + (text[pos + 1] - '0');
  };
  int h = num(0), m = num(3);
  if (h < 0 || m < 0 || m > 59) return std::nullopt;
  if (h > 24 || (h == 24 && (!allow_24 || m != 0))) return std::nullopt;
  return minutes{h * 60 + m};
}

std::string hhmm(minutes m) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(m.count() / 60),
                static_cast<int>(m.count() % 60));
  return buf;
}

std::optional<int> parse_weekday(const std::string &text) {
  static const char *const names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  std::string t = text;
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
  for (int i = 0; i < 7; ++i)
    if (t == names[i] || t == std::to_string(i + 1)) return i + 1;
  return std::nullopt;
}

struct ParsedDuration {
  minutes value{0};
  bool calendar_days = false; // used the `d` unit
  bool working_days = false;  // used the `wd` unit
};

// One or more <whole number><unit> parts, optionally separated by spaces:
// "30m", "2h", "1h30m", "3d", "5wd", "2wd 4h". Units: m, h, d (24 h), wd (one
// working day, `working_day` long). Nothing when the text does not fit.
std::optional<ParsedDuration> parse_duration(const std::string &text, minutes working_day) {
  ParsedDuration out;
  std::size_t i = 0;
  bool any = false;
  while (i < text.size()) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    long long n = 0;
    auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), n);
    if (ec != std::errc() || end == text.data() + i || n < 0) return std::nullopt;
    i = static_cast<std::size_t>(end - text.data());
    minutes unit{0};
    if (text.compare(i, 2, "wd") == 0) {
      unit = working_day;
      out.working_days = true;
      i += 2;
    } else if (i < text.size() && (text[i] == 'd' || text[i] == 'h' || text[i] == 'm')) {
      unit = text[i] == 'd' ? minutes{24 * 60} : text[i] == 'h' ? minutes{60} : minutes{1};
      out.calendar_days = out.calendar_days || text[i] == 'd';
      ++i;
    } else {
      return std::nullopt;
    }
    if (n > kMaxTarget.count()) return std::nullopt; // also keeps n * unit from overflowing
    out.value += n * unit;
    if (out.value > kMaxTarget) return std::nullopt;
    any = true;
  }
  if (!any) return std::nullopt;
  return out;
}

const char *const kDurationHelp =
    "expected a duration such as 30m, 2h, 1h30m, 3d or 5wd (whole numbers; units m, "
    "h, d = 24 hours, wd = one working day), at most 10 years";

// ---- sections -------------------------------------------------------------

std::string value_of(const pt::ptree &node) { return config::trim(node.data()); }

void read_time_zone(const std::string &v, WorkingCalendar &cal) {
  if (v.empty())
    fail("calendar", "time_zone", "expected an IANA time zone name such as Asia/Shanghai or UTC");
  try {
    date::locate_zone(v);
  } catch (const std::exception &) {
    fail("calendar", "time_zone",
         "unknown time zone '" + v + "' (expected an IANA name such as Asia/Shanghai, Europe/Berlin or UTC)");
  }
  cal.time_zone = v;
}

void read_working_days(const std::string &v, WorkingCalendar &cal) {
  const char *help =
      "expected weekdays mon..sun or ISO numbers 1..7 (Monday = 1), comma-separated, ranges like "
      "mon-fri allowed";
  std::set<int> days;
  for (const auto &item : config::split_list(v, ',')) {
    auto dash = item.find('-');
    auto first = parse_weekday(config::trim(item.substr(0, dash)));
    auto last = dash == std::string::npos ? first : parse_weekday(config::trim(item.substr(dash + 1)));
    if (!first || !last || *last < *first)
      fail("calendar", "working_days", "bad day '" + item + "': " + help);
    for (int d = *first; d <= *last; ++d) days.insert(d);
  }
  if (days.empty()) fail("calendar", "working_days", std::string("no working day given; ") + help);
  cal.working_days.assign(days.begin(), days.end());
}

void read_day_time(const std::string &key, const std::string &v, minutes &out) {
  auto t = parse_time_of_day(v, key == "day_end");
  if (!t) fail("calendar", key, "bad time '" + v + "' (expected local time of day HH:MM, 24-hour clock)");
  out = *t;
}

void read_calendar(const pt::ptree &section, WorkingCalendar &cal) {
  for (const auto &[key, node] : section) {
    std::string v = value_of(node);
    if (key == "time_zone")
      read_time_zone(v, cal);
    else if (key == "working_days")
      read_working_days(v, cal);
    else if (key == "day_start" || key == "day_end")
      read_day_time(key, v, key == "day_start" ? cal.day_start : cal.day_end);
    else
      fail("calendar", key, "unknown key (expected time_zone, working_days, day_start or day_end)");
  }
  if (cal.day_end <= cal.day_start)
    fail("calendar", "day_end",
         hhmm(cal.day_end) + " is not after day_start " + hhmm(cal.day_start) +
             " (expected a working day within one local day; night shifts are not supported)");
}

// "YYYY-MM-DD" or an inclusive range "YYYY-MM-DD..YYYY-MM-DD", as single dates.
void expand_dates(const std::string &section, const std::string &key, const std::string &item,
                  std::vector<std::string> &out) {
  auto dots = item.find("..");
  auto first = detail::parse_local_date(config::trim(item.substr(0, dots)));
  auto last =
      dots == std::string::npos ? first : detail::parse_local_date(config::trim(item.substr(dots + 2)));
  if (!first || !last)
    fail(section, key, "bad date '" + item + "' (expected YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD)");
  if (*last < *first || (*last - *first).count() >= kMaxRangeDays)
    fail(section, key,
         "bad range '" + item + "' (expected the first date not after the last, at most a year)");
  for (auto d = *first; d <= *last; d += date::days{1}) out.push_back(date::format("%F", d));
}

// [holidays] and [extra_working_days]: any key (a label such as the year),
// each value a comma-separated list of dates and ranges.
std::vector<std::string> read_date_section(const std::string &name, const pt::ptree &section) {
  std::vector<std::string> dates;
  for (const auto &[key, node] : section)
    for (const auto &item : config::split_list(value_of(node), ',')) expand_dates(name, key, item, dates);
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  return dates;
}

// A date cannot be both: the file would say two things about one day.
void check_no_overlap(const pt::ptree &extra_section, const WorkingCalendar &cal) {
  for (const auto &[key, node] : extra_section) {
    std::vector<std::string> dates;
    for (const auto &item : config::split_list(value_of(node), ','))
      expand_dates("extra_working_days", key, item, dates);
    for (const auto &d : dates)
      if (std::binary_search(cal.holidays.begin(), cal.holidays.end(), d))
        fail("extra_working_days", key,
             d + " is also listed in [holidays] (expected a date in only one of them)");
  }
}

std::optional<SlaTarget> target_from_key(const std::string &key) {
  for (auto t : kAllTargets)
    if (key == sla_target_name(t)) return t;
  return std::nullopt;
}

const char *const kTargetHelp = "expected first_response, acknowledge, d3, d4 or d8";

void read_clocks(const pt::ptree &section, std::map<SlaTarget, ClockKind> &clocks) {
  for (const auto &[key, node] : section) {
    auto target = target_from_key(key);
    if (!target) fail("clocks", key, std::string("unknown target (") + kTargetHelp + ")");
    std::string v = value_of(node);
    if (v == "calendar")
      clocks[*target] = ClockKind::Calendar;
    else if (v == "working")
      clocks[*target] = ClockKind::Working;
    else
      fail("clocks", key, "bad clock '" + v + "' (expected calendar or working)");
  }
}

std::vector<EscalationLevel> read_escalation(const pt::ptree &section) {
  std::vector<EscalationLevel> levels;
  for (const auto &[role, node] : section) {
    // The INI reader drops an empty section, so "no escalation" is written
    // as a role switched off: the section is there and lists no level.
    if (value_of(node) == "off") continue;
    auto f = config::parse_double(node.data());
    if (!f || *f <= 0)
      fail("escalation", role,
           "bad fraction '" + value_of(node) +
               "' (expected a number > 0 of the target elapsed, e.g. 0.5 or 1.0)");
    for (const auto &l : levels)
      if (l.fraction == *f)
        fail("escalation", role, "fraction " + value_of(node) + " is already used by " + l.role);
    levels.push_back({role, *f});
  }
  std::sort(levels.begin(), levels.end(),
            [](const auto &a, const auto &b) { return a.fraction < b.fraction; });
  return levels;
}

// A duration's units must fit its target's clock: `d` is 24 hours of the
// calendar and `wd` a working day, so each is refused on the other clock
// rather than silently meaning something else.
minutes read_target_duration(const std::string &section, const std::string &key, const std::string &v,
                             ClockKind clock, minutes working_day) {
  auto d = parse_duration(v, working_day);
  if (!d) fail(section, key, "bad duration '" + v + "' (" + kDurationHelp + ")");
  if (d->value <= minutes{0})
    fail(section, key, "duration '" + v + "' is zero (expected a positive duration)");
  if (clock == ClockKind::Working && d->calendar_days)
    fail(section, key,
         "'" + v + "': " + key +
             " runs on the working clock, where d (24 hours) is ambiguous (expected wd for "
             "working days, or h/m for working hours)");
  if (clock == ClockKind::Calendar && d->working_days)
    fail(section, key,
         "'" + v + "': " + key +
             " runs on the calendar clock, where wd has no meaning (expected d, h or m, or set "
             "[clocks] " +
             key + " = working)");
  return d->value;
}

std::map<SlaTarget, minutes> read_targets(const std::string &section_name, const pt::ptree &section,
                                          const SlaPolicy &policy) {
  const minutes working_day = policy.calendar.day_end - policy.calendar.day_start;
  std::map<SlaTarget, minutes> out;
  for (const auto &[key, node] : section) {
    auto target = target_from_key(key);
    if (!target) fail(section_name, key, std::string("unknown target (") + kTargetHelp + ")");
    auto clock = policy.clocks.count(*target) ? policy.clocks.at(*target) : ClockKind::Calendar;
    out[*target] = read_target_duration(section_name, key, value_of(node), clock, working_day);
  }
  return out;
}

const pt::ptree *child(const pt::ptree &root, const std::string &name) {
  auto it = root.find(name);
  return it == root.not_found() ? nullptr : &it->second;
}

void check_sections(const pt::ptree &root) {
  static const std::set<std::string> known = {
      "calendar", "holidays", "extra_working_days", "clocks", "escalation", "critical", "major", "minor"};
  for (const auto &[name, node] : root) {
    // ptree's INI reader keeps a key written before any section as a root
    // child with a value; a section is a child with children or none.
    if (!node.data().empty() && node.empty())
      fail("", name, "key outside any section (expected it under a [section])");
    if (!known.count(name))
      fail(name, "",
           "unknown section (expected calendar, holidays, extra_working_days, clocks, escalation, or a "
           "severity: "
           "critical, major, minor)");
  }
}

SlaPolicy read_policy(const pt::ptree &root) {
  check_sections(root);
  SlaPolicy p;
  p.clocks = default_clocks();
  p.escalation = default_escalation();
  if (auto s = child(root, "calendar")) read_calendar(*s, p.calendar);
  if (auto s = child(root, "holidays")) p.calendar.holidays = read_date_section("holidays", *s);
  if (auto s = child(root, "extra_working_days")) {
    p.calendar.extra_working_days = read_date_section("extra_working_days", *s);
    check_no_overlap(*s, p.calendar);
  }
  if (auto s = child(root, "clocks")) read_clocks(*s, p.clocks);
  if (auto s = child(root, "escalation")) p.escalation = read_escalation(*s);
  for (auto sev : {domain::Severity::Critical, domain::Severity::Major, domain::Severity::Minor}) {
    std::string name = domain::severity_name(sev);
    if (auto s = child(root, name)) p.targets[sev] = read_targets(name, *s, p);
  }
  if (p.targets.empty())
    fail("", "", "no targets (expected at least one of the sections [critical], [major], [minor])");
  return p;
}

std::string where(const LoadError &e) {
  std::string out;
  if (!e.section.empty()) out += " [" + e.section + "]";
  if (!e.key.empty()) out += " " + e.key;
  return out;
}

} // namespace

const char *sla_target_name(SlaTarget t) {
  switch (t) {
  case SlaTarget::FirstResponse: return "first_response";
  case SlaTarget::Acknowledge: return "acknowledge";
  case SlaTarget::Containment: return "d3";
  case SlaTarget::RootCause: return "d4";
  default: return "d8";
  }
}

std::optional<SlaTarget> parse_sla_target(const std::string &name) { return target_from_key(name); }

SlaPolicy SlaPolicy::load(const std::filesystem::path &file) {
  pt::ptree root;
  try {
    pt::read_ini(file.string(), root);
  } catch (const pt::ini_parser_error &e) {
    std::string line = e.line() ? ":" + std::to_string(e.line()) : "";
    throw std::runtime_error(file.string() + line + ": " + e.message() + " (expected an INI file)");
  }
  try {
    return read_policy(root);
  } catch (const LoadError &e) {
    throw std::runtime_error(file.string() + ":" + where(e) + ": " + e.message);
  }
}

SlaPolicy SlaPolicy::defaults() {
  using namespace std::chrono_literals;
  SlaPolicy p;
  p.clocks = default_clocks();
  p.escalation = default_escalation();
  // Working-clock targets are whole working days of the default calendar
  // (08:30-17:30, 9 hours), written as in config/sla.ini.
  const minutes wd = p.calendar.day_end - p.calendar.day_start;
  using enum SlaTarget;
  p.targets[domain::Severity::Critical] = {{FirstResponse, 30min},
                                           {Acknowledge, 24h},
                                           {Containment, 24h},
                                           {RootCause, 3 * wd},
                                           {Closure, 10 * wd}};
  p.targets[domain::Severity::Major] = {
      {FirstResponse, 2h}, {Acknowledge, 24h}, {Containment, 48h}, {RootCause, 5 * wd}, {Closure, 20 * wd}};
  p.targets[domain::Severity::Minor] = {
      {FirstResponse, 4h}, {Acknowledge, 24h}, {Containment, 72h}, {RootCause, 10 * wd}, {Closure, 30 * wd}};
  return p;
}

} // namespace qloop::workflow
