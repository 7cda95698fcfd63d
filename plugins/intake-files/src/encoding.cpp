#include "encoding.hpp"

#include <cerrno>
#include <cstdio>
#include <stdexcept>

#include <iconv.h>

namespace qloop::intake_files {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not one.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  std::size_t n;
  char32_t min;
  if (c >= 0xC2 && c <= 0xDF)
    n = 2, min = 0x80;
  else if (c >= 0xE0 && c <= 0xEF)
    n = 3, min = 0x800;
  else if (c >= 0xF0 && c <= 0xF4)
    n = 4, min = 0x10000;
  else
    return 0;
  if (i + n > s.size()) return 0;
  char32_t cp = c & (0xFF >> (n + 1));
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

const char *iconv_name(Encoding e) {
  switch (e) {
  case Encoding::Utf8: return "UTF-8";
  case Encoding::Gb18030: return "GB18030";
  case Encoding::Gbk: return "GBK";
  case Encoding::Utf16le: return "UTF-16LE";
  case Encoding::Utf16be: return "UTF-16BE";
  }
  return "UTF-8";
}

} // namespace

std::string encoding_name(Encoding e) {
  switch (e) {
  case Encoding::Utf8: return "utf-8";
  case Encoding::Gb18030: return "gb18030";
  case Encoding::Gbk: return "gbk";
  case Encoding::Utf16le: return "utf-16le";
  case Encoding::Utf16be: return "utf-16be";
  }
  return "utf-8";
}

bool valid_utf8(std::string_view s, std::size_t *bad_offset) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_sequence(s, i);
    if (n == 0) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += n;
  }
  return true;
}

// Expected length of a sequence starting with `c`, 0 when no sequence
// starts with it.
static std::size_t utf8_length(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return 2;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xF0 && c <= 0xF4) return 4;
  return 0;
}

// Counts the sequences of `s` from `from`; returns where it stopped: the
// end, or the start of a sequence that `s` cuts off (it may still be good).
std::size_t Utf8Census::scan(std::string_view s, std::size_t from) {
  std::size_t i = from;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { // ASCII, by far the most common: no call per byte
      ++i;
      continue;
    }
    const std::size_t want = utf8_length(c);
    if (want > 1 && i + want > s.size()) {
      bool plausible = true; // the bytes present are continuation bytes
      for (std::size_t k = i + 1; k < s.size(); ++k)
        plausible &= (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80;
      if (plausible) return i;
    }
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0) {
      ++bad_;
      ++i;
    } else {
      good_ += n > 1;
      i += n;
    }
  }
  return i;
}

void Utf8Census::feed(std::string_view piece) {
  std::size_t from = 0;
  if (!carry_.empty()) {
    // Finish the cut sequence with the first bytes of this piece.
    const std::size_t had = carry_.size();
    carry_.append(piece.substr(0, 4 - had));
    const std::size_t stop = scan(carry_, 0);
    if (stop < had) { // still cut off: the piece was tiny
      carry_.erase(0, stop);
      return;
    }
    from = stop - had; // past the bytes of the piece the sequence used
    carry_.clear();
  }
  const std::size_t stop = scan(piece, from);
  carry_.assign(piece.substr(stop));
}

void Utf8Census::finish() {
  bad_ += carry_.size(); // each byte of a cut-off sequence is bad on its own
  carry_.clear();
}

Detected detect_encoding(std::string_view start, std::string_view setting, const Utf8Census &census) {
  if (start.substr(0, 3) == "\xEF\xBB\xBF") return {Encoding::Utf8, 3, "UTF-8 byte order mark"};
  if (start.substr(0, 2) == "\xFF\xFE") return {Encoding::Utf16le, 2, "UTF-16LE byte order mark"};
  if (start.substr(0, 2) == "\xFE\xFF") return {Encoding::Utf16be, 2, "UTF-16BE byte order mark"};
  if (setting == "utf-8" || setting == "utf8") return {Encoding::Utf8, 0, "encoding = utf-8"};
  if (setting == "gb18030") return {Encoding::Gb18030, 0, "encoding = gb18030"};
  if (setting == "gbk" || setting == "gb2312") return {Encoding::Gbk, 0, "encoding = gbk"};
  if (setting != "auto" && !setting.empty())
    throw std::invalid_argument("encoding: '" + std::string(setting) +
                                "' is not one of auto, utf-8, gb18030, gbk");
  // GBK text almost never forms valid multi-byte UTF-8 sequences; UTF-8
  // text with a damaged byte here and there still has mostly good ones.
  if (census.bad() == 0) return {Encoding::Utf8, 0, "valid UTF-8"};
  if (census.good() >= 20 * census.bad()) return {Encoding::Utf8, 0, "UTF-8 with a few invalid bytes"};
  return {Encoding::Gb18030, 0, "not UTF-8, read as GB18030"};
}

Detected detect_encoding(std::string_view bytes, std::string_view setting) {
  Utf8Census census;
  census.feed(bytes);
  census.finish();
  return detect_encoding(bytes, setting, census);
}

Decoder::Decoder(Encoding from) : from_(from) {
  if (from == Encoding::Utf8) return;
  iconv_t cd = iconv_open("UTF-8", iconv_name(from));
  if (cd == reinterpret_cast<iconv_t>(-1))
    throw std::runtime_error(std::string("iconv cannot convert from ") + iconv_name(from) +
                             " (glibc gconv modules missing?)");
  cd_ = cd;
}

Decoder::~Decoder() {
  if (cd_ != nullptr) iconv_close(static_cast<iconv_t>(cd_));
}

std::optional<std::string> Decoder::operator()(std::string_view bytes, std::size_t *bad_offset) {
  if (from_ == Encoding::Utf8) {
    if (!valid_utf8(bytes, bad_offset)) return std::nullopt;
    return std::string(bytes);
  }
  const auto cd = static_cast<iconv_t>(cd_);
  iconv(cd, nullptr, nullptr, nullptr, nullptr); // back to the initial shift state
  std::string out;
  out.resize(bytes.size() * 2 + 16);
  char *in = const_cast<char *>(bytes.data());
  std::size_t in_left = bytes.size();
  std::size_t used = 0;
  while (in_left > 0) {
    char *dst = out.data() + used;
    std::size_t dst_left = out.size() - used;
    std::size_t r = iconv(cd, &in, &in_left, &dst, &dst_left);
    used = out.size() - dst_left;
    if (r != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    // EILSEQ (invalid) or EINVAL (cut off at the end).
    if (bad_offset) *bad_offset = static_cast<std::size_t>(in - bytes.data());
    return std::nullopt;
  }
  out.resize(used);
  return out;
}

std::optional<std::string> to_utf8(std::string_view bytes, Encoding from, std::size_t *bad_offset) {
  Decoder decode(from);
  return decode(bytes, bad_offset);
}

std::string printable(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (chars == max_chars) {
      out += "...";
      break;
    }
    std::size_t n = utf8_sequence(text, i);
    const unsigned char c = static_cast<unsigned char>(text[i]);
    char buf[8];
    if (n == 0) {
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
      n = 1;
    } else if (n == 1 && (c < 0x20 || c == 0x7F)) {
      if (c == '\n')
        out += "\\n";
      else if (c == '\r')
        out += "\\r";
      else if (c == '\t')
        out += "\\t";
      else {
        std::snprintf(buf, sizeof buf, "\\x%02X", c);
        out += buf;
      }
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
    ++chars;
  }
  return out;
}

} // namespace qloop::intake_files
