// Text of an email as a CQE reads it: decoded to UTF-8 whatever the charset
// label says, HTML turned into lines, the quoted previous message of a reply
// left out. Pure functions, no GMime objects, so each rule is testable alone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qloop::intake_email {

// The charset to decode with for a declared one. Chinese mailers label GBK
// text "gb2312" and CP950 text "big5"; decoding with the superset (GB18030,
// BIG5-HKSCS) reads every such character instead of failing on the first
// one outside the label.
std::string superset_charset(std::string_view declared);

struct Decoded {
  std::string text;    // always valid UTF-8
  std::string charset; // what decoded it ("" when nothing decoded it cleanly)
  bool lossy = false;  // some bytes were replaced
};

// `bytes` (transfer encoding already undone) to UTF-8: the declared charset
// (as its superset), then UTF-8, then each fallback, the first that reads
// every byte; when none does, the best effort with replacements.
Decoded to_utf8(std::string_view bytes, std::string_view declared, const std::vector<std::string> &fallbacks);

// The visible text of an HTML body: no tags, scripts, styles or comments;
// block elements end lines; entities decoded.
std::string html_to_text(std::string_view html);

// Drops the previous message a reply quotes: lines starting with '>' and
// everything from a separator ("-----Original Message-----", "原始邮件",
// "在 ... 写道：", "On ... wrote:", an Outlook "From:/Sent:" block). When
// nothing would be left, returns the text unchanged.
std::string cut_quoted(std::string_view text);

// Line ends as \n, no trailing spaces, at most one blank line in a row, no
// blank lines at either end.
std::string tidy(std::string_view text);

// `text` with invalid UTF-8 replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

} // namespace qloop::intake_email
