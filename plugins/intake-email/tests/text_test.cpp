// The text rules alone: charset decoding, HTML to text, quote cutting.
#include <gtest/gtest.h>

#include "text.hpp"

namespace {

using namespace qloop::intake_email;

TEST(Text, Gb2312LabelReadsGbkOnlyCharacters) {
  // 喆 is GBK, not GB2312: Outlook labels such text gb2312 all the same.
  const std::string gbk = "\xcd\xf5\x86\xb4"; // 王喆
  const Decoded d = to_utf8(gbk, "gb2312", {});
  EXPECT_EQ(d.text, "王喆");
  EXPECT_EQ(d.charset, "GB18030");
  EXPECT_FALSE(d.lossy);
}

TEST(Text, Big5AndItsAliases) {
  const std::string big5 = "\xb3\xaf\xa7\xd3\xa9\xfa"; // 陳志明
  for (const char *label : {"big5", "BIG5", "x-big5", "cp950"})
    EXPECT_EQ(to_utf8(big5, label, {}).text, "陳志明");
}

TEST(Text, AWrongLabelFallsBackToWhatReadsEveryByte) {
  const std::string gbk = "\xba\xb8\xb5\xe3\xd0\xe9\xba\xb8"; // 焊点虚焊 in GBK, labelled UTF-8
  const Decoded d = to_utf8(gbk, "utf-8", {"utf-8", "gb18030"});
  EXPECT_EQ(d.text, "焊点虚焊");
  EXPECT_FALSE(d.lossy);
  EXPECT_EQ(to_utf8("plain", "", {}).text, "plain");
}

TEST(Text, UndecodableBytesAreReplacedNotDropped) {
  // Valid in no charset tried here: a UTF-8 lead byte cut short, labelled UTF-8 with no fallbacks.
  const Decoded d = to_utf8("ok \xe7\x84 end", "us-ascii", {"utf-8"});
  EXPECT_TRUE(d.lossy);
  EXPECT_NE(d.text.find("ok "), std::string::npos);
  EXPECT_NE(d.text.find(" end"), std::string::npos);
  EXPECT_NE(d.text.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(Text, HtmlToText) {
  const std::string html = "<html><head><title>t</title><style>p{color:red}</style></head><body>"
                           "<p>产品<b>型号</b>：PSU-450W</p><div>A&nbsp;&amp;&lt;B&gt; &#36807;&#x70ED;</div>"
                           "<!-- hidden --><script>var x = 1 < 2;</script>谢谢<br>星河<table><tr><td>a</td>"
                           "<td>b</td></tr></table>&unknown; done</body></html>";
  EXPECT_EQ(html_to_text(html), "产品型号：PSU-450W\nA &<B> 过热\n谢谢\n星河\na b\n&unknown; done");
}

TEST(Text, HtmlWhitespaceCollapses) {
  EXPECT_EQ(html_to_text("  one\n  two <p>\n three</p>\n\n\n<p>four</p>"), "one two\nthree\nfour");
  EXPECT_EQ(html_to_text("a<br><br>b"), "a\n\nb"); // two breaks: the sender wanted a blank line
}

TEST(Text, CutsAtChineseReplyHeader) {
  const std::string text =
      "收到，已隔离。\n\n王喆\n\n在 2026年3月3日 10:02，qloop 客诉受理 写道：\n> 已收到投诉。\n";
  EXPECT_EQ(cut_quoted(text), "收到，已隔离。\n\n王喆");
}

TEST(Text, CutsAtOutlookSeparators) {
  EXPECT_EQ(cut_quoted("New text\r\n\r\n-----Original Message-----\r\nFrom: a\r\nold"), "New text");
  EXPECT_EQ(cut_quoted("新内容\n------------------ 原始邮件 ------------------\n发件人: x"), "新内容");
  EXPECT_EQ(cut_quoted("新内容\n\n发件人: 客诉受理 <c@x.cn>\n发送时间: 2026年3月3日\n主题: 投诉"), "新内容");
  EXPECT_EQ(cut_quoted("New\n\nFrom: QA <qa@x.com>\nSent: Tuesday\nSubject: x"), "New");
  EXPECT_EQ(cut_quoted("Thanks\nOn Tue, 3 Mar 2026 at 10:02, QA <qa@x.com> wrote:\n> old"), "Thanks");
}

TEST(Text, DropsInterleavedQuotesKeepsAnswers) {
  EXPECT_EQ(cut_quoted("> How many?\n18 units.\n> Which lot?\nL2026-4001"), "18 units.\nL2026-4001");
}

TEST(Text, AllQuotedKeepsTheText) {
  EXPECT_EQ(cut_quoted("> only a quote\n> nothing new"), "> only a quote\n> nothing new");
}

TEST(Text, FromLineAloneIsNotASeparator) {
  EXPECT_EQ(cut_quoted("From: the factory floor\nwe saw cracks"), "From: the factory floor\nwe saw cracks");
}

TEST(Text, Tidy) {
  EXPECT_EQ(tidy("\r\n\r\n  a  \r\n\r\n\r\n\r\nb\t\n\n"), "  a\n\nb");
  EXPECT_EQ(tidy("\xE3\x80\x80\n x"), " x");
}

TEST(Text, ValidUtf8) {
  EXPECT_EQ(valid_utf8("ok"), "ok");
  EXPECT_EQ(valid_utf8("a\xff"), "a\xEF\xBF\xBD");
}

} // namespace
