#include "markdown_escape.hpp"

#include <cctype>
#include <cstring>

namespace qloop::eightd {

std::string markdown_escape(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size() && (text[start] == ' ' || text[start] == '\t' || text[start] == '\n')) ++start;
  text.remove_prefix(start);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  // A value may begin a line in the template: what only means something at
  // the start of a line is escaped there.
  if (!text.empty() && text[0] != 0 && std::strchr("#+-=", text[0]) != nullptr) out += '\\';
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  const std::size_t list_marker =
      (digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')'))
          ? digits
          : std::string_view::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      out += "<br>";
    } else if (c == '\t') {
      out += ' ';
    } else {
      if ((c != 0 && std::strchr("\\`*_[]<>&|~", c) != nullptr) || i == list_marker) out += '\\';
      out += c;
    }
  }
  return out;
}

std::string link_target(std::string_view file_name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : file_name) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

} // namespace qloop::eightd
