// PDF: poppler-utils read the review back. Chinese and English text is
// real text, every page has its header and "page N / M", the four charts are
// drawn, and page 1 is rendered to PNG in the test output directory for a
// person to look at.
#include <iostream>

#include <fontconfig/fontconfig.h>

#include "report_pdf/fonts.hpp"
#include "test_support.hpp"

using namespace review_test;

namespace {

void require_poppler() {
  for (const char *tool : {REVIEW_PDFTOTEXT, REVIEW_PDFTOPPM})
    ASSERT_TRUE(std::string(tool).find("NOTFOUND") == std::string::npos && !std::string(tool).empty())
        << "poppler-utils is not installed (pdftotext, pdftoppm)";
}

std::string pdf_text(const fs::path &pdf, int page = 0) {
  const std::string range = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
  return run(std::string(REVIEW_PDFTOTEXT) + " -enc UTF-8" + range + " " + quoted(pdf) + " - 2>&1");
}

// pdftotext breaks lines where the PDF wrapped them.
std::string unwrapped(std::string s) {
  for (char &c : s)
    if (c == '\n') c = ' ';
  return s;
}

// ... and guesses spaces between Chinese glyphs from their positions.
std::string without_spaces(std::string s) {
  std::erase_if(s, [](char c) { return c == ' ' || c == '\n'; });
  return s;
}

} // namespace

TEST(Pdf, ChineseTextComesBackOut) {
  require_poppler();
  FakeHost host(Config{{"company", "华东汽车电子"}});
  const fs::path out = output_dir("pdf") / "review-zh.pdf";
  const auto run = run_export(host, "pdf", out, "zh-CN", sample());
  const std::string text = without_spaces(pdf_text(out));
  for (const std::string &s : std::vector<std::string>{"质量回顾 2026-01-01 – 2026-12-31",
                                                       "华东汽车电子",
                                                       "客诉总数",
                                                       "重大客诉",
                                                       "平均处理周期(天)",
                                                       "首次响应及时率",
                                                       "24小时确认率",
                                                       "按时关闭率",
                                                       "解决率",
                                                       "满意度",
                                                       "回访满意率",
                                                       "重复发生率",
                                                       "8D按时完成率",
                                                       "客诉类型分布",
                                                       "产品柏拉图",
                                                       "缺陷柏拉图",
                                                       "月度趋势",
                                                       "产品质量 / 焊接",
                                                       "PCBA-X100",
                                                       "98.3%",
                                                       "116 / 118",
                                                       "第 1 页 / 共"})
    EXPECT_NE(text.find(without_spaces(s)), std::string::npos) << s;
  const int pages = run.summary["pages"];
  EXPECT_NE(
      text.find(without_spaces("第 " + std::to_string(pages) + " 页 / 共 " + std::to_string(pages) + " 页")),
      std::string::npos);
  EXPECT_EQ(run.summary["charts"], 4);
  EXPECT_EQ(run.summary["charts_failed"], 0);
  EXPECT_EQ(run.summary["lang"], "zh-CN");
  EXPECT_GE(run.summary["pages"].get<int>(), 2);
}

TEST(Pdf, EnglishTextAndEveryPageNumbered) {
  require_poppler();
  FakeHost host;
  const fs::path out = output_dir("pdf") / "review-en.pdf";
  const auto run = run_export(host, "pdf", out, "en", sample());
  const std::string text = unwrapped(pdf_text(out));
  for (const char *s : {"Period review 2026-01-01 – 2026-12-31", "Complaints received",
                        "First response in target", "Revisit satisfaction", "8D on time", "Pareto by product",
                        "Product quality / Welding", "Previous period: 2025-01-01 – 2025-12-31",
                        "2026-12-31 18:00 UTC", "120", "150", "20.0%", "6.3 pt", "Vital few"})
    EXPECT_NE(text.find(s), std::string::npos) << s;
  const int pages = run.summary["pages"];
  for (int p = 1; p <= pages; ++p) {
    const std::string page = pdf_text(out, p);
    EXPECT_NE(page.find("page " + std::to_string(p) + " / " + std::to_string(pages)), std::string::npos) << p;
    EXPECT_NE(page.find("Period review 2026-01-01"), std::string::npos) << p; // the running header
  }
}

TEST(Pdf, PageOneIsRenderedToPngForAPerson) {
  require_poppler();
  FakeHost host;
  const fs::path dir = output_dir("pdf-pages");
  for (const auto &old : fs::directory_iterator(dir)) fs::remove(old.path());
  const fs::path out = dir / "review-zh.pdf";
  run_export(host, "pdf", out, "zh-CN", sample());
  int status = -1;
  run(std::string(REVIEW_PDFTOPPM) + " -png -r 70 -f 1 -l 1 -singlefile " + quoted(out) + " " +
          quoted(dir / "page-1"),
      &status);
  ASSERT_EQ(status, 0);
  const fs::path png = dir / "page-1.png";
  ASSERT_TRUE(fs::exists(png));
  EXPECT_GT(fs::file_size(png), 20000u); // a page with a table and a chart, not a blank one
  std::cout << "review PDF page 1 as PNG: " << png.string() << "\n";
}

TEST(Pdf, AnEmptyPeriodStillMakesAReport) {
  require_poppler();
  json report = sample();
  report["by_category"] = json::array();
  report["pareto"]["product"] = json::array();
  report["pareto"]["defect"] = json::array();
  for (auto &k : report["kpis"]) {
    k["current"] = {{"value", k["unit"] == "count" ? json(0) : json()}, {"numerator", 0}, {"denominator", 0}};
    k["change"] = nullptr;
  }
  FakeHost host;
  const fs::path out = output_dir("pdf") / "empty.pdf";
  const auto run = run_export(host, "pdf", out, "en", report);
  EXPECT_EQ(run.summary["charts_failed"], 0);
  EXPECT_NE(unwrapped(pdf_text(out)).find("No complaints in this period"), std::string::npos);
}

TEST(Pdf, NoChineseFontIsAClearConfigError) {
  FcConfig *empty = FcConfigCreate(); // a machine with no fonts installed
  try {
    qloop::reportpdf::choose_cjk_font("Noto Sans CJK SC", "export.review", empty);
    ADD_FAILURE() << "expected an error";
  } catch (const qloop::sdk::Error &e) {
    EXPECT_EQ(e.status(), QLOOP_ERR_CONFIG);
    EXPECT_NE(std::string(e.what()).find("fonts-noto-cjk"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("[export.review] font_family"), std::string::npos) << e.what();
  }
  FcConfigDestroy(empty);
}

TEST(Pdf, AFontWithoutChineseIsReplacedWithAWarning) {
  FakeHost host(Config{{"font_family", "DejaVu Sans"}});
  const fs::path out = output_dir("pdf") / "fallback-font.pdf";
  run_export(host, "pdf", out, "zh-CN", sample());
  bool warned = false;
  for (const auto &line : host.logs())
    warned = warned || line.find("'DejaVu Sans' is not installed") != std::string::npos;
  EXPECT_TRUE(warned);
  EXPECT_TRUE(fs::exists(out));
}
