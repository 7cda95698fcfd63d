// XLSX out (libxlsxwriter) and back in (libzip + pugixml): the written sheet
// reads back cell for cell, keeps a frozen, styled header, and feeding the
// workbook back to the method gives the same worksheet. Excel date serials
// are checked against Microsoft's documented epoch (1900 system: serial 1 is
// 1900-01-01, serial 60 the fictitious 1900-02-29, 2024-01-01 is 45292;
// 1904 system: serial 0 is 1904-01-01).
#include <cstdio>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <qloop/plugin.hpp>
#include <zip.h>

#include "methods.hpp"
#include "sample_worksheet.hpp"
#include "xlsx_reader.hpp"

namespace {

using nlohmann::json;
using namespace qloop::fmea;

std::string zip_part(const std::string &path, const std::string &name) {
  int err = 0;
  zip_t *z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (z == nullptr) return "";
  zip_stat_t st;
  zip_stat_init(&st);
  std::string data;
  if (zip_stat(z, name.c_str(), 0, &st) == 0) {
    zip_file_t *f = zip_fopen(z, name.c_str(), 0);
    data.resize(st.size);
    zip_fread(f, data.data(), st.size);
    zip_fclose(f);
  }
  zip_discard(z);
  return data;
}

class XlsxRoundTrip : public ::testing::Test {
protected:
  void TearDown() override {
    for (const auto &p : files_) std::remove(p.c_str());
  }
  std::string file(const std::string &name) {
    files_.push_back(fmea_test::temp_path(name));
    return files_.back();
  }
  std::vector<std::string> files_;
};

TEST_F(XlsxRoundTrip, WrittenSheetReadsBackCellForCell) {
  const std::string path = file("roundtrip.xlsx");
  json req = fmea_test::sample_request();
  req["options"]["output"] = path;
  auto result = run_fmea(req);
  EXPECT_EQ(result["summary"]["output"], path);

  XlsxSheet sheet = read_xlsx(path, "", "options.xlsx");
  EXPECT_EQ(sheet.sheet_name, "FMEA");
  const auto &table = result["tables"][0];
  EXPECT_EQ(sheet.table["columns"], table["columns"]);
  ASSERT_EQ(sheet.table["rows"].size(), table["rows"].size());
  for (std::size_t r = 0; r < table["rows"].size(); ++r) {
    EXPECT_EQ(sheet.row_numbers[r], r + 2);
    for (std::size_t c = 0; c < table["columns"].size(); ++c)
      EXPECT_EQ(sheet.table["rows"][r][c], json(table["rows"][r][c]))
          << "row " << r << " column " << table["columns"][c];
  }
  // The due date went in as a real date (a date-formatted serial) and came back as text.
  EXPECT_EQ(sheet.table["rows"][0][15], "2024-06-30");
}

TEST_F(XlsxRoundTrip, HeaderIsFrozenStyledAndFiltered) {
  const std::string path = file("styled.xlsx");
  json req = fmea_test::sample_request();
  req["options"]["output"] = path;
  run_fmea(req);
  const std::string sheet1 = zip_part(path, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet1.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"),
            std::string::npos)
      << sheet1.substr(0, 600);
  EXPECT_NE(sheet1.find("<autoFilter ref=\"A1:"), std::string::npos);
  const std::string styles = zip_part(path, "xl/styles.xml");
  EXPECT_NE(styles.find("<b/>"), std::string::npos);     // bold header font
  EXPECT_NE(styles.find("FF1F4E79"), std::string::npos); // header fill
  EXPECT_NE(styles.find("formatCode=\"yyyy-mm-dd\""), std::string::npos);
  const std::string workbook = zip_part(path, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"Summary\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"Findings\""), std::string::npos);
}

TEST_F(XlsxRoundTrip, WorkbookFedBackGivesTheSameWorksheet) {
  const std::string path = file("again.xlsx");
  json req = fmea_test::sample_request();
  req["options"]["output"] = path;
  auto first = run_fmea(req);
  json again = {{"options", {{"xlsx", path}, {"type", "process"}}}};
  auto second = run_fmea(again);
  EXPECT_EQ(second["details"]["input"]["source"], "options.xlsx");
  EXPECT_EQ(second["details"]["input"]["sheet"], "FMEA");
  EXPECT_EQ(second["tables"][0], first["tables"][0]);
  EXPECT_EQ(second["summary"]["ap_h"], first["summary"]["ap_h"]);
  EXPECT_EQ(second["summary"]["revised_ap_l"], first["summary"]["revised_ap_l"]);
  // The written AP column is cross-checked on the way back in, and agrees.
  for (const auto &f : second["findings"]) EXPECT_NE(f["rule"], "ap-mismatch");
}

TEST_F(XlsxRoundTrip, ChineseHeadersAndMsrRoundTrip) {
  const std::string path = file("zh-msr.xlsx");
  json req = json::parse(R"({
    "lang": "zh-CN",
    "options": {"type": "msr"},
    "data": {"rows": [
      {"failure_mode": "扭矩丢失", "S": 10, "F": 3, "M": 4, "system_response": "跛行模式"},
      {"failure_mode": "信号漂移", "S": 7, "F": 4, "M": 5, "recommended_action": "增加合理性检查"}
    ]}
  })");
  req["options"]["output"] = path;
  auto first = run_fmea(req);
  EXPECT_EQ(first["tables"][0]["columns"][8], "频率 F");
  json again = {{"lang", "zh-CN"}, {"options", {{"xlsx", path}, {"type", "msr"}}}};
  auto second = run_fmea(again);
  EXPECT_EQ(second["tables"][0], first["tables"][0]);
  EXPECT_EQ(read_xlsx(path, "", "options.xlsx").table["rows"][0][3], "扭矩丢失");
}

TEST_F(XlsxRoundTrip, CsvOutput) {
  const std::string path = file("worksheet.csv");
  json req = fmea_test::sample_request();
  req["data"]["rows"][2]["effect"] = "Scratch, \"deep\"";
  req["options"]["output"] = path;
  run_fmea(req);
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GE(text.size(), 3u);
  EXPECT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(text.substr(3, text.find("\r\n") - 3).substr(0, 36), "ID,Item,Function,Failure mode,Failur");
  EXPECT_NE(text.find("W-1,OP20 spot welding,"), std::string::npos);
  EXPECT_NE(text.find("\"Scratch, \"\"deep\"\"\""), std::string::npos);
}

TEST(XlsxReader, BadFilesAreReportedWithTheField) {
  const std::string missing = fmea_test::temp_path("missing.xlsx");
  try {
    read_xlsx(missing, "", "options.xlsx");
    FAIL();
  } catch (const qloop::sdk::Error &e) {
    EXPECT_EQ(e.status(), QLOOP_ERR_IO);
    EXPECT_NE(std::string(e.what()).find("field 'options.xlsx'"), std::string::npos);
  }
  const std::string text = fmea_test::temp_path("not.xlsx");
  { std::ofstream(text) << "S,O,D\n1,2,3\n"; }
  try {
    read_xlsx(text, "", "options.xlsx");
    FAIL();
  } catch (const qloop::sdk::Error &e) {
    EXPECT_EQ(e.status(), QLOOP_ERR_INVALID_INPUT);
    EXPECT_NE(std::string(e.what()).find("is not a usable XLSX workbook"), std::string::npos) << e.what();
  }
  std::remove(text.c_str());
}

TEST(XlsxReader, UnknownSheetListsTheSheets) {
  const std::string path = fmea_test::temp_path("sheets.xlsx");
  json req = fmea_test::sample_request();
  req["options"]["output"] = path;
  run_fmea(req);
  try {
    read_xlsx(path, "Sheet9", "options.xlsx");
    FAIL();
  } catch (const qloop::sdk::InvalidInput &e) {
    EXPECT_NE(std::string(e.what()).find("sheets: 'FMEA', 'Summary', 'Findings'"), std::string::npos)
        << e.what();
  }
  XlsxSheet summary = read_xlsx(path, "Summary", "options.xlsx");
  EXPECT_EQ(summary.table["rows"][0][0], "fmea_type");
  std::remove(path.c_str());
}

TEST(XlsxReader, ExcelSerialDates) {
  EXPECT_EQ(excel_serial_to_iso(1, false), "1900-01-01");
  EXPECT_EQ(excel_serial_to_iso(59, false), "1900-02-28");
  EXPECT_EQ(excel_serial_to_iso(61, false), "1900-03-01");
  EXPECT_EQ(excel_serial_to_iso(45292, false), "2024-01-01");
  EXPECT_EQ(excel_serial_to_iso(45292.5, false), "2024-01-01T12:00:00");
  EXPECT_EQ(excel_serial_to_iso(0, true), "1904-01-01");
  EXPECT_EQ(excel_serial_to_iso(43830, true), "2024-01-01"); // 45292 - 1462
}

TEST(XlsxReader, ColumnLetters) {
  EXPECT_EQ(column_index_of("A1"), 0u);
  EXPECT_EQ(column_index_of("Z9"), 25u);
  EXPECT_EQ(column_index_of("AA10"), 26u);
  EXPECT_EQ(column_index_of("XFD1"), 16383u);
  EXPECT_EQ(column_letters(0), "A");
  EXPECT_EQ(column_letters(27), "AB");
  EXPECT_EQ(column_letters(16383), "XFD");
}

} // namespace
