// The watched drop folder: moves to done/ and failed/, files waiting to
// settle, the same export under another name, a host that refuses a batch.
#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include "fake_host.hpp"

namespace fs = std::filesystem;

namespace {

using files_test::FakeHost;
using files_test::json;
using files_test::run_plugin;

std::string complaints(int rows, const std::string &customer = "ACME") {
  std::string csv = "客户,问题描述,投诉日期,不良数量\n";
  for (int i = 0; i < rows; ++i)
    csv += customer + ",缺陷 " + std::to_string(i) + ",2025-11-01 08:00," + (i % 7 == 6 ? "x" : "1") + "\n";
  return csv;
}

// A drop folder with settle_seconds 0 (files are complete when written).
struct Drop {
  std::string dir = files_test::temp_dir("drop");
  FakeHost host;
  Drop() {
    host.config["drop_dir"] = dir;
    host.config["settle_seconds"] = "0";
  }
  std::string put(const std::string &name, const std::string &bytes) {
    files_test::write_file(dir + "/" + name, bytes);
    return dir + "/" + name;
  }
};

std::set<std::string> names_in(const std::string &dir) {
  std::set<std::string> out;
  std::error_code ec;
  for (const auto &e : fs::directory_iterator(dir, ec)) out.insert(e.path().filename().string());
  return out;
}

TEST(DropFolder, ImportsInNameOrderAndMovesToDone) {
  Drop drop;
  drop.put("b.csv", complaints(3, "B"));
  drop.put("a.CSV", complaints(2, "A"));
  drop.put("notes.txt", "not an export");
  drop.put(".hidden.csv", complaints(1, "H"));
  drop.put("~$a.xlsx", "Excel lock file");
  auto run = run_plugin(drop.host);
  ASSERT_EQ(run.status, QLOOP_OK) << run.error;
  EXPECT_EQ(run.summary["files"], 2);
  EXPECT_EQ(run.summary["submitted"], 5);
  EXPECT_EQ(run.summary["failed_files"], 0);
  EXPECT_EQ(run.summary["details"][0]["file"], "a.CSV");
  EXPECT_EQ(run.summary["details"][0]["status"], "done");
  EXPECT_EQ(drop.host.records.at(drop.host.arrival.front())["customer"], "A");
  EXPECT_EQ(names_in(drop.dir + "/done"), (std::set<std::string>{"a.CSV", "b.csv"}));
  const auto left = names_in(drop.dir);
  EXPECT_TRUE(left.count("notes.txt") && left.count(".hidden.csv") && left.count("~$a.xlsx"));
  EXPECT_FALSE(left.count("a.CSV") || left.count("b.csv"));
  // A second run finds nothing new.
  auto again = run_plugin(drop.host);
  ASSERT_EQ(again.status, QLOOP_OK) << again.error;
  EXPECT_EQ(again.summary["files"], 0);
}

TEST(DropFolder, UnusableFileGoesToFailedWithItsReason) {
  Drop drop;
  const std::string bytes = "买家,日期时间\nA,2025-11-01\n";
  drop.put("bad.csv", bytes);
  drop.put("good.csv", complaints(1));
  const std::string sha = files_test::sha256_of(drop.dir + "/bad.csv");
  auto run = run_plugin(drop.host);
  ASSERT_EQ(run.status, QLOOP_OK) << run.error;
  EXPECT_EQ(run.summary["failed_files"], 1);
  EXPECT_EQ(run.summary["files"], 2);
  EXPECT_EQ(names_in(drop.dir + "/failed"), (std::set<std::string>{"bad.csv", "bad.csv.reason.txt"}));
  EXPECT_EQ(files_test::read_file(drop.dir + "/failed/bad.csv"), bytes);
  const std::string reason = files_test::read_file(drop.dir + "/failed/bad.csv.reason.txt");
  EXPECT_NE(reason.find("missing required column(s) for customer, phenomenon, received_at"),
            std::string::npos)
      << reason;
  EXPECT_NE(reason.find("headers found (row 1): 买家, 日期时间"), std::string::npos) << reason;
  // Also in the host's quarantine, with the file's bytes.
  const auto &q = drop.host.quarantine.at("file:" + sha);
  EXPECT_EQ(q.raw, bytes);
  EXPECT_NE(q.reason.find("bad.csv: missing required column"), std::string::npos);
  EXPECT_EQ(names_in(drop.dir + "/done"), std::set<std::string>{"good.csv"});
}

TEST(DropFolder, SameExportUnderAnotherNameCreatesNothingTwice) {
  Drop drop;
  const std::string csv = complaints(10);
  drop.put("export-monday.csv", csv);
  ASSERT_EQ(run_plugin(drop.host).status, QLOOP_OK);
  const std::size_t stored = drop.host.records.size();
  const std::size_t held = drop.host.quarantine.size();
  EXPECT_EQ(stored + held, 10u);
  drop.put("copy of export.csv", csv);
  drop.put("export-monday.csv", csv); // the same name again
  auto run = run_plugin(drop.host);
  ASSERT_EQ(run.status, QLOOP_OK) << run.error;
  EXPECT_EQ(run.summary["files"], 2);
  EXPECT_EQ(drop.host.records.size(), stored);
  EXPECT_EQ(drop.host.duplicates, 2 * stored);
  EXPECT_EQ(drop.host.quarantine.size(), held); // same keys: held items are updated, not added
  EXPECT_EQ(names_in(drop.dir + "/done"),
            (std::set<std::string>{"export-monday.csv", "export-monday-2.csv", "copy of export.csv"}));
}

TEST(DropFolder, FilesStillBeingWrittenWait) {
  Drop drop;
  drop.host.config["settle_seconds"] = "3600";
  drop.put("fresh.csv", complaints(1));
  auto run = run_plugin(drop.host);
  ASSERT_EQ(run.status, QLOOP_OK) << run.error;
  EXPECT_EQ(run.summary["files"], 0);
  EXPECT_EQ(run.summary["waiting"], 1);
  EXPECT_TRUE(drop.host.records.empty());
  EXPECT_TRUE(fs::exists(drop.dir + "/fresh.csv"));
  // Old enough now.
  fs::last_write_time(drop.dir + "/fresh.csv", fs::file_time_type::clock::now() - std::chrono::hours(2));
  auto later = run_plugin(drop.host);
  EXPECT_EQ(later.summary["files"], 1);
  EXPECT_EQ(drop.host.records.size(), 1u);
}

TEST(DropFolder, ConfiguredDoneAndFailedFolders) {
  Drop drop;
  const std::string elsewhere = files_test::temp_dir("elsewhere");
  drop.host.config["done_dir"] = elsewhere + "/archive";
  drop.host.config["failed_dir"] = elsewhere + "/rejects";
  drop.put("x.csv", complaints(1));
  drop.put("y.xlsx", "not a zip");
  auto run = run_plugin(drop.host);
  ASSERT_EQ(run.status, QLOOP_OK) << run.error;
  EXPECT_TRUE(fs::exists(elsewhere + "/archive/x.csv"));
  EXPECT_TRUE(fs::exists(elsewhere + "/rejects/y.xlsx"));
  EXPECT_NE(files_test::read_file(elsewhere + "/rejects/y.xlsx.reason.txt").find("not a ZIP archive"),
            std::string::npos);
}

TEST(DropFolder, OneOffImportDoesNotMoveTheFile) {
  Drop drop;
  const std::string path = drop.put("one.csv", complaints(2));
  auto run = run_plugin(drop.host, {{"file", path}});
  ASSERT_EQ(run.status, QLOOP_OK) << run.error;
  EXPECT_EQ(run.summary["submitted"], 2);
  EXPECT_TRUE(fs::exists(path));
  EXPECT_FALSE(fs::exists(drop.dir + "/done"));
  auto payload = run_plugin(drop.host, {{"payload_file", path}}); // qloop intake submit
  ASSERT_EQ(payload.status, QLOOP_OK) << payload.error;
  EXPECT_EQ(drop.host.duplicates, 2u);
}

TEST(DropFolder, GbkFileNameFromAWindowsShare) {
  Drop drop;
  const std::string gbk_name = files_test::iconv_to("客诉.csv", "GBK", files_test::temp_dir("name"));
  ASSERT_NE(gbk_name, "客诉.csv");
  drop.put(gbk_name, complaints(1));
  auto run = run_plugin(drop.host);
  ASSERT_EQ(run.status, QLOOP_OK) << run.error;
  EXPECT_EQ(run.summary["details"][0]["file"], "客诉.csv");
  ASSERT_EQ(drop.host.records.size(), 1u);
  EXPECT_EQ(drop.host.records.begin()->second["extra"]["_source"]["file"], "客诉.csv");
  EXPECT_TRUE(fs::exists(drop.dir + "/done/" + gbk_name));
}

TEST(DropFolder, MissingOrWrongDropDir) {
  FakeHost host;
  host.config["drop_dir"] = "/nonexistent/qloop-drop";
  auto run = run_plugin(host);
  EXPECT_EQ(run.status, QLOOP_ERR_CONFIG);
  EXPECT_NE(run.error.find("/nonexistent/qloop-drop is not a folder"), std::string::npos) << run.error;

  Drop drop;
  drop.host.config["done_dir"] = drop.dir + "/.";
  auto loop = run_plugin(drop.host);
  EXPECT_EQ(loop.status, QLOOP_ERR_CONFIG);
  EXPECT_NE(loop.error.find("must not be drop_dir itself"), std::string::npos) << loop.error;
}

// The import a clean run makes of `csv`: source key -> record.
std::map<std::string, json> clean_import(const std::string &csv, const std::string &name) {
  Drop drop;
  drop.put(name, csv);
  EXPECT_EQ(run_plugin(drop.host).status, QLOOP_OK);
  return drop.host.records;
}

TEST(DropFolder, HostRefusingABatchLeavesTheFileAndARetryCompletesIt) {
  const std::string csv = complaints(1234);
  Drop drop;
  drop.put("big.csv", csv);
  drop.put("later.csv", complaints(3, "L"));
  drop.host.refuse_after_batches = 1; // the second batch fails, as if the store went down
  auto failed = run_plugin(drop.host);
  EXPECT_EQ(failed.status, QLOOP_ERR_HOST);
  EXPECT_NE(failed.error.find("big.csv: the host refused the batch of rows"), std::string::npos)
      << failed.error;
  EXPECT_NE(failed.error.find("a re-run retries it"), std::string::npos) << failed.error;
  EXPECT_EQ(drop.host.records.size(), 500u);
  EXPECT_TRUE(fs::exists(drop.dir + "/big.csv"));   // left for the retry
  EXPECT_TRUE(fs::exists(drop.dir + "/later.csv")); // the run stopped before it
  EXPECT_FALSE(fs::exists(drop.dir + "/done/big.csv"));

  drop.host.refuse_after_batches = -1;
  auto retry = run_plugin(drop.host);
  ASSERT_EQ(retry.status, QLOOP_OK) << retry.error;
  EXPECT_EQ(names_in(drop.dir + "/done"), (std::set<std::string>{"big.csv", "later.csv"}));
  // Exactly the rows of one clean import, each once.
  auto clean = clean_import(csv, "big.csv");
  std::size_t big_rows = 0;
  for (const auto &[key, record] : drop.host.records)
    if (record["customer"] == "ACME") {
      ++big_rows;
      ASSERT_TRUE(clean.count(key)) << key;
      EXPECT_EQ(record, clean.at(key));
    }
  EXPECT_EQ(big_rows, clean.size());
  EXPECT_EQ(drop.host.duplicates, 500u); // the first batch came again and was skipped
}

TEST(DropFolder, HostRefusingQuarantineLeavesTheFile) {
  Drop drop;
  drop.put("q.csv", complaints(10));
  drop.host.refuse_quarantine = true;
  auto run = run_plugin(drop.host);
  EXPECT_EQ(run.status, QLOOP_ERR_HOST);
  EXPECT_NE(run.error.find("could not quarantine row 8"), std::string::npos) << run.error;
  EXPECT_TRUE(fs::exists(drop.dir + "/q.csv"));
}

} // namespace
