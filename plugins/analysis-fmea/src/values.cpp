#include "values.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <qloop/plugin.hpp>

namespace qloop::fmea {
namespace {

using sdk::InvalidInput;

std::string trim(std::string s) {
  const char *blanks = " \t\r\n";
  auto b = s.find_first_not_of(blanks);
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(blanks);
  return s.substr(b, e - b + 1);
}

// What the user gave, short, for error messages.
std::string shown(const nlohmann::json &v) {
  std::string s = v.is_string() ? "'" + v.get<std::string>() + "'" : v.dump();
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  return s;
}

[[noreturn]] void fail(const std::string &path, const std::string &rule) {
  throw InvalidInput("field '" + path + "': " + rule);
}

bool parse_whole(const std::string &text, long long &out) {
  const char *b = text.data(), *e = text.data() + text.size();
  auto [p, ec] = std::from_chars(b, e, out);
  return ec == std::errc() && p == e;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

} // namespace

bool is_blank(const nlohmann::json &v) {
  return v.is_null() || (v.is_string() && trim(v.get<std::string>()).empty());
}

int parse_rating(const nlohmann::json &v, const std::string &path, const std::string &label) {
  const std::string rule = label + " must be an integer from 1 to 10";
  if (is_blank(v)) fail(path, rule + " (it is missing)");
  double value = 0;
  if (v.is_number()) {
    value = v.get<double>();
  } else if (v.is_string()) {
    long long whole = 0;
    if (!parse_whole(trim(v.get<std::string>()), whole)) fail(path, rule + " (got " + shown(v) + ")");
    value = static_cast<double>(whole);
  } else {
    fail(path, rule + " (got " + shown(v) + ")");
  }
  if (!std::isfinite(value) || value != std::floor(value) || value < 1 || value > 10)
    fail(path, rule + " (got " + shown(v) + ")");
  return static_cast<int>(value);
}

std::optional<int> parse_optional_rating(const nlohmann::json &v, const std::string &path,
                                         const std::string &label) {
  if (is_blank(v)) return std::nullopt;
  return parse_rating(v, path, label);
}

std::string text_of(const nlohmann::json &v) {
  if (v.is_null()) return "";
  if (v.is_string()) return trim(v.get<std::string>());
  if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15)
      return std::to_string(static_cast<long long>(d));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", d);
    return buf;
  }
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return v.dump();
}

bool valid_iso_date(const std::string &text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  long long y = 0, m = 0, d = 0;
  if (!parse_whole(text.substr(0, 4), y) || !parse_whole(text.substr(5, 2), m) ||
      !parse_whole(text.substr(8, 2), d))
    return false;
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  int limit = days[m - 1] + (m == 2 && leap(static_cast<int>(y)) ? 1 : 0);
  return d <= limit;
}

std::string parse_date(const nlohmann::json &v, const std::string &path) {
  if (is_blank(v)) return "";
  const std::string rule = "must be a date YYYY-MM-DD";
  if (!v.is_string()) fail(path, rule + " (got " + shown(v) + ")");
  std::string text = trim(v.get<std::string>());
  auto cut = text.find_first_of("T ");
  if (cut != std::string::npos) text = text.substr(0, cut);
  for (char &c : text)
    if (c == '/' || c == '.') c = '-';
  // Allow single-digit month/day (2024-3-7), common in hand-typed sheets.
  auto first = text.find('-'), second = text.find('-', first == std::string::npos ? 0 : first + 1);
  if (first != std::string::npos && second != std::string::npos) {
    std::string y = text.substr(0, first), m = text.substr(first + 1, second - first - 1),
                d = text.substr(second + 1);
    if (m.size() == 1) m = "0" + m;
    if (d.size() == 1) d = "0" + d;
    text = y + "-" + m + "-" + d;
  }
  if (!valid_iso_date(text)) fail(path, rule + " (got " + shown(v) + ")");
  return text;
}

long long parse_count(const nlohmann::json &v, const std::string &path) {
  const std::string rule = "must be a whole number >= 0";
  long long out = 0;
  if (v.is_number()) {
    double d = v.get<double>();
    if (!std::isfinite(d) || d != std::floor(d) || d < 0 || d > 1e15)
      fail(path, rule + " (got " + shown(v) + ")");
    return static_cast<long long>(d);
  }
  if (v.is_string() && parse_whole(trim(v.get<std::string>()), out) && out >= 0) return out;
  fail(path, rule + " (got " + shown(v) + ")");
}

double parse_positive(const nlohmann::json &v, const std::string &path) {
  const std::string rule = "must be a number > 0";
  double d = 0;
  if (v.is_number()) {
    d = v.get<double>();
  } else if (v.is_string()) {
    // strtod, not from_chars: libc++ 14 has no floating-point from_chars.
    std::string t = trim(v.get<std::string>());
    char *end = nullptr;
    d = t.empty() ? 0 : std::strtod(t.c_str(), &end);
    if (t.empty() || end != t.c_str() + t.size()) fail(path, rule + " (got " + shown(v) + ")");
  } else {
    fail(path, rule + " (got " + shown(v) + ")");
  }
  if (!std::isfinite(d) || d <= 0) fail(path, rule + " (got " + shown(v) + ")");
  return d;
}

} // namespace qloop::fmea
