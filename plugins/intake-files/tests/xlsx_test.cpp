// XLSX workbooks through the plugin's C entry: openpyxl's (inline strings,
// date styles), libxlsxwriter's (shared strings) and a hand-made one (1904
// dates, rich text, booleans, formula text, a date column left as numbers).
#include <string>

#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "fake_host.hpp"
#include "xlsx_reader.hpp"

namespace {

using files_test::FakeHost;
using files_test::json;
using files_test::run_plugin;

std::string make_openpyxl(const std::string &dir, const std::string &kind) {
  const std::string path = dir + "/" + kind + ".xlsx";
  files_test::shell("/usr/bin/python3 '" INTAKE_FILES_TESTS_DIR "/make_xlsx.py' '" + path + "' " + kind);
  return path;
}

struct Imported {
  FakeHost host;
  files_test::RunResult result;
  std::string sha;
};

void import(Imported &run, const std::string &path, std::map<std::string, std::string> config = {}) {
  run.host.config = std::move(config);
  run.result = run_plugin(run.host, {{"file", path}});
  run.sha = files_test::sha256_of(path);
}

TEST(Xlsx, OpenpyxlWorkbookWithTitleDatesNumbersAndErrors) {
  const std::string dir = files_test::temp_dir("xlsx");
  Imported run;
  import(run, make_openpyxl(dir, "complaints"));
  ASSERT_EQ(run.result.status, QLOOP_OK) << run.result.error;
  EXPECT_EQ(run.host.invalid, 0u);
  ASSERT_EQ(run.host.records.size(), 3u) << run.host.logged();
  const json r4 = files_test::record_at(run.host, run.sha, 4);
  EXPECT_EQ(r4["customer"], "华为");
  EXPECT_EQ(r4["order_number"], "20251103001"); // a number cell, as text without ".0"
  EXPECT_EQ(r4["quantity_affected"], 12);
  EXPECT_EQ(r4["received_at"], "2025-11-03T14:05:00+08:00");
  EXPECT_EQ(r4["channel"], "phone");
  EXPECT_EQ(r4["severity"], "critical");
  EXPECT_EQ(r4["extra"]["备注"], "首批");
  EXPECT_EQ(r4["extra"]["_source"]["sheet"], "客诉台账");
  const json r5 = files_test::record_at(run.host, run.sha, 5);
  EXPECT_EQ(r5["quantity_affected"], 3);
  EXPECT_EQ(r5["received_at"], "2025-11-04T00:00:00+08:00");
  EXPECT_EQ(r5["channel"], "online");
  const json r9 = files_test::record_at(run.host, run.sha, 9);
  EXPECT_EQ(r9["received_at"], "2025-11-07T09:30:15+08:00");
  EXPECT_EQ(r9["severity"], "minor");
  EXPECT_EQ(r9["extra"]["备注"], "7");
  EXPECT_FALSE(r9.contains("quantity_affected"));

  ASSERT_EQ(run.host.quarantine.size(), 2u);
  const auto &q6 = run.host.quarantine.at("file:" + run.sha + ":6");
  EXPECT_NE(q6.reason.find("row 6: customer holds the spreadsheet error '#N/A'"), std::string::npos)
      << q6.reason;
  const json raw6 = json::parse(q6.raw);
  EXPECT_EQ(raw6["row"], 6);
  EXPECT_EQ(raw6["cells"]["B"], "X300");
  const auto &q7 = run.host.quarantine.at("file:" + run.sha + ":7");
  EXPECT_NE(q7.reason.find("row 7: quantity_affected '2.5' is not a whole number (column 不良数量)"),
            std::string::npos)
      << q7.reason;
  EXPECT_EQ(run.result.summary["details"][0]["header_row"], 3);
}

TEST(Xlsx, SheetSetting) {
  const std::string dir = files_test::temp_dir("sheet");
  const std::string path = make_openpyxl(dir, "complaints");
  Imported english;
  import(english, path, {{ "sheet", "English" }});
  ASSERT_EQ(english.result.status, QLOOP_OK) << english.result.error;
  ASSERT_EQ(english.host.records.size(), 1u);
  EXPECT_EQ(files_test::record_at(english.host, english.sha, 2)["received_at"], "2025-12-01T00:00:00+08:00");
  Imported none;
  import(none, path, {{ "sheet", "Nope" }});
  EXPECT_EQ(none.result.status, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(none.result.error.find("no sheet 'Nope'"), std::string::npos) << none.result.error;
  EXPECT_NE(none.result.error.find("'客诉台账', 'English'"), std::string::npos) << none.result.error;
}

TEST(Xlsx, MissingColumnsAndNotAWorkbook) {
  const std::string dir = files_test::temp_dir("xbad");
  Imported missing;
  import(missing, make_openpyxl(dir, "missing"));
  EXPECT_EQ(missing.result.status, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(missing.result.error.find("missing required column(s) for phenomenon, received_at"),
            std::string::npos)
      << missing.result.error;
  EXPECT_NE(missing.result.error.find("headers found (row 1): 客户名称, 产品型号"), std::string::npos);

  files_test::write_file(dir + "/text.xlsx", "客户,问题描述,投诉日期\n");
  Imported text;
  import(text, dir + "/text.xlsx");
  EXPECT_EQ(text.result.status, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(text.result.error.find("not a ZIP archive"), std::string::npos) << text.result.error;

  files_test::write_file(dir + "/cut.xlsx", files_test::read_file(dir + "/missing.xlsx").substr(0, 300));
  Imported cut;
  import(cut, dir + "/cut.xlsx");
  EXPECT_EQ(cut.result.status, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(cut.result.error.find("not a usable XLSX workbook"), std::string::npos) << cut.result.error;
}

TEST(Xlsx, SharedStringsFromLibxlsxwriter) {
  const std::string dir = files_test::temp_dir("lxw");
  const std::string path = dir + "/shared.xlsx";
  lxw_workbook *wb = workbook_new(path.c_str());
  lxw_worksheet *ws = workbook_add_worksheet(wb, "Sheet1");
  lxw_format *date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
  const char *header[] = {"Customer", "Product", "Qty", "Description", "Date"};
  for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
  for (lxw_row_t r = 1; r <= 3; ++r) {
    worksheet_write_string(ws, r, 0, "海尔", nullptr); // the same shared string three times
    worksheet_write_string(ws, r, 1, "H-1", nullptr);
    worksheet_write_number(ws, r, 2, static_cast<double>(r), nullptr);
    worksheet_write_string(ws, r, 3, ("噪音 " + std::to_string(r)).c_str(), nullptr);
    lxw_datetime when{2025, 11, static_cast<int>(r), 0, 0, 0.0};
    worksheet_write_datetime(ws, r, 4, &when, date);
  }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  Imported run;
  import(run, path);
  ASSERT_EQ(run.result.status, QLOOP_OK) << run.result.error;
  ASSERT_EQ(run.host.records.size(), 3u);
  const json r3 = files_test::record_at(run.host, run.sha, 3);
  EXPECT_EQ(r3["customer"], "海尔");
  EXPECT_EQ(r3["phenomenon"], "噪音 2");
  EXPECT_EQ(r3["quantity_affected"], 2);
  EXPECT_EQ(r3["received_at"], "2025-11-02T00:00:00+08:00");
}

void add_part(zip_t *z, const char *name, const std::string &text) {
  auto *copy = static_cast<char *>(malloc(text.size()));
  memcpy(copy, text.data(), text.size());
  zip_source_t *src = zip_source_buffer(z, copy, text.size(), 1);
  ASSERT_NE(src, nullptr);
  ASSERT_GE(zip_file_add(z, name, src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8), 0);
}

// A minimal package: the parts Excel needs, written by hand, so every cell
// type and the 1904 date system are under the test's control.
TEST(Xlsx, HandMadeCellTypesAnd1904Dates) {
  const std::string dir = files_test::temp_dir("hand");
  const std::string path = dir + "/hand.xlsx";
  int err = 0;
  zip_t *z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  ASSERT_NE(z, nullptr);
  const std::string ns = "http://schemas.openxmlformats.org/";
  add_part(z, "[Content_Types].xml", "<Types xmlns=\"" + ns + "package/2006/content-types\"/>");
  add_part(
      z, "_rels/.rels",
      "<Relationships xmlns=\"" + ns + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + ns +
          "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
  add_part(z, "xl/workbook.xml",
           "<workbook xmlns=\"" + ns + "spreadsheetml/2006/main\" xmlns:r=\"" + ns +
               "officeDocument/2006/relationships\"><workbookPr date1904=\"1\"/><sheets><sheet name=\"S\" "
               "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  add_part(z, "xl/_rels/workbook.xml.rels",
           "<Relationships xmlns=\"" + ns +
               "package/2006/relationships\">"
               "<Relationship Id=\"rId1\" Type=\"" +
               ns +
               "officeDocument/2006/relationships/worksheet\" "
               "Target=\"worksheets/sheet1.xml\"/>"
               "<Relationship Id=\"rId2\" Type=\"" +
               ns +
               "officeDocument/2006/relationships/sharedStrings\" "
               "Target=\"sharedStrings.xml\"/>"
               "<Relationship Id=\"rId3\" Type=\"" +
               ns +
               "officeDocument/2006/relationships/styles\" "
               "Target=\"styles.xml\"/></Relationships>");
  add_part(z, "xl/sharedStrings.xml",
           "<sst xmlns=\"" + ns +
               "spreadsheetml/2006/main\"><si><t>客户</t></si><si><t>问题描述</t></si>"
               "<si><t>日期</t></si><si><t>Flag</t></si>"
               "<si><r><t>格力</t></r><r><rPr><b/></rPr><t>电器</t></r><rPh><t>ge li</t></rPh></si></sst>");
  add_part(z, "xl/styles.xml",
           "<styleSheet xmlns=\"" + ns +
               "spreadsheetml/2006/main\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"
               "<xf numFmtId=\"14\"/></cellXfs></styleSheet>");
  add_part(
      z, "xl/worksheets/sheet1.xml",
      "<worksheet xmlns=\"" + ns +
          "spreadsheetml/2006/main\"><sheetData>"
          "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
          "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>"
          // rich text, a formula's text result, a 1904 date, a boolean
          "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c><c r=\"B2\" t=\"str\"><f>CONCAT(\"a\",\"b\")</f>"
          "<v>ab</v></c><c r=\"C2\" s=\"1\"><v>0</v></c><c r=\"D2\" t=\"b\"><v>1</v></c></row>"
          // a date column left unformatted: its day serial (1904 system)
          "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>美的</t></is></c><c r=\"B3\" t=\"inlineStr\">"
          "<is><t>异味</t></is></c><c r=\"C3\"><v>44000.5</v></c></row>"
          // a shared string index past the table
          "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>99</v></c><c r=\"B4\" t=\"inlineStr\"><is><t>x</t></is></c>"
          "<c r=\"C4\" s=\"1\"><v>1</v></c></row>"
          "</sheetData></worksheet>");
  ASSERT_EQ(zip_close(z), 0);

  Imported run;
  import(run, path);
  ASSERT_EQ(run.result.status, QLOOP_OK) << run.result.error;
  ASSERT_EQ(run.host.records.size(), 2u) << run.host.logged();
  const json r2 = files_test::record_at(run.host, run.sha, 2);
  EXPECT_EQ(r2["customer"], "格力电器"); // phonetic run left out
  EXPECT_EQ(r2["phenomenon"], "ab");
  EXPECT_EQ(r2["received_at"], "1904-01-01T00:00:00+08:00");
  EXPECT_EQ(r2["extra"]["Flag"], "TRUE");
  const json r3 = files_test::record_at(run.host, run.sha, 3);
  EXPECT_EQ(r3["received_at"], "2024-06-19T12:00:00+08:00"); // 1904-01-01 + 44000.5 days
  ASSERT_EQ(run.host.quarantine.size(), 1u);
  EXPECT_NE(run.host.quarantine.begin()->second.reason.find("row 4: cell A4 points past the shared strings"),
            std::string::npos);
}

TEST(Xlsx, SerialDates) {
  using qloop::intake_files::excel_serial_to_iso;
  EXPECT_EQ(excel_serial_to_iso(45964.58680555555, false), "2025-11-03T14:05:00");
  EXPECT_EQ(excel_serial_to_iso(1, false), "1900-01-01");
  EXPECT_EQ(excel_serial_to_iso(60, false), "1900-02-28"); // Excel's phantom 29 Feb 1900
  EXPECT_EQ(excel_serial_to_iso(61, false), "1900-03-01");
  EXPECT_EQ(excel_serial_to_iso(0, true), "1904-01-01");
  EXPECT_EQ(qloop::intake_files::column_index("AB12"), 27u);
  EXPECT_EQ(qloop::intake_files::column_letters(27), "AB");
}

} // namespace
