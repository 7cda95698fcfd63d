// Width and wrapping of mixed Latin/CJK text for the SVG boxes. Widths follow
// Unicode UAX #11 (East Asian Width): W and F characters take 2 columns.
#include <gtest/gtest.h>

#include "text_width.hpp"

namespace t = qloop::fivewhy::text;

namespace {

bool valid_utf8_without_replacement(const std::string &s) {
  for (const auto &c : t::code_points(s))
    if (c.cp == 0xFFFD) return false;
  return true;
}

} // namespace

TEST(TextWidth, CountsEastAsianWideCharactersDouble) {
  EXPECT_EQ(t::width("abc"), 3);
  EXPECT_EQ(t::width("焊点"), 4);
  EXPECT_EQ(t::width("A100 型支架"), 5 + 6);
  EXPECT_EQ(t::width("ＡＢ"), 4);             // fullwidth forms (F)
  EXPECT_EQ(t::width("\xF0\x9F\x98\x80"), 2); // U+1F600 emoji (W)
  EXPECT_EQ(t::width("e\xCC\x81"), 1);        // e + combining acute
  EXPECT_EQ(t::width("，。"), 4);             // fullwidth punctuation
  EXPECT_EQ(t::width(""), 0);
}

TEST(TextWidth, InvalidBytesCountOneAndAreReplaced) {
  EXPECT_EQ(t::width("a\xFFz"), 3);
  auto lines = t::wrap("a\xFF\xFEz", 10);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "a\xEF\xBF\xBD\xEF\xBF\xBDz");
}

TEST(TextWidth, WrapsLatinAtSpaces) {
  auto lines = t::wrap("the quick brown fox jumps", 10);
  EXPECT_EQ(lines, (std::vector<std::string>{"the quick", "brown fox", "jumps"}));
}

TEST(TextWidth, WrapsChineseBetweenAnyTwoCharacters) {
  // 12 characters of 2 columns, 10 columns a line: 5 characters per line.
  auto lines = t::wrap("焊接电流偏低导致熔深不足", 10);
  EXPECT_EQ(lines, (std::vector<std::string>{"焊接电流偏", "低导致熔深", "不足"}));
}

TEST(TextWidth, NeverSplitsAUtf8SequenceAtOddWidths) {
  for (int max = 2; max <= 9; ++max)
    for (const auto &line : t::wrap("客户反馈焊点开裂，批次L2305共18件", max)) {
      EXPECT_TRUE(valid_utf8_without_replacement(line)) << line;
      EXPECT_LE(t::width(line), std::max(max, 2)) << line;
    }
}

TEST(TextWidth, ClosingPunctuationNeverStartsALine) {
  // Without the rule the comma would open line 2 (6 characters fill line 1).
  auto lines = t::wrap("焊接电流偏低，导致熔深不足。", 12);
  ASSERT_GE(lines.size(), 2u);
  for (const auto &line : lines) {
    EXPECT_NE(line.rfind("，", 0), 0u) << line;
    EXPECT_NE(line.rfind("。", 0), 0u) << line;
  }
  EXPECT_EQ(lines[0], "焊接电流偏");
  EXPECT_EQ(lines[1], "低，导致熔深");
}

TEST(TextWidth, OpeningPunctuationNeverEndsALine) {
  auto lines = t::wrap("参数变更记录（设备）缺失", 12);
  for (const auto &line : lines) {
    const std::string open = "（";
    ASSERT_GE(line.size(), open.size());
    EXPECT_NE(line.substr(line.size() - open.size()), open) << line;
  }
}

TEST(TextWidth, MixedLatinAndChineseBreakBetweenScripts) {
  auto lines = t::wrap("PLC参数被修改", 8);
  EXPECT_EQ(lines, (std::vector<std::string>{"PLC参数", "被修改"}));
}

TEST(TextWidth, CutsAWordLongerThanALine) {
  auto lines = t::wrap("aaaaaaaaaaaaaaaaaaaa bb", 8);
  EXPECT_EQ(lines, (std::vector<std::string>{"aaaaaaaa", "aaaaaaaa", "aaaa bb"}));
}

TEST(TextWidth, NewlineForcesABreak) {
  EXPECT_EQ(t::wrap("one\ntwo", 40), (std::vector<std::string>{"one", "two"}));
}

TEST(TextWidth, TooManyLinesEndInAnEllipsis) {
  auto lines = t::wrap("焊接电流偏低导致熔深不足焊接电流偏低导致熔深不足", 10, 2);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1], "低导致熔…");
  EXPECT_LE(t::width(lines[1]), 10);
}

TEST(TextWidth, EmptyTextHasNoLines) {
  EXPECT_TRUE(t::wrap("", 10).empty());
  EXPECT_TRUE(t::wrap("   ", 10).empty());
}

TEST(TextWidth, PixelsScaleWithFontSizeAndColumns) {
  EXPECT_DOUBLE_EQ(t::pixels("焊", 10), 2 * t::pixels("a", 10));
  EXPECT_EQ(t::columns_in(100, 10), 17); // 100 px / (0.56 em x 10 px)
}
