// Reading workbooks the plugin did not write: a user's sheet with its own
// header names, a blank row, a date typed as a date, shared strings, and (in
// libxlsxwriter's constant-memory mode) inline strings; errors name the cell.
#include <cstdio>
#include <string>

#include <gtest/gtest.h>
#include <qloop/plugin.hpp>
#include <xlsxwriter.h>

#include "methods.hpp"
#include "sample_worksheet.hpp"
#include "xlsx_reader.hpp"

namespace {

using nlohmann::json;

// Writes Sheet1: header, two rows with a blank row between them. `severity2`
// is the second row's S. Inline strings when constant_memory is set.
void write_user_workbook(const std::string &path, int severity2, bool constant_memory) {
  lxw_workbook_options opts{};
  opts.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook *wb = workbook_new_opt(path.c_str(), &opts);
  lxw_worksheet *ws = workbook_add_worksheet(wb, "Sheet1");
  lxw_format *date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  const char *header[] = {"Nr",          "Function",    "Potential failure mode",
                          "Effect",      "Cause",       "Severity",
                          "Occurrence",  "Detection",   "Action",
                          "Responsible", "Target date", "Revised S"};
  for (lxw_col_t c = 0; c < 12; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
  // Row 2.
  worksheet_write_number(ws, 1, 0, 1, nullptr);
  worksheet_write_string(ws, 1, 1, "Seal", nullptr);
  worksheet_write_string(ws, 1, 2, "Leak", nullptr);
  worksheet_write_string(ws, 1, 3, "Fluid loss", nullptr);
  worksheet_write_string(ws, 1, 4, "Scratched seat", nullptr);
  worksheet_write_number(ws, 1, 5, 7, nullptr);
  worksheet_write_number(ws, 1, 6, 6, nullptr);
  worksheet_write_number(ws, 1, 7, 3, nullptr);
  worksheet_write_string(ws, 1, 8, "Protective cap", nullptr);
  worksheet_write_string(ws, 1, 9, "陈静", nullptr);
  lxw_datetime due{2025, 3, 31, 0, 0, 0.0};
  worksheet_write_datetime(ws, 1, 10, &due, date);
  worksheet_write_number(ws, 1, 11, 6, nullptr);
  // Row 3 left blank; row 4.
  worksheet_write_number(ws, 3, 0, 2, nullptr);
  worksheet_write_string(ws, 3, 2, "Noise", nullptr);
  worksheet_write_number(ws, 3, 5, severity2, nullptr);
  worksheet_write_number(ws, 3, 6, 2, nullptr);
  worksheet_write_number(ws, 3, 7, 2, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
}

TEST(XlsxUserWorkbook, ReadsAForeignLayout) {
  for (bool inline_strings : {false, true}) {
    const std::string path = fmea_test::temp_path(inline_strings ? "user-inline.xlsx" : "user-shared.xlsx");
    write_user_workbook(path, 3, inline_strings);
    qloop::fmea::XlsxSheet sheet = qloop::fmea::read_xlsx(path, "", "options.xlsx");
    EXPECT_EQ(sheet.sheet_name, "Sheet1");
    ASSERT_EQ(sheet.table["rows"].size(), 2u); // the blank row is dropped
    EXPECT_EQ(sheet.row_numbers[1], 4u);
    EXPECT_EQ(sheet.table["rows"][0][10], "2025-03-31"); // date-formatted serial -> ISO text
    EXPECT_EQ(sheet.table["rows"][0][9], "陈静");

    auto r = qloop::fmea::run_fmea({{"options", {{"xlsx", path}, {"type", "design"}}}});
    // Row 1: S7/O6/D3 -> S 7-8, O 6-7, D 2-4 -> H; revised S' 6 -> S 4-6, O 6-7, D 2-4 -> M.
    const auto &first = r["details"]["rows"][0];
    EXPECT_EQ(first["id"], "1");
    EXPECT_EQ(first["AP"], "H");
    EXPECT_EQ(first["revised"]["AP"], "M");
    EXPECT_EQ(first["source"], "options.xlsx Sheet1!row 2");
    EXPECT_EQ(r["tables"][0]["rows"][0][15], "2025-03-31");
    // Row 4: S3/O2/D2 -> L.
    EXPECT_EQ(r["details"]["rows"][1]["AP"], "L");
    std::remove(path.c_str());
  }
}

TEST(XlsxUserWorkbook, TitleBlockAboveTheHeaderIsSkipped) {
  const std::string path = fmea_test::temp_path("user-title.xlsx");
  lxw_workbook *wb = workbook_new(path.c_str());
  lxw_worksheet *ws = workbook_add_worksheet(wb, "PFMEA");
  worksheet_write_string(ws, 0, 0, "PROCESS FMEA - OP20 spot welding", nullptr);
  worksheet_write_string(ws, 1, 0, "Prepared by", nullptr);
  worksheet_write_string(ws, 1, 1, "Li Wei", nullptr);
  worksheet_write_string(ws, 1, 3, "S", nullptr); // a stray letter is not a header
  const char *header[] = {"Process step", "Failure mode", "S", "O", "D"};
  for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(ws, 3, c, header[c], nullptr);
  worksheet_write_string(ws, 4, 0, "OP20", nullptr);
  worksheet_write_string(ws, 4, 1, "Weld nugget undersize", nullptr);
  worksheet_write_number(ws, 4, 2, 8, nullptr);
  worksheet_write_number(ws, 4, 3, 5, nullptr);
  worksheet_write_number(ws, 4, 4, 7, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

  auto r = qloop::fmea::run_fmea({{"options", {{"xlsx", path}}}});
  ASSERT_EQ(r["summary"]["rows"], 1);
  EXPECT_EQ(r["details"]["rows"][0]["AP"], "H"); // S8/O5/D7: S 7-8, O 4-5, D 7-10
  EXPECT_EQ(r["details"]["rows"][0]["source"], "options.xlsx PFMEA!row 5");
  std::remove(path.c_str());
}

TEST(XlsxUserWorkbook, ErrorsNameTheCell) {
  const std::string path = fmea_test::temp_path("user-bad.xlsx");
  write_user_workbook(path, 11, false);
  try {
    qloop::fmea::run_fmea({{"options", {{"xlsx", path}}}});
    FAIL() << "expected InvalidInput";
  } catch (const qloop::sdk::InvalidInput &e) {
    EXPECT_NE(
        std::string(e.what()).find("field 'options.xlsx Sheet1!F4 (Severity)': severity S must be an integer "
                                   "from 1 to 10 (got 11)"),
        std::string::npos)
        << e.what();
  }
  std::remove(path.c_str());
}

} // namespace
