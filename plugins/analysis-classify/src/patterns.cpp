#include "patterns.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace qloop::classify {
namespace {

bool has_regex_syntax(const std::string &p) { return p.find_first_of("\\^$.?*+()[]{}") != std::string::npos; }

// Lower-cases ASCII letters except the one right after a backslash, so \D,
// \S, \W and \B keep their meaning; the text is lower case already, so this
// is case-insensitive matching without icase, which is 2-3 times slower in
// libstdc++.
std::string lower_outside_escapes(const std::string &p) {
  std::string out = p;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\\') {
      ++i;
      continue;
    }
    if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
  }
  return out;
}

std::size_t utf8_len(unsigned char c) { return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4; }

bool glob_match(std::string_view p, std::string_view s) {
  std::size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
  while (si < s.size()) {
    if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = si;
    } else if (pi < p.size() && p[pi] == '?') {
      ++pi;
      si = std::min(s.size(), si + utf8_len(static_cast<unsigned char>(s[si])));
    } else if (pi < p.size() && p[pi] == s[si]) {
      ++pi;
      ++si;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      mark = std::min(s.size(), mark + utf8_len(static_cast<unsigned char>(s[mark])));
      si = mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

std::vector<std::string> split_bars(const std::string &s) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (true) {
    const std::size_t bar = s.find('|', from);
    out.push_back(s.substr(from, bar == std::string::npos ? std::string::npos : bar - from));
    if (bar == std::string::npos) return out;
    from = bar + 1;
  }
}

} // namespace

TextPattern::TextPattern(const std::string &pattern) {
  if (!has_regex_syntax(pattern)) {
    for (const auto &alt : split_bars(pattern)) literals_.push_back(normalize(alt, 4096));
  } else {
    const std::string lowered = lower_outside_escapes(pattern);
    regex_.emplace(lowered, std::regex::ECMAScript);
    literals_ = required_literals(lowered);
  }
  if (search("").has_value())
    throw std::invalid_argument("matches an empty text, so it would match every complaint (an empty "
                                "alternative?)");
}

std::optional<std::string_view> TextPattern::search(std::string_view text) const {
  if (regex_) {
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_search(text.begin(), text.end(), m, *regex_)) return std::nullopt;
    return text.substr(static_cast<std::size_t>(m.position(0)), static_cast<std::size_t>(m.length(0)));
  }
  // The leftmost match, and there the first alternative that matches:
  // what an ECMAScript regex reports (its | is ordered, not longest).
  std::size_t best = std::string_view::npos, best_len = 0;
  for (const auto &lit : literals_) {
    const std::size_t at = lit.empty() ? 0 : text.find(lit);
    if (at == std::string_view::npos || at >= best) continue;
    best = at;
    best_len = lit.size();
  }
  if (best == std::string_view::npos) return std::nullopt;
  return text.substr(best, best_len);
}

void TextPattern::bind(LiteralIndex &index) {
  ids_.clear();
  for (const auto &l : literals_) ids_.push_back(index.add(l));
}

std::optional<std::string_view> TextPattern::search(std::string_view text, const LiteralHits &hits) const {
  if (regex_) {
    if (!literals_.empty() && std::none_of(ids_.begin(), ids_.end(), [&](std::uint32_t id) {
          return hits.at(id) != LiteralHits::kNone;
        }))
      return std::nullopt;
    return search(text);
  }
  std::uint32_t best = LiteralHits::kNone;
  std::size_t best_len = 0;
  for (std::size_t k = 0; k < ids_.size(); ++k) {
    const std::uint32_t at = hits.at(ids_[k]);
    if (at >= best) continue; // strictly left of the best: the first alternative wins a tie
    best = at;
    best_len = literals_[k].size();
  }
  if (best == LiteralHits::kNone) return std::nullopt;
  return text.substr(best, best_len);
}

namespace {

// End of the group or class starting at p[i] ('(' or '['), or npos.
std::size_t skip_bracket(const std::string &p, std::size_t i) {
  if (p[i] == '[') {
    for (std::size_t j = i + 1; j < p.size(); ++j) {
      if (p[j] == '\\')
        ++j;
      else if (p[j] == ']')
        return j + 1;
    }
    return std::string::npos;
  }
  int depth = 0;
  for (std::size_t j = i; j < p.size(); ++j) {
    if (p[j] == '\\') {
      ++j;
    } else if (p[j] == '[') {
      j = skip_bracket(p, j);
      if (j == std::string::npos) return j;
      --j;
    } else if (p[j] == '(') {
      ++depth;
    } else if (p[j] == ')' && --depth == 0) {
      return j + 1;
    }
  }
  return std::string::npos;
}

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// The longest literal run one alternative requires; "" when none (or when
// the alternative is beyond this little parser: then the regex just runs).
std::string required_run(const std::string &a) {
  std::string best, run;
  auto end_run = [&] {
    if (run.size() > best.size()) best = run;
    run.clear();
  };
  std::size_t i = 0;
  while (i < a.size()) {
    bool literal = false;
    char ch = a[i];
    if (ch == '\\') {
      if (i + 1 >= a.size()) return "";
      const char e = a[i + 1];
      i += 2;
      if (std::isalnum(static_cast<unsigned char>(e))) {
        // \d \w \s \b ... are classes or assertions; skip the operands of \x \u \c and backreferences.
        if (e == 'x')
          i += 2;
        else if (e == 'u')
          i += 4;
        else if (e == 'c')
          i += 1;
        else if (std::isdigit(static_cast<unsigned char>(e)))
          while (i < a.size() && std::isdigit(static_cast<unsigned char>(a[i]))) ++i;
        if (i > a.size() || (e == 'x' && !(is_hex(a[i - 1]) && is_hex(a[i - 2])))) return "";
      } else {
        literal = true;
        ch = e;
      }
    } else if (ch == '[' || ch == '(') {
      i = skip_bracket(a, i);
      if (i == std::string::npos) return "";
    } else if (ch == '.' || ch == '^' || ch == '$') {
      ++i;
    } else if (ch == '*' || ch == '+' || ch == '?' || ch == '{' || ch == ')' || ch == ']' || ch == '}') {
      return ""; // malformed here; leave it to the regex engine
    } else {
      literal = true;
      ++i;
    }
    bool optional = false, repeated = false;
    if (i < a.size()) {
      const char q = a[i];
      if (q == '?' || q == '*') {
        optional = true;
        ++i;
      } else if (q == '+') {
        repeated = true;
        ++i;
      } else if (q == '{') {
        const std::size_t close = a.find('}', i);
        if (close == std::string::npos || close == i + 1 ||
            !std::isdigit(static_cast<unsigned char>(a[i + 1])))
          return "";
        optional = std::stoul(a.substr(i + 1)) == 0;
        repeated = !optional;
        i = close + 1;
      }
      if ((optional || repeated) && i < a.size() && a[i] == '?') ++i; // lazy
    }
    if (literal && !optional) {
      run += ch;
      if (repeated) end_run();
    } else {
      end_run();
    }
  }
  end_run();
  return best;
}

} // namespace

std::vector<std::string> required_literals(const std::string &pattern) {
  std::vector<std::string> alternatives(1);
  int depth = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      alternatives.back() += pattern.substr(i, 2);
      ++i;
      continue;
    }
    if (c == '[') {
      const std::size_t end = skip_bracket(pattern, i);
      if (end == std::string::npos) return {};
      alternatives.back() += pattern.substr(i, end - i);
      i = end - 1;
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == '|' && depth == 0) {
      alternatives.emplace_back();
      continue;
    }
    alternatives.back() += c;
  }
  std::vector<std::string> out;
  for (const auto &a : alternatives) {
    std::string run = required_run(a);
    if (run.empty()) return {};
    if (std::find(out.begin(), out.end(), run) == out.end()) out.push_back(std::move(run));
  }
  return out;
}

Glob::Glob(const std::string &pattern) : pattern_(pattern) {
  for (const auto &alt : split_bars(pattern)) alternatives_.push_back(normalize(alt, 256));
}

bool Glob::matches(std::string_view value) const {
  const std::string folded = normalize(value, 256);
  for (const auto &alt : alternatives_)
    if (glob_match(alt, folded)) return true;
  return false;
}

} // namespace qloop::classify
