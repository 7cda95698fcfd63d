// The per-format text rules: XLSX cell text, the CSV injection guard, quoting.
#include <gtest/gtest.h>

#include "text_rules.hpp"

using namespace qloop::ledger;

namespace {

std::size_t utf16_length(const std::string &s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if ((b & 0xC0) == 0x80) continue;
    n += b >= 0xF0 ? 2 : 1;
  }
  return n;
}

} // namespace

TEST(XlsxText, KeepsOrdinaryTextAndFormulasAsText) {
  for (const char *s : {"=HYPERLINK(\"x\")", "<script>", "发票金额与订单不符", "tab\tand\nline", "+-@"}) {
    auto t = xlsx_text(s, "…");
    EXPECT_EQ(t.text, s);
    EXPECT_FALSE(t.truncated);
  }
}

TEST(XlsxText, DropsControlsAndNormalisesLineEnds) {
  EXPECT_EQ(xlsx_text(std::string("a\x01"
                                  "b\x07"
                                  "c\x1F"
                                  "d",
                                  7),
                      "")
                .text,
            "abcd");
  EXPECT_EQ(xlsx_text("a\r\nb\rc", "").text, "a\nb\nc");
  EXPECT_EQ(xlsx_text(std::string("nul\0in", 6), "").text, "nulin");
  EXPECT_EQ(xlsx_text("\xEF\xBF\xBE", "").text, ""); // U+FFFE is not an XML character
}

TEST(XlsxText, ReplacesInvalidUtf8) {
  EXPECT_EQ(xlsx_text("a\xFF"
                      "b",
                      "")
                .text,
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(xlsx_text("\xC0\xAF", "").text, "\xEF\xBF\xBD\xEF\xBF\xBD");      // overlong '/'
  EXPECT_EQ(xlsx_text("\xED\xA0\x80", "").text.substr(0, 3), "\xEF\xBF\xBD"); // a surrogate
  EXPECT_EQ(xlsx_text("cut\xE5\x8F", "").text, "cut\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(XlsxText, EscapesOoxmlEscapeLookAlikes) {
  EXPECT_EQ(xlsx_text("_x0041_", "").text, "_x005F_x0041_");
  EXPECT_EQ(xlsx_text("a_x00e9_b_x12_", "").text, "a_x005F_x00e9_b_x12_");
  EXPECT_EQ(xlsx_text("_xZZZZ_", "").text, "_xZZZZ_");
}

TEST(XlsxText, TruncatesAtTheExcelLimitOnACharacterBoundary) {
  const std::string exact(kXlsxCellLimit, 'a');
  EXPECT_FALSE(xlsx_text(exact, "[cut]").truncated);
  EXPECT_EQ(xlsx_text(exact, "[cut]").text.size(), kXlsxCellLimit);

  auto t = xlsx_text(std::string(100 * 1024, 'x'), "[cut]");
  EXPECT_TRUE(t.truncated);
  EXPECT_EQ(t.text.size(), kXlsxCellLimit);
  EXPECT_EQ(t.text.substr(t.text.size() - 5), "[cut]");

  // Three-byte CJK characters: the cut never splits one.
  std::string cjk;
  for (int i = 0; i < 40000; ++i) cjk += "字";
  auto c = xlsx_text(cjk, "…");
  EXPECT_TRUE(c.truncated);
  EXPECT_EQ(utf16_length(c.text), kXlsxCellLimit);
  EXPECT_EQ(c.text.substr(c.text.size() - 3), "…");
  EXPECT_EQ((c.text.size() - 3) % 3, 0u);

  // Emoji count two UTF-16 units each, as Excel counts them.
  std::string emoji;
  for (int i = 0; i < 20000; ++i) emoji += "\xF0\x9F\x98\x80";
  auto e = xlsx_text(emoji, "");
  EXPECT_TRUE(e.truncated);
  EXPECT_LE(utf16_length(e.text), kXlsxCellLimit);
  EXPECT_EQ(e.text.size() % 4, 0u);
}

TEST(CsvField, OwaspGuard) {
  for (const char *s : {"=1+2", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
    EXPECT_TRUE(looks_like_formula(s)) << s;
    const std::string f = csv_field(s, ',', true);
    EXPECT_EQ(f.substr(0, 2), "\"'") << f;
  }
  EXPECT_FALSE(looks_like_formula("a=b"));
  EXPECT_FALSE(looks_like_formula(""));
  EXPECT_EQ(csv_field("=1+2", ',', false), "=1+2"); // guard off: the text as it is
  EXPECT_EQ(csv_field("plain", ',', true), "plain");
}

TEST(CsvField, Rfc4180Quoting) {
  EXPECT_EQ(csv_field("a,b", ',', false), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\"", ',', false), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines", ',', false), "\"two\nlines\"");
  EXPECT_EQ(csv_field("a;b", ',', false), "a;b");
  EXPECT_EQ(csv_field("a;b", ';', false), "\"a;b\"");
  EXPECT_EQ(csv_field(" padded ", ',', false), "\" padded \"");
  EXPECT_EQ(csv_field(std::string("n\0ul", 4), ',', false), "nul");
  EXPECT_EQ(csv_field("中文", ',', false), "中文");
}
