#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <memory>

#include <glib.h>

namespace qloop::intake_email {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string_view trim_view(std::string_view s) {
  // ASCII blanks plus U+3000 (ideographic space), which Chinese mailers indent with.
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
      s.remove_prefix(1);
    else if (starts_with(s, "\xE3\x80\x80"))
      s.remove_prefix(3);
    else
      break;
  }
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
      s.remove_suffix(1);
    else if (ends_with(s, "\xE3\x80\x80"))
      s.remove_suffix(3);
    else
      break;
  }
  return s;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      out.push_back(text.substr(start));
      break;
    }
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

// Strict conversion: nothing when any byte does not belong to `charset`.
bool convert_strict(std::string_view bytes, const std::string &charset, std::string &out) {
  if (bytes.empty()) {
    out.clear();
    return true;
  }
  const std::string l = lower(charset);
  if (l == "utf-8" || l == "utf8") {
    if (!g_utf8_validate(bytes.data(), static_cast<gssize>(bytes.size()), nullptr)) return false;
    out.assign(bytes);
    return true;
  }
  gsize written = 0;
  GError *error = nullptr;
  char *converted = g_convert(bytes.data(), static_cast<gssize>(bytes.size()), "UTF-8", charset.c_str(),
                              nullptr, &written, &error);
  if (converted == nullptr) {
    if (error != nullptr) g_error_free(error);
    return false;
  }
  out.assign(converted, written);
  g_free(converted);
  // A charset that maps bytes to NUL or invalid output is not a reading.
  return g_utf8_validate(out.data(), static_cast<gssize>(out.size()), nullptr) != 0;
}

// Best effort: decode with `charset`, skipping a byte where it fails, so a
// few damaged bytes cost a few replacement characters, not the text.
std::string convert_lossy(std::string_view bytes, const std::string &charset) {
  GIConv cd = g_iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<GIConv>(-1)) return valid_utf8(bytes);
  std::string out;
  std::string buffer(4096, '\0');
  char *in = const_cast<char *>(bytes.data());
  gsize in_left = bytes.size();
  while (in_left > 0) {
    char *dst = buffer.data();
    gsize dst_left = buffer.size();
    const gsize rc = g_iconv(cd, &in, &in_left, &dst, &dst_left);
    out.append(buffer.data(), buffer.size() - dst_left);
    if (rc == static_cast<gsize>(-1) && errno != E2BIG) {
      out += "\xEF\xBF\xBD"; // U+FFFD for the byte that did not decode
      ++in;
      --in_left;
      g_iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  }
  g_iconv_close(cd);
  return valid_utf8(out);
}

void append_utf8(std::string &out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  char buf[8];
  const int n = g_unichar_to_utf8(static_cast<gunichar>(cp), buf);
  out.append(buf, static_cast<std::size_t>(n));
}

// One entity at html[i] ('&'); appends its text and returns the length used,
// or 0 when it is not an entity we know (then '&' is literal).
std::size_t entity(std::string_view html, std::size_t i, std::string &out) {
  const auto semi = html.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) return 0;
  const std::string name = lower(html.substr(i + 1, semi - i - 1));
  if (name.size() > 1 && name[0] == '#') {
    const bool hex = name[1] == 'x';
    const std::string digits = name.substr(hex ? 2 : 1);
    if (digits.empty() ||
        digits.find_first_not_of(hex ? "0123456789abcdef" : "0123456789") != std::string::npos)
      return 0;
    append_utf8(out, static_cast<std::uint32_t>(std::stoul(digits, nullptr, hex ? 16 : 10)));
    return semi - i + 1;
  }
  static const std::pair<const char *, const char *> known[] = {
      {"nbsp", " "},
      {"amp", "&"},
      {"lt", "<"},
      {"gt", ">"},
      {"quot", "\""},
      {"apos", "'"},
      {"ensp", " "},
      {"emsp", " "},
      {"middot", "\xC2\xB7"},
      {"hellip", "\xE2\x80\xA6"},
      {"mdash", "\xE2\x80\x94"},
      {"ndash", "\xE2\x80\x93"},
      {"ldquo", "\xE2\x80\x9C"},
      {"rdquo", "\xE2\x80\x9D"},
      {"lsquo", "\xE2\x80\x98"},
      {"rsquo", "\xE2\x80\x99"},
      {"copy", "\xC2\xA9"},
      {"reg", "\xC2\xAE"},
      {"times", "\xC3\x97"},
  };
  for (const auto &[n, text] : known)
    if (name == n) {
      out += text;
      return semi - i + 1;
    }
  return 0;
}

bool is_block(std::string_view tag) {
  static const char *blocks[] = {"br", "p",   "div",        "tr",      "li",     "h1", "h2",
                                 "h3", "h4",  "h5",         "h6",      "ul",     "ol", "table",
                                 "hr", "pre", "blockquote", "section", "article"};
  for (const char *b : blocks)
    if (tag == b) return true;
  return false;
}

} // namespace

std::string valid_utf8(std::string_view text) {
  if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) return std::string(text);
  char *fixed = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
  std::string out(fixed);
  g_free(fixed);
  return out;
}

std::string superset_charset(std::string_view declared) {
  std::string l = lower(declared);
  // Quotes and spaces survive in sloppy headers: charset=" GB2312 ".
  l.erase(std::remove_if(l.begin(), l.end(), [](char c) { return c == '"' || c == '\'' || c == ' '; }),
          l.end());
  static const char *gb[] = {"gb2312",      "gb_2312-80", "gbk",      "x-gbk",   "cp936",   "ms936",
                             "windows-936", "euc-cn",     "csgb2312", "chinese", "gb18030", "x-gb2312"};
  static const char *big5[] = {"big5", "big-5", "x-big5", "cn-big5", "csbig5", "cp950", "ms950", "x-x-big5"};
  for (const char *c : gb)
    if (l == c) return "GB18030";
  for (const char *c : big5)
    if (l == c) return "BIG5-HKSCS";
  if (l == "utf8" || l == "utf-8") return "UTF-8";
  if (l == "us-ascii" || l == "ascii" || l == "ansi_x3.4-1968")
    return "UTF-8"; // 8-bit "ASCII" is usually UTF-8
  return l;
}

Decoded to_utf8(std::string_view bytes, std::string_view declared,
                const std::vector<std::string> &fallbacks) {
  std::vector<std::string> tries;
  auto add = [&](const std::string &c) {
    if (!c.empty() && std::find(tries.begin(), tries.end(), c) == tries.end()) tries.push_back(c);
  };
  if (!declared.empty()) {
    add(superset_charset(declared));
    add(lower(declared));
    if (superset_charset(declared) == "BIG5-HKSCS") add("CP950");
  }
  add("UTF-8");
  for (const auto &f : fallbacks) add(superset_charset(f));

  Decoded out;
  for (const auto &charset : tries)
    if (convert_strict(bytes, charset, out.text)) {
      out.charset = charset;
      return out;
    }
  out.lossy = true;
  out.text = convert_lossy(bytes, tries.front());
  return out;
}

std::string html_to_text(std::string_view html) {
  std::string out;
  bool space = false; // a pending run of source whitespace
  auto put_text = [&](std::string_view s) {
    if (space && !out.empty() && out.back() != '\n') out += ' ';
    space = false;
    out += s;
  };
  // A <br> is a line break; other block edges end the line once, so
  // "</p><div>" does not leave a blank line.
  auto newline = [&](bool hard) {
    space = false;
    if (hard || (!out.empty() && out.back() != '\n')) out += '\n';
  };
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      if (html.substr(i, 4) == "<!--") {
        const auto end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      const auto close = html.find('>', i);
      if (close == std::string_view::npos) break;
      std::string_view inside = html.substr(i + 1, close - i - 1);
      const bool closing = !inside.empty() && inside.front() == '/';
      if (closing) inside.remove_prefix(1);
      std::size_t n = 0;
      while (n < inside.size() && (std::isalnum(static_cast<unsigned char>(inside[n])) != 0)) ++n;
      const std::string tag = lower(inside.substr(0, n));
      i = close + 1;
      if (!closing && (tag == "script" || tag == "style" || tag == "head" || tag == "title")) {
        // Their content is not text: skip to the matching end tag.
        const auto end = lower(html.substr(i)).find("</" + tag);
        if (end == std::string::npos) break;
        const auto gt = html.find('>', i + end);
        i = gt == std::string_view::npos ? html.size() : gt + 1;
        continue;
      }
      if (is_block(tag))
        newline(tag == "br");
      else if (tag == "td" || tag == "th")
        space = true;
      continue;
    }
    if (c == '&') {
      std::string decoded;
      if (const auto used = entity(html, i, decoded); used > 0) {
        put_text(decoded);
        i += used;
        continue;
      }
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = true;
      ++i;
      continue;
    }
    put_text(std::string_view(&html[i], 1));
    ++i;
  }
  return tidy(out);
}

std::string tidy(std::string_view text) {
  std::string unified;
  unified.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      unified += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      unified += text[i];
    }
  }
  std::string out;
  int blank = 0;
  for (std::string_view line : lines_of(unified)) {
    // Keep leading indentation (tables, lists) but nothing trailing.
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (trim_view(line).empty()) {
      ++blank;
      continue;
    }
    if (!out.empty()) out += blank > 0 ? "\n\n" : "\n";
    blank = 0;
    out += line;
  }
  return out;
}

std::string cut_quoted(std::string_view text) {
  const auto lines = lines_of(text);
  auto separator = [&](std::size_t i) {
    const std::string_view t = trim_view(lines[i]);
    const std::string l = lower(t);
    if (l.find("original message") != std::string::npos && starts_with(t, "-")) return true;
    if (t.find("原始邮件") != std::string_view::npos && starts_with(t, "-")) return true;
    if (t.find("原始郵件") != std::string_view::npos && starts_with(t, "-")) return true;
    if (starts_with(t, "在") && (ends_with(t, "写道：") || ends_with(t, "写道:") || ends_with(t, "写道") ||
                                 ends_with(t, "寫道：") || ends_with(t, "寫道:") || ends_with(t, "寫道")))
      return true;
    if (starts_with(t, "On ") && ends_with(t, "wrote:")) return true;
    // Outlook quotes with a header block: From: / Sent: (or 发件人: / 发送时间:).
    const bool from = starts_with(l, "from:") || starts_with(t, "发件人:") || starts_with(t, "发件人：") ||
                      starts_with(t, "寄件者:") || starts_with(t, "寄件者：");
    if (from && i + 1 < lines.size()) {
      const std::string_view next = trim_view(lines[i + 1]);
      const std::string nl = lower(next);
      return starts_with(nl, "sent:") || starts_with(nl, "date:") || starts_with(next, "发送时间") ||
             starts_with(next, "日期") || starts_with(next, "寄件日期") || starts_with(next, "时间");
    }
    return false;
  };
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (separator(i)) break;
    if (starts_with(trim_view(lines[i]), ">")) continue;
    out.append(lines[i]);
    out += '\n';
  }
  std::string cut = tidy(out);
  return cut.empty() ? tidy(text) : cut;
}

} // namespace qloop::intake_email
