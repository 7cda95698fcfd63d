// key_columns: rows keyed by their values, so that a cumulative export
// imported every day, or a workbook saved again, brings in only new rows.
#include <set>

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include "fake_host.hpp"

namespace {

using files_test::FakeHost;
using files_test::json;
using files_test::run_plugin;

// The documented key, computed without the plugin: SHA-256 of the values as
// a compact JSON array (Python: json.dumps(values, ensure_ascii=False,
// separators=(",", ":"))).
std::string expected_key(const std::string &channel, const std::string &values_json) {
  const std::string dir = files_test::temp_dir("key");
  files_test::write_file(dir + "/values", values_json);
  return "filekey:" + channel + ":" + files_test::sha256_of(dir + "/values");
}

const std::string kHeader = "工单号,客户,问题描述,投诉日期,不良数量\n";
std::string row(int n, const std::string &what = "屏幕闪烁", const std::string &qty = "1") {
  return "T-" + std::to_string(n) + ",华为," + what + " " + std::to_string(n) + ",2025-11-0" +
         std::to_string(1 + n % 9) + "," + qty + "\n";
}

struct Drop {
  std::string dir = files_test::temp_dir("keys");
  FakeHost host;
  explicit Drop(const std::string &key_columns) {
    host.config = {{"drop_dir", dir}, {"settle_seconds", "0"}, {"key_columns", key_columns}};
  }
  files_test::RunResult put_and_run(const std::string &name, const std::string &bytes) {
    files_test::write_file(dir + "/" + name, bytes);
    return run_plugin(host);
  }
};

TEST(KeyColumns, CumulativeExportImportedTwiceBringsOnlyTheNewRows) {
  Drop drop("工单号");
  std::string day1 = kHeader;
  for (int n = 1; n <= 5; ++n) day1 += row(n);
  auto first = drop.put_and_run("export-1101.csv", day1);
  ASSERT_EQ(first.status, QLOOP_OK) << first.error;
  ASSERT_EQ(drop.host.records.size(), 5u);
  EXPECT_TRUE(drop.host.records.count(expected_key("file", R"(["T-1"])")));

  // The next day's export repeats the five rows (one with stray spaces and
  // in another order) and adds three.
  std::string day2 = kHeader + row(2) + " T-1 ,华为,屏幕闪烁 1,2025-11-02,1\n";
  for (int n = 3; n <= 8; ++n) day2 += row(n);
  auto second = drop.put_and_run("export-1102.csv", day2);
  ASSERT_EQ(second.status, QLOOP_OK) << second.error;
  EXPECT_EQ(drop.host.records.size(), 8u);
  EXPECT_EQ(drop.host.duplicates, 5u); // handed over, and skipped by the host as known keys
  EXPECT_TRUE(drop.host.quarantine.empty());
  std::set<std::string> added(drop.host.arrival.begin() + 5, drop.host.arrival.end());
  EXPECT_EQ(added,
            (std::set<std::string>{expected_key("file", R"(["T-6"])"), expected_key("file", R"(["T-7"])"),
                                   expected_key("file", R"(["T-8"])")}));
  // The first day's record is unchanged.
  EXPECT_EQ(drop.host.records.at(expected_key("file", R"(["T-1"])"))["received_at"],
            "2025-11-02T00:00:00+08:00");
}

// One workbook's rows written by libxlsxwriter, with shared strings or
// (constant_memory) inline strings: the same cells in different bytes.
std::string workbook(const std::string &path, bool constant_memory, int rows) {
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook *wb = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet *ws = workbook_add_worksheet(wb, "台账");
  const char *header[] = {"订单号", "批号", "客户", "问题描述", "投诉日期"};
  for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
  for (int r = 1; r <= rows; ++r) {
    const auto rr = static_cast<lxw_row_t>(r);
    worksheet_write_number(ws, rr, 0, 20251100 + r / 2, nullptr); // two lines per order
    worksheet_write_string(ws, rr, 1, ("L" + std::to_string(r % 2)).c_str(), nullptr);
    worksheet_write_string(ws, rr, 2, "海尔", nullptr);
    worksheet_write_string(ws, rr, 3, ("异响 " + std::to_string(r)).c_str(), nullptr);
    worksheet_write_string(ws, rr, 4, "2025-11-03", nullptr);
  }
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  return path;
}

TEST(KeyColumns, ResavedWorkbookAndItsCsvBringNothingNew) {
  // Field names and full-width separators; 订单号 is a number cell.
  Drop drop("order_number；lot");
  workbook(drop.dir + "/ledger.xlsx", false, 6);
  ASSERT_EQ(run_plugin(drop.host).status, QLOOP_OK);
  ASSERT_EQ(drop.host.records.size(), 6u);
  EXPECT_TRUE(drop.host.records.count(expected_key("file", R"(["20251100","L1"])")));

  workbook(drop.dir + "/ledger.xlsx", true, 7); // saved again, one row more
  ASSERT_NE(files_test::read_file(drop.dir + "/ledger.xlsx"),
            files_test::read_file(drop.dir + "/done/ledger.xlsx"));
  auto again = run_plugin(drop.host);
  ASSERT_EQ(again.status, QLOOP_OK) << again.error;
  EXPECT_EQ(drop.host.records.size(), 7u);
  EXPECT_EQ(drop.host.duplicates, 6u);

  // The same rows exported as CSV: the same values, the same keys.
  std::string csv = "订单号,批号,客户,问题描述,投诉日期\n";
  for (int r = 1; r <= 7; ++r)
    csv += std::to_string(20251100 + r / 2) + ",L" + std::to_string(r % 2) + ",海尔,异响 " +
           std::to_string(r) + ",2025-11-03\n";
  auto as_csv = drop.put_and_run("ledger.csv", csv);
  ASSERT_EQ(as_csv.status, QLOOP_OK) << as_csv.error;
  EXPECT_EQ(drop.host.records.size(), 7u);
  EXPECT_EQ(drop.host.duplicates, 13u);
}

TEST(KeyColumns, MissingKeyColumnFailsTheFile) {
  const std::string dir = files_test::temp_dir("nokey");
  files_test::write_file(dir + "/x.csv", kHeader + row(1) + row(2));
  FakeHost host;
  host.config = {{"key_columns", "工单号; 行号, lot"}};
  auto run = run_plugin(host, {{"file", dir + "/x.csv"}});
  EXPECT_EQ(run.status, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(
      run.error.find("key_columns: no column for '行号', 'lot' in this file; headers found (row 1): 工单号, "
                     "客户, 问题描述, 投诉日期, 不良数量"),
      std::string::npos)
      << run.error;
  EXPECT_EQ(host.batches, 0u);
  EXPECT_TRUE(host.quarantine.empty());

  // In the drop folder it goes to failed/ with that reason.
  Drop drop("行号");
  auto folder = drop.put_and_run("y.csv", kHeader + row(1));
  ASSERT_EQ(folder.status, QLOOP_OK) << folder.error;
  EXPECT_EQ(folder.summary["failed_files"], 1);
  EXPECT_NE(
      files_test::read_file(drop.dir + "/failed/y.csv.reason.txt").find("key_columns: no column for '行号'"),
      std::string::npos);
}

TEST(KeyColumns, RowWithEmptyKeyIsQuarantined) {
  Drop drop("工单号, 批号");
  const std::string csv = "工单号,批号,客户,问题描述,投诉日期\n"
                          "T-1,L1,A,ok,2025-11-01\n"
                          ",L2,B,ok,2025-11-02\n" // one of two empty: still a key
                          " , ,C,ok,2025-11-03\n";
  auto run = drop.put_and_run("e.csv", csv);
  ASSERT_EQ(run.status, QLOOP_OK) << run.error;
  EXPECT_EQ(drop.host.records.size(), 2u);
  EXPECT_TRUE(drop.host.records.count(expected_key("file", R"(["","L2"])")));
  ASSERT_EQ(drop.host.quarantine.size(), 1u);
  const std::string sha = files_test::sha256_of(drop.dir + "/done/e.csv");
  const auto &q = drop.host.quarantine.at("file:" + sha + ":4");
  EXPECT_NE(
      q.reason.find("e.csv row 4: key_columns 工单号, 批号 are all empty, so the row has no source key"),
      std::string::npos)
      << q.reason;
  EXPECT_EQ(q.raw, " , ,C,ok,2025-11-03\n");
}

TEST(KeyColumns, RepeatedKeyInOneFileKeepsTheFirstRow) {
  Drop drop("工单号");
  drop.host.config["channel"] = "hotline";
  const std::string csv = kHeader + row(1) + row(2) + row(1) + row(1, "外壳开裂") + row(3);
  auto run = drop.put_and_run("d.csv", csv);
  ASSERT_EQ(run.status, QLOOP_OK) << run.error;
  EXPECT_EQ(drop.host.records.size(), 3u);
  const std::string key = expected_key("hotline", R"(["T-1"])");
  EXPECT_EQ(drop.host.records.at(key)["extra"]["_source"]["row"], 2);
  ASSERT_EQ(drop.host.quarantine.size(), 2u);
  const auto &same = drop.host.quarantine.at(key + "#2");
  EXPECT_NE(same.reason.find(
                "d.csv row 4: duplicate key within the file: key_columns 工单号 = [\"T-1\"] as on row 2 "
                "(the same cells); the first row is kept"),
            std::string::npos)
      << same.reason;
  const auto &other = drop.host.quarantine.at(key + "#3");
  EXPECT_NE(other.reason.find("row 5: duplicate key within the file"), std::string::npos) << other.reason;
  EXPECT_NE(other.reason.find("(with other cells)"), std::string::npos) << other.reason;
  EXPECT_NE(drop.host.logged().find("2 row(s) repeat the key of an earlier row"), std::string::npos);

  // Tomorrow's cumulative export: the held items are updated, not added.
  auto again = drop.put_and_run("d2.csv", csv + row(4));
  ASSERT_EQ(again.status, QLOOP_OK) << again.error;
  EXPECT_EQ(drop.host.records.size(), 4u);
  EXPECT_EQ(drop.host.quarantine.size(), 2u);
  EXPECT_EQ(drop.host.quarantine.at(key + "#2").attempts, 2);
}

TEST(KeyColumns, BadRowIsHeldUnderItsKeyFromExportToExport) {
  Drop drop("工单号");
  const std::string csv = kHeader + row(1) + row(2, "漏液", "abc");
  ASSERT_EQ(drop.put_and_run("b1.csv", csv).status, QLOOP_OK);
  const std::string key = expected_key("file", R"(["T-2"])");
  ASSERT_TRUE(drop.host.quarantine.count(key));
  EXPECT_NE(drop.host.quarantine.at(key).reason.find("quantity_affected 'abc' is not a whole number"),
            std::string::npos);
  ASSERT_EQ(drop.put_and_run("b2.csv", csv + row(3)).status, QLOOP_OK);
  EXPECT_EQ(drop.host.quarantine.size(), 1u);
  EXPECT_EQ(drop.host.quarantine.at(key).attempts, 2);
  // Fixed at the source: the row comes in under the key it was held by.
  ASSERT_EQ(drop.put_and_run("b3.csv", kHeader + row(1) + row(2, "漏液", "2") + row(3)).status, QLOOP_OK);
  EXPECT_TRUE(drop.host.records.count(key));
}

TEST(KeyColumns, ChannelTooLongForTheKeyIsAConfigError) {
  FakeHost host;
  host.config = {{"key_columns", "工单号"}, {"channel", std::string(401, 'c')}};
  auto run = run_plugin(host, {{"file", "/nonexistent.csv"}});
  EXPECT_EQ(run.status, QLOOP_ERR_CONFIG);
  EXPECT_NE(run.error.find("[intake.files] channel"), std::string::npos) << run.error;
}

} // namespace
