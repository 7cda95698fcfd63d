// Memory stays flat as files grow: a 200 000-row CSV and a 100 000-row
// workbook are imported in a fresh process (intake_files_rss_probe) and its
// peak resident memory must stay under a generous ceiling and close to what
// a file a tenth the size takes. The figures are printed for the record.
#include <cstdio>
#include <fstream>

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include "fake_host.hpp"

namespace {

using files_test::json;

constexpr long kCeilingKb = 150 * 1024;

json probe(const std::string &path, const std::string &config = "") {
  const std::string out = files_test::shell("'" INTAKE_FILES_RSS_PROBE "' '" + path + "' " + config);
  return json::parse(out);
}

// A call-centre export: ~250 bytes a row, Chinese text, a ticket number.
void write_csv(const std::string &path, int rows) {
  std::ofstream out(path, std::ios::binary);
  out << "工单号,客户名称,产品型号,批号,订单号,不良数量,不良现象,投诉日期,渠道,严重度,备注\n";
  for (int i = 1; i <= rows; ++i)
    out << "T-" << i << ",华东汽车电子有限公司,PCBA-X" << i % 500 << ",L2025-" << i % 97 << ",PO-"
        << 20251100 + i << "," << 1 + i % 40 << ",焊点虚焊导致上电后屏幕闪烁偶发黑屏需要返厂分析 第" << i
        << "例,2025-11-" << 1 + i % 28 << " 14:05,电话,严重,客户要求三天内给出临时措施和根本原因分析报告\n";
}

void write_xlsx(const std::string &path, int rows) {
  lxw_workbook *wb = workbook_new(path.c_str()); // shared strings, as Excel writes
  lxw_worksheet *ws = workbook_add_worksheet(wb, "台账");
  lxw_format *date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd hh:mm");
  const char *header[] = {"工单号",   "客户名称", "产品型号", "批号",
                          "不良数量", "不良现象", "投诉日期", "严重度"};
  for (lxw_col_t c = 0; c < 8; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
  for (int i = 1; i <= rows; ++i) {
    const auto r = static_cast<lxw_row_t>(i);
    worksheet_write_string(ws, r, 0, ("T-" + std::to_string(i)).c_str(), nullptr);
    worksheet_write_string(ws, r, 1, "华东汽车电子有限公司", nullptr);
    worksheet_write_string(ws, r, 2, ("PCBA-X" + std::to_string(i % 500)).c_str(), nullptr);
    worksheet_write_string(ws, r, 3, ("L2025-" + std::to_string(i % 97)).c_str(), nullptr);
    worksheet_write_number(ws, r, 4, 1 + i % 40, nullptr);
    worksheet_write_string(ws, r, 5, ("焊点虚焊导致屏幕闪烁 第" + std::to_string(i) + "例").c_str(), nullptr);
    lxw_datetime when{2025, 11, 1 + i % 28, 14, 5, 0.0};
    worksheet_write_datetime(ws, r, 6, &when, date);
    worksheet_write_string(ws, r, 7, "严重", nullptr);
  }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
}

void expect_flat(const std::string &what, const json &small, const json &big, int big_rows,
                 long max_growth_kb) {
  std::printf("[ memory ] %s: %d rows: peak RSS %ld KiB (%.1f MiB) in %.1f s; a tenth of the rows: %ld KiB\n",
              what.c_str(), big_rows, big["peak_kb"].get<long>(), big["peak_kb"].get<long>() / 1024.0,
              big["seconds"].get<double>(), small["peak_kb"].get<long>());
  ::testing::Test::RecordProperty(what + "_peak_kb", std::to_string(big["peak_kb"].get<long>()));
  ASSERT_EQ(big["status"], 0) << big;
  EXPECT_EQ(big["taken"], big_rows) << big;
  EXPECT_LT(big["peak_kb"].get<long>(), kCeilingKb) << big;
  EXPECT_LT(big["peak_kb"].get<long>() - small["peak_kb"].get<long>(), max_growth_kb)
      << "memory grew with the file: " << small << " -> " << big;
}

TEST(Memory, CsvOf200000RowsStaysFlat) {
  const std::string dir = files_test::temp_dir("mem-csv");
  write_csv(dir + "/small.csv", 20000);
  write_csv(dir + "/big.csv", 200000);
  const json small = probe(dir + "/small.csv");
  const json big = probe(dir + "/big.csv");
  expect_flat("csv", small, big, 200000, 16 * 1024);
  // key_columns remembers each key: 16 bytes a row in its table.
  const json keyed = probe(dir + "/big.csv", "key_columns=工单号");
  ASSERT_EQ(keyed["status"], 0) << keyed;
  std::printf("[ memory ] csv with key_columns: peak RSS %ld KiB\n", keyed["peak_kb"].get<long>());
  EXPECT_LT(keyed["peak_kb"].get<long>(), kCeilingKb) << keyed;
}

TEST(Memory, XlsxOf100000RowsStaysFlat) {
  const std::string dir = files_test::temp_dir("mem-xlsx");
  write_xlsx(dir + "/small.xlsx", 10000);
  write_xlsx(dir + "/big.xlsx", 100000);
  const json small = probe(dir + "/small.xlsx");
  const json big = probe(dir + "/big.xlsx");
  // The shared strings stay in memory (about 40 bytes a distinct string here).
  expect_flat("xlsx", small, big, 100000, 24 * 1024);
}

} // namespace
