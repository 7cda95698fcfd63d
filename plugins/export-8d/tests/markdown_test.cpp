// Markdown: complaint text cannot become markup, tables keep their shape,
// charts are written beside the .md (sanitized) and linked.
#include "markdown_escape.hpp"
#include "test_support.hpp"

using namespace eightd_test;
using qloop::eightd::link_target;
using qloop::eightd::markdown_escape;

TEST(MarkdownEscape, EscapesMarkupCharacters) {
  EXPECT_EQ(markdown_escape("a*b_c`d[e](f)|g<h>&i~j\\k"), "a\\*b\\_c\\`d\\[e\\](f)\\|g\\<h\\>\\&i\\~j\\\\k");
  EXPECT_EQ(markdown_escape("<script>x</script>"), "\\<script\\>x\\</script\\>");
}

TEST(MarkdownEscape, LineStartsAndNewlines) {
  EXPECT_EQ(markdown_escape("# title"), "\\# title");
  EXPECT_EQ(markdown_escape("- item"), "\\- item");
  EXPECT_EQ(markdown_escape("+ item"), "\\+ item");
  EXPECT_EQ(markdown_escape("12. item"), "12\\. item");
  EXPECT_EQ(markdown_escape("3) item"), "3\\) item");
  EXPECT_EQ(markdown_escape("    code"), "code");
  EXPECT_EQ(markdown_escape("one\n# two"), "one<br># two"); // mid-paragraph: '#' is text
  EXPECT_EQ(markdown_escape("v1.2 - ok"), "v1.2 - ok");
  EXPECT_EQ(markdown_escape("焊点虚焊"), "焊点虚焊");
}

TEST(MarkdownEscape, LinkTargetsArePercentEncoded) {
  EXPECT_EQ(link_target("8D report (v2).chart-1.svg"), "8D%20report%20%28v2%29.chart-1.svg");
  EXPECT_EQ(link_target("报告.svg"), "%E6%8A%A5%E5%91%8A.svg");
}

TEST(MarkdownReport, HostileTextStaysText) {
  FakeHost host;
  json c = full_case(true);
  c["eight_d"]["d0"] = "# not a heading\n- not a list\n[click](javascript:alert(1)) ![x](http://evil/x.png)";
  c["actions"][0]["description"] = "a | b | c\nnext line";
  const fs::path out = output_dir("md") / "QC-2025-00042 8D.md";
  const auto run = run_export(host, "md", out.string(), "en", c);
  const std::string md = read_file(out);
  EXPECT_EQ(md.find("<script>"), std::string::npos);
  EXPECT_NE(md.find("\\<script\\>"), std::string::npos);
  EXPECT_EQ(md.find("[click](javascript:"), std::string::npos);
  EXPECT_NE(md.find("\\# not a heading<br>- not a list<br>\\[click\\](javascript:alert(1)) !\\[x\\]"),
            std::string::npos);
  // the action row keeps its 7 cells: its pipes are escaped, its newline is <br>
  std::istringstream lines(md);
  std::string line, row;
  while (std::getline(lines, line))
    if (row.empty() && line.find("a \\| b \\| c<br>next line") != std::string::npos) row = line; // D3 table
  ASSERT_FALSE(row.empty());
  EXPECT_EQ(count(row, "|") - count(row, "\\|"), 8u);
  EXPECT_NE(md.find("| 2025-11-25 21:16 UTC | Email | To customer | First response |"), std::string::npos);
  EXPECT_EQ(run.summary["format"], "md");
}

TEST(MarkdownReport, ChartsAreWrittenBesideAndLinked) {
  FakeHost host;
  const fs::path dir = output_dir("md-charts");
  const fs::path out = dir / "report.md";
  const auto run = run_export(host, "md", out.string(), "zh-CN", full_case(true));
  const std::string md = read_file(out);
  ASSERT_EQ(run.summary["chart_files"].size(), 5u);
  for (int n = 1; n <= 5; ++n) {
    const std::string name = "report.chart-" + std::to_string(n) + ".svg";
    EXPECT_NE(md.find("](" + name + ")"), std::string::npos) << name;
    const std::string svg = read_file(dir / name);
    EXPECT_EQ(svg.rfind("<svg", 0), 0u) << name;
    EXPECT_EQ(svg.find("<script"), std::string::npos) << name;
  }
  EXPECT_NE(md.find("## D4 根本原因分析"), std::string::npos);
  EXPECT_NE(md.find("### 发生原因"), std::string::npos);
  EXPECT_NE(md.find("### 流出原因"), std::string::npos);
  EXPECT_NE(md.find("### 水平展开"), std::string::npos);
  EXPECT_NE(md.find(kChineseCustomer), std::string::npos);
}
