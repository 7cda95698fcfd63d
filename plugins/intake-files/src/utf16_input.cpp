#include "utf16_input.hpp"

#include <cerrno>
#include <memory>
#include <stdexcept>
#include <vector>

#include <iconv.h>
#include <qloop/plugin.hpp>

namespace qloop::intake_files {

InputFile utf16_to_utf8(const InputFile &in, std::uint64_t start, Encoding from, const std::string &why) {
  const char *name = from == Encoding::Utf16be ? "UTF-16BE" : "UTF-16LE";
  iconv_t cd = iconv_open("UTF-8", name);
  if (cd == reinterpret_cast<iconv_t>(-1))
    throw std::runtime_error(std::string("iconv cannot convert from ") + name +
                             " (glibc gconv modules missing?)");
  const std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
  auto bad = [&](std::uint64_t offset) {
    return sdk::InvalidInput("the file starts with a " + why + " but byte " + std::to_string(offset) +
                             " is not valid " + encoding_name(from));
  };

  InputFile out = InputFile::temporary();
  // A character cut by the chunk boundary stays in `pending` for the next
  // chunk; iconv keeps no state of its own for UTF-16 beyond that.
  std::vector<char> pending(kReadChunkBytes + 4);
  std::vector<char> utf8(kReadChunkBytes * 2 + 16);
  std::size_t have = 0;         // bytes waiting in `pending`
  std::uint64_t offset = start; // file offset of pending[0]
  std::uint64_t next_read = start;
  for (;;) {
    const std::size_t got = in.read_at(next_read, pending.data() + have, kReadChunkBytes);
    next_read += got;
    have += got;
    if (have == 0) break;
    char *src = pending.data();
    std::size_t src_left = have;
    char *dst = utf8.data();
    std::size_t dst_left = utf8.size();
    const std::size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    const std::size_t used = have - src_left;
    if (r == static_cast<std::size_t>(-1) && errno == EILSEQ) throw bad(offset + used);
    // EINVAL: the chunk ends inside a character; E2BIG cannot happen, since
    // UTF-8 takes at most twice the bytes of UTF-16 (2 -> 3, 4 -> 4).
    out.append(std::string_view(utf8.data(), utf8.size() - dst_left));
    if (got == 0) {
      if (src_left > 0) throw bad(offset + used); // the file ends inside a character
      break;
    }
    std::copy(src, src + src_left, pending.data());
    have = src_left;
    offset += used;
  }
  return out;
}

} // namespace qloop::intake_files
