// Which encoding a file's bytes are in, and turning them into UTF-8 with
// glibc iconv. Chinese Excel saves "CSV" in the ANSI code page, GBK (936);
// GB18030 is its superset, so GBK and GB2312 text reads correctly as GB18030.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace qloop::intake_files {

enum class Encoding { Utf8, Gb18030, Gbk, Utf16le, Utf16be };

std::string encoding_name(Encoding e); // "utf-8", "gb18030", ...

struct Detected {
  Encoding encoding = Encoding::Utf8;
  std::size_t bom_bytes = 0; // bytes of byte order mark to skip
  std::string why;           // for logs: "byte order mark", "valid UTF-8", ...
};

// Counts, over text fed in pieces of any size, the valid multi-byte UTF-8
// sequences and the bytes that begin none, exactly as one pass over the whole
// text would: a sequence cut by a piece boundary is finished with the next
// piece. The hash pass feeds it, so "auto" judges the whole file without
// holding it.
class Utf8Census {
public:
  void feed(std::string_view piece);
  void finish(); // the end of the text: a sequence left open counts as bad bytes
  std::size_t good() const { return good_; }
  std::size_t bad() const { return bad_; }

private:
  std::size_t scan(std::string_view s, std::size_t from);
  std::size_t good_ = 0, bad_ = 0;
  std::string carry_; // the start of a sequence the last piece cut off
};

// `setting` is the config value: auto | utf-8 | gb18030 | gbk (throws
// std::invalid_argument for anything else). A byte order mark (at the start
// of `start`, the file's first bytes) always wins, since it cannot be
// mistaken. Otherwise auto reads UTF-8 when the file is UTF-8 (a few broken
// sequences among many good ones still count as UTF-8, so one damaged row
// does not turn the whole file into mojibake), else GB18030. `census` is
// the whole file's.
Detected detect_encoding(std::string_view start, std::string_view setting, const Utf8Census &census);
// The same for text held whole.
Detected detect_encoding(std::string_view bytes, std::string_view setting);

// Decodes `bytes` as `from` into UTF-8. On an invalid or incomplete sequence
// returns nothing and sets *bad_offset to where it starts.
std::optional<std::string> to_utf8(std::string_view bytes, Encoding from, std::size_t *bad_offset = nullptr);

// The same, keeping one iconv descriptor for many fields (iconv_open is
// far dearer than converting a short field).
class Decoder {
public:
  explicit Decoder(Encoding from);
  ~Decoder();
  Decoder(const Decoder &) = delete;
  Decoder &operator=(const Decoder &) = delete;
  std::optional<std::string> operator()(std::string_view bytes, std::size_t *bad_offset = nullptr);

private:
  Encoding from_;
  void *cd_ = nullptr; // iconv_t
};

// True when `s` is valid UTF-8 (no overlongs, no surrogates); else
// *bad_offset is the first bad byte.
bool valid_utf8(std::string_view s, std::size_t *bad_offset = nullptr);

// A value made safe and short for a message: invalid bytes as \xNN, control
// characters escaped, cut after `max_chars` code points with "...".
std::string printable(std::string_view text, std::size_t max_chars = 60);

} // namespace qloop::intake_files
