// Markdown has no escaping function of its own: complaint text must not turn
// into headings, lists, links, tables cells or raw HTML. The mustache engine
// calls this for every {{value}} of a Markdown template.
#pragma once

#include <string>
#include <string_view>

namespace qloop::eightd {

// Backslash-escapes the characters CommonMark and GitHub tables treat as
// markup (\ ` * _ [ ] < > & | ~ and a line-leading # + - = or "1."), turns
// newlines into <br> so a value never leaves its paragraph or table cell,
// and drops leading blanks (which would start a code block).
std::string markdown_escape(std::string_view text);

// Percent-encodes a relative file name for a Markdown link target.
std::string link_target(std::string_view file_name);

} // namespace qloop::eightd
