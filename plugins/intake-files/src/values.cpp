#include "values.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <limits>
#include <regex>

namespace qloop::intake_files {
namespace {

// Longer values are not dates or numbers; std::regex recurses per character,
// so a 10 MB cell must never reach it.
constexpr std::size_t kMaxValueBytes = 200;

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char &c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

int to_int(const std::ssub_match &m) { return m.matched ? std::stoi(m.str()) : 0; }

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}

// A cursor over a value for the date scanner.
struct Scanner {
  std::string_view s;
  std::size_t pos = 0;
  explicit Scanner(std::string_view text) : s(text) {}

  bool done() const { return pos >= s.size(); }
  bool peek_digit() const { return !done() && s[pos] >= '0' && s[pos] <= '9'; }
  // Between `min` and `max` digits into `out`.
  bool digits(std::size_t min, std::size_t max, int &out) {
    std::size_t n = 0;
    int v = 0;
    while (n < max && peek_digit()) {
      v = v * 10 + (s[pos++] - '0');
      ++n;
    }
    if (n < min) {
      pos -= n;
      return false;
    }
    out = v;
    return true;
  }
  bool literal(std::string_view lit) {
    if (s.substr(pos, lit.size()) != lit) return false;
    pos += lit.size();
    return true;
  }
  bool one_of(std::string_view chars) {
    if (done() || chars.find(s[pos]) == std::string_view::npos) return false;
    ++pos;
    return true;
  }
  bool colon() { return literal(":") || literal("："); }
  bool spaces() {
    const std::size_t start = pos;
    while (!done() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
    return pos > start;
  }
};

bool strip_suffix(std::string &s, std::string_view suffix) {
  if (s.size() < suffix.size() || s.compare(s.size() - suffix.size(), suffix.size(), suffix) != 0)
    return false;
  s.erase(s.size() - suffix.size());
  return true;
}

} // namespace

std::optional<UtcOffset> parse_offset(std::string_view text) {
  if (text.size() > kMaxValueBytes) return std::nullopt;
  std::string s = clean_text(text);
  std::string low = lower_ascii(s);
  if (low == "z" || low == "utc" || low == "gmt") return UtcOffset{0, "Z"};
  if (low.rfind("utc", 0) == 0 || low.rfind("gmt", 0) == 0) s = s.substr(3);
  static const std::regex pattern(R"(([+-])(\d{1,2})(?::?(\d{2}))?)");
  std::smatch m;
  if (!std::regex_match(s, m, pattern)) return std::nullopt;
  const int h = to_int(m[2]), mi = to_int(m[3]);
  if (h > 14 || mi > 59) return std::nullopt;
  const int minutes = (m[1] == "-" ? -1 : 1) * (h * 60 + mi);
  if (minutes == 0) return UtcOffset{0, "Z"};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", minutes < 0 ? '-' : '+', h, mi);
  return UtcOffset{minutes, buf};
}

std::optional<std::string> normalize_datetime(std::string_view text, const UtcOffset &naive) {
  if (text.size() > kMaxValueBytes) return std::nullopt;
  const std::string s = clean_text(text);
  Scanner in(s);
  // The date: Y-M-D (- / .), YYYYMMDD, or Y年M月D日.
  int y = 0, mo = 0, d = 0;
  if (!in.digits(4, 4, y)) return std::nullopt;
  if (in.one_of("-/.")) {
    const char sep = s[in.pos - 1];
    if (!in.digits(1, 2, mo) || !in.literal(std::string_view(&sep, 1)) || !in.digits(1, 2, d))
      return std::nullopt;
  } else if (in.digits(4, 4, mo)) {
    d = mo % 100;
    mo /= 100;
  } else {
    in.spaces();
    if (!in.literal("年")) return std::nullopt;
    in.spaces();
    if (!in.digits(1, 2, mo)) return std::nullopt;
    in.spaces();
    if (!in.literal("月")) return std::nullopt;
    in.spaces();
    if (!in.digits(1, 2, d)) return std::nullopt;
    in.spaces();
    in.literal("日");
  }
  if (in.peek_digit()) return std::nullopt;
  // The time: after 'T' or spaces, H:MM[:SS[.fff]] (full-width colons too).
  int h = 0, mi = 0, sec = 0;
  const std::size_t before_time = in.pos;
  if (in.literal("T") || in.spaces()) {
    if (in.digits(1, 2, h)) {
      if (!in.colon() || !in.digits(2, 2, mi)) return std::nullopt;
      if (in.colon()) {
        if (!in.digits(2, 2, sec)) return std::nullopt;
        if (in.one_of(".,")) {
          int ignored = 0;
          if (!in.digits(1, 9, ignored)) return std::nullopt;
        }
      }
    } else {
      in.pos = before_time; // spaces before an offset, not a time
    }
  }
  // The offset.
  in.spaces();
  std::string offset = naive.text;
  if (!in.done()) {
    auto parsed = parse_offset(s.substr(in.pos));
    const std::string rest = s.substr(in.pos);
    const bool shaped = rest == "Z" || rest == "z" ||
                        ((rest[0] == '+' || rest[0] == '-') && (rest.size() == 5 || rest.size() == 6));
    if (!parsed || !shaped) return std::nullopt;
    offset = parsed->text;
  }
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || sec > 59)
    return std::nullopt;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, sec);
  return std::string(buf) + offset;
}

Quantity parse_quantity(std::string_view text) {
  static const Quantity not_whole{std::nullopt, "is not a whole number"};
  if (text.size() > kMaxValueBytes) return not_whole;
  std::string low = lower_ascii(clean_text(text));
  // A unit after the number ("12 pcs", "12个").
  for (std::string_view unit :
       {"pcs.", "pcs", "pc", "ea", "units", "个", "件", "只", "台", "片", "套", "箱", "支"})
    if (strip_suffix(low, unit)) break;
  while (!low.empty() && (low.back() == ' ' || low.back() == '\t')) low.pop_back();
  // [+-] digits, or digits in groups of three with ',' ("1,200"), then an
  // optional fraction of zeros ("12.0").
  std::size_t i = 0;
  const bool negative = !low.empty() && low[0] == '-';
  if (!low.empty() && (low[0] == '-' || low[0] == '+')) ++i;
  std::string digits;
  std::size_t group = 0;
  bool grouped = false;
  for (; i < low.size() && low[i] != '.'; ++i) {
    const char c = low[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      ++group;
    } else if (c == ',' && group > 0 && (grouped ? group == 3 : group <= 3)) {
      grouped = true;
      group = 0;
    } else {
      return not_whole;
    }
  }
  if (digits.empty() || (grouped && group != 3)) return not_whole;
  if (i < low.size() && low.find_first_not_of('0', i + 1) != std::string::npos) return not_whole;
  long long v = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || ptr != digits.data() + digits.size()) return {std::nullopt, "is too large"};
  if (negative && v != 0) return {std::nullopt, "must not be negative"};
  return {v, {}};
}

std::optional<std::string> normalize_severity(std::string_view text) {
  const std::string s = lower_ascii(clean_text(text));
  if (s == "critical" || s == "严重" || s == "致命" || s == "紧急" || s == "严重缺陷") return "critical";
  if (s == "major" || s == "一般" || s == "主要" || s == "重要" || s == "一般缺陷") return "major";
  if (s == "minor" || s == "轻微" || s == "次要" || s == "轻度" || s == "轻微缺陷") return "minor";
  return std::nullopt;
}

std::string normalize_channel(std::string_view text) {
  const std::string s = clean_text(text);
  const std::string low = lower_ascii(s);
  for (std::string_view v : {"phone", "电话", "热线", "来电", "400热线", "客服电话", "hotline", "call",
                             "call centre", "call center", "呼叫中心"})
    if (low == v) return "phone";
  for (std::string_view v : {"email", "e-mail", "mail", "邮件", "电子邮件", "邮箱"})
    if (low == v) return "email";
  for (std::string_view v :
       {"online", "web", "chat", "portal", "在线", "在线客服", "网站", "官网", "网页", "客服系统"})
    if (low == v) return "online";
  for (std::string_view v : {"social", "微信", "微博", "抖音", "小红书", "社交媒体", "wechat", "weibo"})
    if (low == v) return "social";
  return s;
}

std::string clean_text(std::string_view text) {
  auto space_at_start = [&](std::string_view s) -> std::size_t {
    if (s.empty()) return 0;
    unsigned char c = static_cast<unsigned char>(s[0]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
    if (s.substr(0, 2) == "\xC2\xA0") return 2;     // NBSP
    if (s.substr(0, 3) == "\xE3\x80\x80") return 3; // ideographic space
    return 0;
  };
  auto space_at_end = [&](std::string_view s) -> std::size_t {
    if (s.empty()) return 0;
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
    if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") return 2;
    if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") return 3;
    return 0;
  };
  while (std::size_t n = space_at_start(text)) text.remove_prefix(n);
  while (std::size_t n = space_at_end(text)) text.remove_suffix(n);
  if (text.size() >= 3 && text.substr(0, 2) == "=\"" && text.back() == '"' &&
      text.substr(2, text.size() - 3).find('"') == std::string_view::npos)
    text = text.substr(2, text.size() - 3);
  return std::string(text);
}

} // namespace qloop::intake_files
