// Encoding detection and decoding (glibc iconv), checked against bytes made
// by the iconv command line tool.
#include <gtest/gtest.h>

#include "encoding.hpp"
#include "fake_host.hpp"

namespace {

using namespace qloop::intake_files;

const std::string kText = "客户,问题描述\n华为,屏幕闪烁，偶发黑屏\n";

TEST(Encoding, ByteOrderMarksWin) {
  auto d = detect_encoding("\xEF\xBB\xBF"
                           "abc",
                           "gbk");
  EXPECT_EQ(d.encoding, Encoding::Utf8);
  EXPECT_EQ(d.bom_bytes, 3u);
  EXPECT_EQ(detect_encoding("\xFF\xFE"
                            "a\0",
                            "auto")
                .encoding,
            Encoding::Utf16le);
}

TEST(Encoding, AutoTellsUtf8FromGbk) {
  const std::string dir = files_test::temp_dir("enc");
  const std::string gbk = files_test::iconv_to(kText, "GBK", dir);
  ASSERT_NE(gbk, kText);
  EXPECT_EQ(detect_encoding(kText, "auto").encoding, Encoding::Utf8);
  EXPECT_EQ(detect_encoding(gbk, "auto").encoding, Encoding::Gb18030);
  EXPECT_EQ(to_utf8(gbk, Encoding::Gb18030), kText);
  EXPECT_EQ(to_utf8(gbk, Encoding::Gbk), kText);
  // GB18030 four-byte sequences (a character outside GBK: U+20BB7 𠮷).
  const std::string rare = "𠮷野家\n";
  EXPECT_EQ(to_utf8(files_test::iconv_to(rare, "GB18030", dir), Encoding::Gb18030), rare);
}

TEST(Encoding, OneDamagedByteDoesNotTurnUtf8IntoGbk) {
  std::string text;
  for (int i = 0; i < 5; ++i) text += kText;
  text += "\xFF\n";
  EXPECT_EQ(detect_encoding(text, "auto").encoding, Encoding::Utf8);
}

TEST(Encoding, ForcedAndInvalid) {
  EXPECT_EQ(detect_encoding("abc", "gb18030").encoding, Encoding::Gb18030);
  EXPECT_THROW(detect_encoding("abc", "latin1"), std::invalid_argument);
  std::size_t bad = 99;
  EXPECT_FALSE(to_utf8("ab\xC3(", Encoding::Utf8, &bad).has_value());
  EXPECT_EQ(bad, 2u);
  EXPECT_FALSE(to_utf8("ab\x81", Encoding::Gb18030, &bad).has_value()); // cut-off sequence
  EXPECT_EQ(bad, 2u);
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80")); // a surrogate
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));     // overlong
}

TEST(Encoding, PrintableForMessages) {
  EXPECT_EQ(printable("a\xFF"
                      "b\n"),
            "a\\xFFb\\n");
  EXPECT_EQ(printable("客户客户", 2), "客户...");
}

} // namespace
