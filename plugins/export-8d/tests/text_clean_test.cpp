// Hostile text is made safe before any format sees it.
#include <gtest/gtest.h>

#include "case_file.hpp"
#include "report_pdf/text_clean.hpp"

using qloop::eightd::display_time;
using qloop::reportpdf::clean;
using qloop::reportpdf::clean_line;

namespace {

bool valid_utf8(const std::string &s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80             ? 1
                    : (c & 0xE0) == 0xC0 ? 2
                    : (c & 0xF0) == 0xE0 ? 3
                    : (c & 0xF8) == 0xF0 ? 4
                                         : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

} // namespace

TEST(TextClean, KeepsChineseAndNewlines) {
  EXPECT_EQ(clean("焊点虚焊\nline two\tend", 1000), "焊点虚焊\nline two\tend");
}

TEST(TextClean, ReplacesInvalidUtf8AndSurrogates) {
  // a lone continuation byte, a truncated sequence, an overlong '/', a UTF-16 surrogate
  const std::string bad = std::string("a\x80") + "b\xE4\xB8" + "c\xC0\xAF" + "d\xED\xA0\x80" + "e";
  const std::string out = clean(bad, 1000);
  EXPECT_TRUE(valid_utf8(out));
  EXPECT_EQ(out.find('\x80'), std::string::npos);
  EXPECT_NE(out.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_EQ(out.front(), 'a');
  EXPECT_EQ(out.back(), 'e');
}

TEST(TextClean, DropsControlCharactersAndNormalisesLineEnds) {
  const std::string in = std::string("x\x01y\x1B[31mz\x7F") + "\r\nnext\rlast" + std::string(1, '\0') + "!";
  EXPECT_EQ(clean(in, 1000), "xy[31mz\nnext\nlast!");
  EXPECT_EQ(clean_line("one\ntwo\tthree", 1000), "one two three");
}

TEST(TextClean, TruncatesLongTextOnACharacterBoundaryWithANote) {
  std::string big;
  for (int i = 0; i < 100000; ++i) big += "中";
  const std::string out = clean(big, 1001); // 1001 is not a multiple of 3
  EXPECT_TRUE(valid_utf8(out));
  EXPECT_LT(out.size(), 1100u);
  EXPECT_NE(out.find("[truncated, 300000 bytes]"), std::string::npos);
}

TEST(TextClean, DisplayTime) {
  EXPECT_EQ(display_time("2025-11-25T18:01:27Z"), "2025-11-25 18:01 UTC");
  EXPECT_EQ(display_time("2025-11-25T18:01:27.123+08:00"), "2025-11-25 18:01 +08:00");
  EXPECT_EQ(display_time("2025-11-25"), "2025-11-25");
  EXPECT_EQ(display_time("next Tuesday"), "next Tuesday");
  EXPECT_EQ(display_time("2025-11-25T18:01:27Zjunk"), "2025-11-25T18:01:27Zjunk");
}
