// A process killed in the middle of an import, then run again, ends with
// exactly the rows of one clean import. The child process runs the plugin
// against a host that writes every accepted batch to a journal (its
// "database") and is SIGKILLed while the third batch arrives; the parent
// reloads the journal into a new host and runs the drop folder again.
#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fake_host.hpp"

namespace fs = std::filesystem;

namespace {

using files_test::FakeHost;
using files_test::json;
using files_test::run_plugin;

std::string export_csv(int rows) {
  std::string csv = "Customer,Phenomenon,Date,Qty,Severity\n";
  for (int i = 0; i < rows; ++i)
    csv += "C" + std::to_string(i % 13) + ",defect " + std::to_string(i) + ",2025-11-0" +
           std::to_string(1 + i % 9) + "," + (i % 50 == 49 ? "many" : std::to_string(i % 5)) + "," +
           (i % 2 ? "major" : "minor") + "\n";
  return csv;
}

void configure(FakeHost &host, const std::string &drop) {
  host.config["drop_dir"] = drop;
  host.config["settle_seconds"] = "0";
  host.config["batch_size"] = "300";
}

// Makes `host` append what it stores to `journal`, flushed per call.
void journal_to(FakeHost &host, const std::string &journal) {
  host.stored = [journal](const json &entry) {
    std::ofstream out(journal, std::ios::app | std::ios::binary);
    out << entry.dump() << "\n";
    out.flush();
  };
}

void replay(FakeHost &host, const std::string &journal) {
  std::ifstream in(journal);
  std::string line;
  while (std::getline(in, line)) {
    json entry = json::parse(line);
    if (entry.contains("batch"))
      for (const auto &r : entry["batch"]) host.take(r);
    else
      host.quarantine[entry["quarantine"]].reason = entry["reason"];
  }
}

TEST(Crash, KilledMidImportThenRunAgainGivesOneCleanImport) {
  const std::string csv = export_csv(2000);
  const std::string drop = files_test::temp_dir("crash");
  const std::string journal = files_test::temp_dir("journal") + "/host.journal";
  files_test::write_file(drop + "/calls.csv", csv);

  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    FakeHost host;
    configure(host, drop);
    journal_to(host, journal);
    host.before_batch = [](std::size_t stored) {
      if (stored == 2) raise(SIGKILL); // dies while the third batch arrives
    };
    run_plugin(host);
    _exit(3); // not reached
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child was meant to be killed, status " << status;
  EXPECT_EQ(WTERMSIG(status), SIGKILL);
  ASSERT_TRUE(fs::exists(drop + "/calls.csv")) << "a killed import must leave the file for the next run";

  // The host restarts with what it had stored, and the drop folder runs again.
  FakeHost host;
  configure(host, drop);
  replay(host, journal);
  EXPECT_EQ(host.records.size(), 600u);
  auto rerun = run_plugin(host);
  ASSERT_EQ(rerun.status, QLOOP_OK) << rerun.error;
  EXPECT_TRUE(fs::exists(drop + "/done/calls.csv"));

  // One clean import of the same bytes, into a fresh host.
  const std::string clean_drop = files_test::temp_dir("clean");
  files_test::write_file(clean_drop + "/calls.csv", csv);
  FakeHost clean;
  configure(clean, clean_drop);
  ASSERT_EQ(run_plugin(clean).status, QLOOP_OK);

  EXPECT_EQ(host.records, clean.records);
  EXPECT_EQ(host.records.size(), 2000u - 40u); // every 50th row has a bad quantity
  std::set<std::string> held, clean_held;
  for (const auto &[key, q] : host.quarantine) held.insert(key);
  for (const auto &[key, q] : clean.quarantine) clean_held.insert(key);
  EXPECT_EQ(held, clean_held);
  EXPECT_EQ(held.size(), 40u);
  EXPECT_EQ(host.invalid, 0u);
}

} // namespace
