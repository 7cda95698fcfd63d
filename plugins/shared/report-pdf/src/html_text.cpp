#include "report_pdf/html_text.hpp"

#include <glib.h>

namespace qloop::reportpdf {

std::string css_string(const std::string &utf8) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "\"";
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    const std::size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    char32_t cp = n == 1 ? c : static_cast<char32_t>(c & (0x7F >> n));
    for (std::size_t k = 1; k < n && i + k < utf8.size(); ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
    i += n;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == ' ') {
      out += static_cast<char>(cp);
      continue;
    }
    std::string hex;
    for (char32_t v = cp; v != 0 || hex.empty(); v >>= 4) hex.insert(hex.begin(), kHex[v & 15]);
    out += "\\" + hex + " ";
  }
  return out + "\"";
}

std::string svg_data_uri(const std::string &svg) {
  gchar *encoded = g_base64_encode(reinterpret_cast<const guchar *>(svg.data()), svg.size());
  std::string uri = std::string("data:image/svg+xml;base64,") + encoded;
  g_free(encoded);
  return uri;
}

} // namespace qloop::reportpdf
