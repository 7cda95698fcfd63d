// HTML: one self-contained file; complaint text is escaped by the template
// engine, charts are base64 data: images whose SVG has no script left.
#include <glib.h>

#include "test_support.hpp"

using namespace eightd_test;

namespace {

std::vector<std::string> data_uris(const std::string &html) {
  std::vector<std::string> out;
  const std::string prefix = "src=\"data:image/svg+xml;base64,";
  for (auto at = html.find(prefix); at != std::string::npos; at = html.find(prefix, at + 1)) {
    const auto start = at + prefix.size();
    out.push_back(html.substr(start, html.find('"', start) - start));
  }
  return out;
}

std::string base64_decode(const std::string &text) {
  gsize len = 0;
  guchar *bytes = g_base64_decode(text.c_str(), &len);
  std::string out(reinterpret_cast<const char *>(bytes), len);
  g_free(bytes);
  return out;
}

} // namespace

TEST(HtmlReport, InjectedScriptComesOutInert) {
  FakeHost host;
  json c = full_case(true);
  c["complaint"]["customer"] = std::string("ACME\"><script>alert(1)</script><img src=x onerror=alert(2)>");
  c["eight_d"]["d0"] = "</p><script src=\"https://evil.example/x.js\"></script><p>";
  c["contacts"][0]["summary"] = "<iframe src=javascript:alert(3)></iframe>";
  const fs::path out = output_dir("html") / "hostile.html";
  run_export(host, "html", out.string(), "en", c);
  const std::string html = read_file(out);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<iframe"), std::string::npos);
  EXPECT_EQ(html.find("<img src=x"), std::string::npos);
  EXPECT_EQ(html.find("evil.example/x.js\""), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&apos;pwned&apos;)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("ACME&quot;&gt;&lt;script&gt;"), std::string::npos);
  // the running header in the print CSS carries the customer as hex escapes only
  const auto style_start = html.find("<style>") + 7;
  const std::string style = html.substr(style_start, html.find("</style>") - style_start);
  EXPECT_EQ(style.find('<'), std::string::npos);
  EXPECT_EQ(style.find('&'), std::string::npos);
  EXPECT_NE(style.find("\\3C script\\3E alert"), std::string::npos) << style.substr(0, 400);
  // every chart is an <img> of sanitized SVG
  const auto uris = data_uris(html);
  ASSERT_EQ(uris.size(), 5u);
  for (const auto &uri : uris) {
    const std::string svg = base64_decode(uri);
    EXPECT_EQ(svg.rfind("<svg", 0), 0u);
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_EQ(svg.find("onclick"), std::string::npos);
  }
}

TEST(HtmlReport, SelfContainedPrintReadyAndComplete) {
  FakeHost host;
  const fs::path out = output_dir("html") / "full-zh.html";
  const auto run = run_export(host, "html", out.string(), "zh-CN", full_case());
  const std::string html = read_file(out);
  EXPECT_NE(html.find("<html lang=\"zh-CN\">"), std::string::npos);
  EXPECT_NE(html.find("size: A4"), std::string::npos);
  EXPECT_NE(html.find("@top-left { content: \"QC\\2D 2025\\2D 00042 \\B7  \\5317 \\65B9 "),
            std::string::npos);
  EXPECT_NE(
      html.find(
          "@bottom-right { content: \"\\7B2C  \" counter(page) \" \\9875  \\2F  \\5171  \" counter(pages)"),
      std::string::npos);
  // nothing is fetched from elsewhere
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  for (const char *text :
       {"D0 准备与紧急响应", "D1 成立小组", "D2 问题描述", "D3 临时遏制措施", "D4 根本原因分析",
        "D5 制定永久对策", "D6 实施并验证", "D7 预防再发", "D8 结案与表彰", "发生原因", "流出原因",
        "水平展开", "客户沟通记录", "回访", "回流焊温度曲线偏低 reflow profile 8 °C low",
        "ICT 测试未覆盖 U7 引脚", "PCBA-X200 line 4 同类产品", "满意 / satisfied", "QA manager"})
    EXPECT_NE(html.find(text), std::string::npos) << text;
  EXPECT_EQ(run.summary["charts"], 5);
  EXPECT_EQ(run.summary["actions"], 3);
  EXPECT_EQ(run.summary["template"], "built-in");
}
