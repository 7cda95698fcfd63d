// The streaming XLSX reader against recorded outputs. The files in
// tests/golden/ were written by the earlier reader (one pugixml DOM per
// sheet) from the same workbooks, so every record, quarantine reason and raw
// row picture must come out exactly as before. Source keys hold the file's
// SHA-256, which changes with openpyxl's timestamps, so they are left out.
// QLOOP_WRITE_GOLDEN=1 rewrites the files instead of comparing.
#include <cstdlib>
#include <cstring>
#include <string>

#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "fake_host.hpp"

namespace {

using files_test::FakeHost;
using files_test::json;
using files_test::run_plugin;

// What an import produced, keyed by row number instead of source key.
json snapshot(const FakeHost &host, const files_test::RunResult &result) {
  json out = {{"status", result.status}, {"error", result.error}};
  if (result.status != QLOOP_OK) return out;
  const json &d = result.summary["details"][0];
  out["summary"] = {{"rows", d["rows"]},
                    {"submitted", d["submitted"]},
                    {"quarantined", d["quarantined"]},
                    {"header_row", d["header_row"]},
                    {"sheet", d.value("sheet", "")}};
  auto row_of = [](const std::string &key) { return key.substr(key.rfind(':') + 1); };
  for (const auto &[key, record] : host.records) {
    json r = record;
    r.erase("source_key");
    out["records"][row_of(key)] = r;
  }
  for (const auto &[key, q] : host.quarantine)
    out["quarantine"][row_of(key)] = {{"reason", q.reason}, {"raw", q.raw}};
  return out;
}

void check_against_golden(const std::string &name, const std::string &path,
                          std::map<std::string, std::string> config = {}) {
  FakeHost host;
  host.config = std::move(config);
  const auto result = run_plugin(host, {{"file", path}});
  const json got = snapshot(host, result);
  const std::string golden = INTAKE_FILES_TESTS_DIR "/golden/" + name + ".json";
  const char *write = std::getenv("QLOOP_WRITE_GOLDEN");
  if (write != nullptr && std::strcmp(write, "1") == 0) {
    files_test::write_file(golden, got.dump(1) + "\n");
    return;
  }
  const std::string text = files_test::read_file(golden);
  ASSERT_FALSE(text.empty()) << golden << " is missing (QLOOP_WRITE_GOLDEN=1 writes it)";
  const json want = json::parse(text);
  // Per row first, so a difference names its row.
  for (const char *part : {"records", "quarantine"}) {
    if (!want.contains(part)) continue;
    for (const auto &[row, value] : want[part].items()) {
      EXPECT_EQ(got[part].value(row, json()), value) << name << " " << part << " row " << row;
    }
  }
  EXPECT_EQ(got, want) << name;
}

std::string openpyxl(const std::string &dir, const std::string &kind) {
  const std::string path = dir + "/" + kind + ".xlsx";
  files_test::shell("/usr/bin/python3 '" INTAKE_FILES_TESTS_DIR "/make_xlsx.py' '" + path + "' " + kind);
  return path;
}

TEST(XlsxGolden, OpenpyxlWorkbooks) {
  const std::string dir = files_test::temp_dir("golden");
  const std::string complaints = openpyxl(dir, "complaints");
  check_against_golden("complaints", complaints);
  check_against_golden("complaints-english", complaints, {{"sheet", "English"}});
  check_against_golden("mixed", openpyxl(dir, "mixed"));
}

// libxlsxwriter: shared strings in normal mode, inline strings in
// constant_memory mode; formulas with cached results, booleans, dates.
std::string libxlsxwriter(const std::string &dir, bool constant_memory) {
  const std::string path = dir + (constant_memory ? "/inline.xlsx" : "/shared.xlsx");
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook *wb = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet *ws = workbook_add_worksheet(wb, "台账");
  lxw_format *date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
  lxw_format *time = workbook_add_format(wb);
  format_set_num_format(time, "[$-F400]h:mm:ss AM/PM");
  const char *header[] = {"Customer", "Product", "Qty", "Description", "Date", "Flag", "Score"};
  for (lxw_col_t c = 0; c < 7; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
  for (lxw_row_t r = 1; r <= 40; ++r) {
    worksheet_write_string(ws, r, 0, r % 5 == 0 ? "" : "海尔", nullptr);
    worksheet_write_string(ws, r, 1, ("H-" + std::to_string(r % 3)).c_str(), nullptr);
    if (r % 4 == 0)
      worksheet_write_formula_num(ws, r, 2, "=1+1", nullptr, 2);
    else
      worksheet_write_number(ws, r, 2, r % 6 == 0 ? -1.0 : static_cast<double>(r), nullptr);
    if (r % 7 == 0)
      worksheet_write_formula_str(ws, r, 3, "=\"a\"&\"b\"", nullptr, "ab & <c>");
    else
      worksheet_write_string(ws, r, 3, ("噪音 " + std::to_string(r)).c_str(), nullptr);
    lxw_datetime when{2025, 11, static_cast<int>(1 + r % 28), static_cast<int>(r % 24), 0, 0.0};
    worksheet_write_datetime(ws, r, 4, &when, r % 3 == 0 ? time : date);
    worksheet_write_boolean(ws, r, 5, r % 2, nullptr);
    worksheet_write_number(ws, r, 6, r / 3.0, nullptr);
  }
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  return path;
}

TEST(XlsxGolden, LibxlsxwriterSharedAndInlineStrings) {
  const std::string dir = files_test::temp_dir("golden-lxw");
  check_against_golden("lxw-shared", libxlsxwriter(dir, false));
  check_against_golden("lxw-inline", libxlsxwriter(dir, true));
}

void add_part(zip_t *z, const char *name, const std::string &text) {
  auto *copy = static_cast<char *>(malloc(text.size()));
  memcpy(copy, text.data(), text.size());
  zip_source_t *src = zip_source_buffer(z, copy, text.size(), 1);
  ASSERT_NE(src, nullptr);
  ASSERT_GE(zip_file_add(z, name, src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8), 0);
}

// XML details a writer may use: a namespace prefix on every element, rows
// and cells without r, entities and CDATA, rich text with phonetic runs,
// numbers in custom date formats, style indexes past the table, and "row"
// elements outside sheetData that are not rows.
TEST(XlsxGolden, HandMadeXmlDetails) {
  const std::string dir = files_test::temp_dir("golden-hand");
  const std::string path = dir + "/edge.xlsx";
  int err = 0;
  zip_t *z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  ASSERT_NE(z, nullptr);
  const std::string ns = "http://schemas.openxmlformats.org/";
  const std::string rel = ns + "officeDocument/2006/relationships/";
  add_part(z, "[Content_Types].xml", "<Types xmlns=\"" + ns + "package/2006/content-types\"/>");
  add_part(z, "_rels/.rels",
           "<Relationships xmlns=\"" + ns + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" +
               rel + "officeDocument\" Target=\"/xl/wb.xml\"/></Relationships>");
  add_part(z, "xl/wb.xml",
           "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<x:workbook xmlns:x=\"" + ns +
               "spreadsheetml/2006/main\" xmlns:rel=\"" + ns +
               "officeDocument/2006/relationships\"><x:sheets><x:sheet name=\"Edge\" sheetId=\"1\" "
               "rel:id=\"rId7\"/></x:sheets></x:workbook>");
  add_part(z, "xl/_rels/wb.xml.rels",
           "<Relationships xmlns=\"" + ns + "package/2006/relationships\"><Relationship Id=\"rId7\" Type=\"" +
               rel + "worksheet\" Target=\"sheets/../worksheets/s.xml\"/><Relationship Id=\"rId8\" Type=\"" +
               rel + "sharedStrings\" Target=\"strings.xml\"/><Relationship Id=\"rId9\" Type=\"" + rel +
               "styles\" Target=\"st.xml\"/></Relationships>");
  add_part(z, "xl/strings.xml",
           "<x:sst xmlns:x=\"" + ns +
               "spreadsheetml/2006/main\">"
               "<x:si><x:t>客户</x:t></x:si>"                                 // 0
               "<x:si><x:t>问题描述</x:t></x:si>"                             // 1
               "<x:si><x:t>日期</x:t></x:si>"                                 // 2
               "<x:si><x:t>Note</x:t></x:si>"                                 // 3
               "<x:si><x:t>A &amp; B &lt;C&gt; &#x4E2D;&#25991;</x:t></x:si>" // 4
               "<x:si><x:t><![CDATA[a<b>c]]></x:t></x:si>"                    // 5
               "<x:si><x:t xml:space=\"preserve\">  </x:t></x:si>"            // 6 whitespace only
               "<x:si><x:t>line1&#10;line2\r\nline3</x:t></x:si>"             // 7
               "<x:si><x:r><x:t>格</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>力</x:t><x:t>x</x:t></x:r>"
               "<x:rPh sb=\"0\" eb=\"1\"><x:t>ge</x:t></x:rPh><x:phoneticPr fontId=\"1\"/></x:si>" // 8
               "<x:si><x:t>a</x:t><x:t>b</x:t></x:si>"                                             // 9
               "<x:si/>"                                                                           // 10 empty
               "</x:sst>");
  add_part(z, "xl/st.xml",
           "<styleSheet xmlns=\"" + ns +
               "spreadsheetml/2006/main\"><numFmts count=\"4\">"
               "<numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
               "<numFmt numFmtId=\"165\" formatCode=\"[Red]0.00;&quot;day&quot;\"/>"
               "<numFmt numFmtId=\"166\" formatCode=\"h:mm\"/>"
               "<numFmt numFmtId=\"167\" formatCode=\"\\d0\"/></numFmts>"
               "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
               "<xf numFmtId=\"166\"/><xf numFmtId=\"167\"/><xf numFmtId=\"22\"/></cellXfs></styleSheet>");
  std::string rows;
  // Header: shared strings; the cells carry no r, so columns count on.
  rows += "<x:row><x:c t=\"s\"><x:v>0</x:v></x:c><x:c t=\"s\"><x:v>1</x:v></x:c><x:c t=\"s\"><x:v>2</x:v>"
          "</x:c><x:c t=\"s\"><x:v>3</x:v></x:c></x:row>";
  auto row = [&](int r, const std::string &a, const std::string &b, const std::string &c,
                 const std::string &d) {
    const std::string n = std::to_string(r);
    rows += "<x:row r=\"" + n + "\" spans=\"1:4\">" +
            (a.empty() ? "" : "<x:c r=\"A" + n + "\"" + a + "</x:c>") +
            (b.empty() ? "" : "<x:c r=\"B" + n + "\"" + b + "</x:c>") +
            (c.empty() ? "" : "<x:c r=\"C" + n + "\"" + c + "</x:c>") +
            (d.empty() ? "" : "<x:c r=\"D" + n + "\"" + d + "</x:c>") + "</x:row>";
  };
  const std::string day = " s=\"1\"><x:v>45964</x:v>";
  row(2, " t=\"s\"><x:v>4</x:v>", " t=\"s\"><x:v>5</x:v>", day, " t=\"s\"><x:v>6</x:v>");
  row(3, " t=\"s\"><x:v>8</x:v>", " t=\"s\"><x:v>7</x:v>", " s=\"3\"><x:v>45964.75</x:v>",
      " t=\"s\"><x:v>9</x:v>");
  row(4,
      " t=\"inlineStr\"><x:is><x:r><x:t xml:space=\"preserve\">美 "
      "</x:t></x:r><x:r><x:t>的</x:t></x:r></x:is>",
      " t=\"str\"><x:f>A1&amp;B1</x:f><x:v>公式 &quot;结果&quot;</x:v>", " s=\"2\"><x:v>45964</x:v>",
      " t=\"s\"><x:v>10</x:v>");
  row(5, " t=\"inlineStr\"><x:is><x:t>海信</x:t></x:is>", " t=\"inlineStr\"><x:is><x:t>异响</x:t></x:is>",
      " s=\"4\"><x:v>45965</x:v>", " t=\"b\"><x:v>0</x:v>");
  row(6, " t=\"inlineStr\"><x:is><x:t>TCL</x:t></x:is>", " t=\"e\"><x:v>#VALUE!</x:v>",
      " t=\"d\"><x:v>2025-11-06T10:20:30.000</x:v>", " t=\"n\"><x:v> 1.50 </x:v>");
  row(7, " t=\"inlineStr\"><x:is><x:t>长虹</x:t></x:is>", " t=\"inlineStr\"><x:is><x:t>不开机</x:t></x:is>",
      " s=\"5\"><x:v>2958466</x:v>", " s=\"99\"><x:v>3</x:v>");
  row(8, " t=\"inlineStr\"><x:is><x:t>康佳</x:t></x:is>", " t=\"inlineStr\"><x:is><x:t>发热</x:t></x:is>",
      " t=\"str\"><x:v>2025-11-08</x:v>", " t=\"s\"><x:v>abc</x:v>");
  row(9, " t=\"inlineStr\"><x:is><x:t>创维</x:t></x:is>", " t=\"inlineStr\"><x:is><x:t>黑屏</x:t></x:is>",
      " s=\"5\"><x:v>45966.999999</x:v>", " t=\"s\">");
  row(10, " t=\"inlineStr\"><x:is><x:t> </x:t></x:is>", " t=\"inlineStr\"><x:is/>", " t=\"n\"><x:v/>",
      " t=\"inlineStr\"><x:is><x:t> </x:t></x:is>");
  // Cells without r after one with r; a cell far to the right.
  rows +=
      "<x:row r=\"11\"><x:c r=\"B11\" t=\"inlineStr\"><x:is><x:t>B</x:t></x:is></x:c><x:c t=\"inlineStr\">"
      "<x:is><x:t>2025-11-11</x:t></x:is></x:c><x:c t=\"inlineStr\"><x:is><x:t>D</x:t></x:is></x:c>"
      "<x:c r=\"AB11\"><x:v>42</x:v></x:c></x:row>";
  // A row without r continues after the previous one (12); then a gap.
  rows += "<x:row><x:c r=\"A12\" t=\"inlineStr\"><x:is><x:t>海尔</x:t></x:is></x:c><x:c r=\"B12\" "
          "t=\"inlineStr\"><x:is><x:t>松动</x:t></x:is></x:c><x:c r=\"C12\" t=\"inlineStr\"><x:is>"
          "<x:t>2025/11/12</x:t></x:is></x:c></x:row>";
  row(20, " t=\"inlineStr\"><x:is><x:t>奥克斯</x:t></x:is>", " t=\"inlineStr\"><x:is><x:t>漏水</x:t></x:is>",
      " s=\"1\"><x:v>not a number</x:v>", "");
  add_part(z, "xl/worksheets/s.xml",
           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<x:worksheet xmlns:x=\"" + ns +
               "spreadsheetml/2006/main\"><x:sheetPr><x:row r=\"98\"><x:c><x:v>1</x:v></x:c></x:row>"
               "</x:sheetPr><x:dimension ref=\"A1:AB20\"/><x:sheetData>" +
               rows +
               "</x:sheetData><x:mergeCells count=\"1\"><x:mergeCell ref=\"A1:B1\"/></x:mergeCells>"
               "<x:extLst><x:ext><x:row r=\"99\"><x:c><x:v>1</x:v></x:c></x:row></x:ext></x:extLst>"
               "</x:worksheet>");
  ASSERT_EQ(zip_close(z), 0);
  check_against_golden("edge", path);
}

} // namespace
