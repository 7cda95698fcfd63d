// PDF: poppler-utils read the report back. The Chinese and English text is
// real text, every page has the running header and "page N / M", long
// content breaks across pages, and the pages are rendered to PNG in the test
// output directory for a person to look at.

#include <iostream>

#include "test_support.hpp"

using namespace eightd_test;

namespace {

void require_poppler() {
  for (const char *tool : {EIGHTD_PDFTOTEXT, EIGHTD_PDFINFO, EIGHTD_PDFTOPPM})
    ASSERT_TRUE(std::string(tool).find("NOTFOUND") == std::string::npos && !std::string(tool).empty())
        << "poppler-utils is not installed (pdftotext, pdfinfo, pdftoppm)";
}

std::string pdf_text(const fs::path &pdf, int page = 0) {
  std::string range = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
  return run(std::string(EIGHTD_PDFTOTEXT) + " -enc UTF-8" + range + " " + quoted(pdf) + " - 2>&1");
}

int pdf_pages(const fs::path &pdf) {
  const std::string info = run(std::string(EIGHTD_PDFINFO) + " " + quoted(pdf) + " 2>&1");
  const auto at = info.find("Pages:");
  return at == std::string::npos ? -1 : std::stoi(info.substr(at + 6));
}

// pdftotext puts line breaks where the PDF wrapped a line (and drops a
// hyphen at a line end, so markers in the tests have none).
std::string unwrapped(std::string s) {
  std::string out;
  for (char c : s) out += (c == '\n' ? ' ' : c);
  return out;
}

} // namespace

TEST(PdfReport, ChineseAndEnglishTextComesBackOut) {
  require_poppler();
  FakeHost host;
  const fs::path out = output_dir("pdf") / "full-zh.pdf";
  const auto run = run_export(host, "pdf", out.string(), "zh-CN", full_case());
  const std::string text = pdf_text(out);
  for (const char *s :
       {kChineseCustomer, kChinesePhenomenon, "8D 报告", "D4 根本原因分析", "发生原因", "流出原因",
        "水平展开", "客户沟通记录", "回流焊温度曲线偏低", "thermocouple drift", "QC-2025-00042",
        "Calibrate thermocouples monthly", "3 later lots without recurrence", "QA manager",
        "<script>alert('pwned')</script>", "3. 柏拉图 Pareto", "5. DOE 主效应图"})
    EXPECT_NE(text.find(s), std::string::npos) << s;
  EXPECT_EQ(run.summary["pages"], pdf_pages(out));
  EXPECT_EQ(run.summary["charts"], 5);
  EXPECT_EQ(run.summary["charts_failed"], 0); // librsvg drew all five (its text becomes outlines)
  EXPECT_EQ(run.summary["lang"], "zh-CN");
}

TEST(PdfReport, EveryPageHasTheHeaderAndPageNumber) {
  require_poppler();
  FakeHost host;
  const fs::path out = output_dir("pdf") / "full-en.pdf";
  run_export(host, "pdf", out.string(), "en", full_case());
  const int pages = pdf_pages(out);
  ASSERT_GT(pages, 1);
  for (int p = 1; p <= pages; ++p) {
    const std::string text = pdf_text(out, p);
    EXPECT_NE(text.find("QC-2025-00042 · " + std::string(kChineseCustomer)), std::string::npos)
        << "page " << p;
    EXPECT_NE(text.find("page " + std::to_string(p) + " / " + std::to_string(pages)), std::string::npos)
        << "page " << p << ":\n"
        << text;
  }
  EXPECT_NE(pdf_text(out, 1).find("8D Report — QC-2025-00042"), std::string::npos);
}

TEST(PdfReport, PagesAreRenderedToPngForAPerson) {
  require_poppler();
  FakeHost host;
  const fs::path dir = output_dir("pdf-pages");
  for (const auto &old : fs::directory_iterator(dir)) fs::remove(old.path());
  const fs::path out = dir / "8d-zh.pdf";
  run_export(host, "pdf", out.string(), "zh-CN", full_case());
  int status = -1;
  run(std::string(EIGHTD_PDFTOPPM) + " -png -r 70 " + quoted(out) + " " + quoted(dir / "page"), &status);
  ASSERT_EQ(status, 0);
  int pngs = 0;
  for (const auto &entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".png") {
      ++pngs;
      EXPECT_GT(fs::file_size(entry.path()), 5000u) << entry.path(); // a page with content, not blank
    }
  EXPECT_EQ(pngs, pdf_pages(out));
  std::cout << "8D PDF pages as PNG: " << dir.string() << "\n";
}

TEST(PdfReport, LongContentBreaksAcrossPagesWithoutLoss) {
  require_poppler();
  FakeHost host;
  json c = full_case();
  std::string long_text = "STARTOFLONGTEXT ";
  for (int i = 0; i < 700; ++i) long_text += "焊接温度曲线 reflow profile line " + std::to_string(i) + " ";
  long_text += "ENDOFLONGTEXT";
  c["eight_d"]["d0"] = long_text;
  c["actions"][1]["description"] = long_text; // one table row taller than a page
  c["eight_d"]["d6"]["validation"] = std::string(60000, 'x') + " TAILMARK"; // one "word" longer than a page
  for (int i = 0; i < 40; ++i)
    c["contacts"].push_back({{"at", "2025-12-01T08:00:00Z"},
                             {"channel", "phone"},
                             {"direction", "in"},
                             {"purpose", "update"},
                             {"actor", "王工"},
                             {"summary", "call " + std::to_string(i)}});
  const fs::path out = output_dir("pdf") / "long.pdf";
  const auto run = run_export(host, "pdf", out.string(), "en", c);
  const int pages = pdf_pages(out);
  EXPECT_GT(pages, 8);
  EXPECT_EQ(run.summary["pages"], pages);
  const std::string text = unwrapped(pdf_text(out));
  EXPECT_GE(count(text, "STARTOFLONGTEXT"), 3u); // D0, D5 row, D6 row
  EXPECT_GE(count(text, "ENDOFLONGTEXT"), 3u);
  EXPECT_NE(text.find("reflow profile line 699"), std::string::npos);
  EXPECT_NE(text.find("call 39"), std::string::npos);
  EXPECT_NE(text.find("TAILMARK"), std::string::npos);
  for (int p = 1; p <= pages; ++p)
    EXPECT_NE(pdf_text(out, p).find("page " + std::to_string(p) + " / " + std::to_string(pages)),
              std::string::npos);
}

TEST(PdfReport, SiteStyleFileShapesThePdf) {
  require_poppler();
  const fs::path dir = output_dir("pdf-style");
  write_text(dir / "8d.pdf.json",
             R"({"title": "ACME 客诉 8D", "header": "ACME · {{number}} · {{product_model}}",
    "footer": "confidential", "accent": "#aa0000", "font_size": 10, "sections": ["d4", "d8"]})");
  FakeHost host(Config{{"template_dir", dir.string()}});
  const fs::path out = dir / "styled.pdf";
  run_export(host, "pdf", out.string(), "en", full_case());
  const std::string text = pdf_text(out);
  EXPECT_NE(text.find("ACME 客诉 8D — QC-2025-00042"), std::string::npos);
  EXPECT_NE(text.find("ACME · QC-2025-00042 · PCBA-X100"), std::string::npos);
  EXPECT_NE(text.find("confidential"), std::string::npos);
  EXPECT_NE(text.find("D4 Root cause"), std::string::npos);
  EXPECT_NE(text.find("D8 Close and recognise"), std::string::npos);
  EXPECT_EQ(text.find("D1 Team"), std::string::npos);
  EXPECT_EQ(text.find("Customer contacts"), std::string::npos);
}

TEST(PdfReport, AnUnreadableChartIsNotedNotFatal) {
  require_poppler();
  FakeHost host;
  json c = full_case();
  c["analyses"][3]["result"]["charts"][0]["svg"] = "<svg><broken></svg>";
  const fs::path out = output_dir("pdf") / "bad-chart.pdf";
  const auto run = run_export(host, "pdf", out.string(), "en", c);
  EXPECT_EQ(run.summary["charts_failed"], 1);
  EXPECT_NE(unwrapped(pdf_text(out)).find("Chart could not be read"), std::string::npos);
}
