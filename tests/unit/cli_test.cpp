// The qloop command line, run in-process with captured output: exit codes,
// tables and --json for version, plugins, config check and analyze.
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/cli/analysis_request.hpp"
#include "core/cli/commands.hpp"
#include "core/cli/exit_codes.hpp"
#include "core/cli/text_table.hpp"
#include "test_support.hpp"

using qloop::testing::kTestPlugins;
using qloop::testing::TempDir;

namespace {

struct Run {
  int code;
  std::string out, err;
};

Run run(std::vector<std::string> args) {
  std::ostringstream out, err;
  qloop::cli::Context ctx(out, err);
  args.insert(args.begin(), "qloop");
  std::vector<const char *> argv;
  for (const auto &a : args) argv.push_back(a.c_str());
  int code = qloop::cli::run(static_cast<int>(argv.size()), argv.data(), ctx);
  return {code, out.str(), err.str()};
}

class CliTest : public ::testing::Test {
protected:
  TempDir dir;
  std::string config =
      dir.write("qloop.ini",
                "[log]\nfile =\nconsole = false\n[plugins]\ndirs = " + kTestPlugins.string() + "\n")
          .string();
};

} // namespace

TEST_F(CliTest, VersionNamesHostAndAbi) {
  auto r = run({"version"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "qloop 0.1.0 (plugin ABI 1.3)\n");
  auto j = nlohmann::json::parse(run({"version", "--json"}).out);
  EXPECT_EQ(j["abi"]["major"], 1);
  EXPECT_EQ(j["abi"]["minor"], 3);
}

TEST_F(CliTest, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run({}).code, qloop::cli::kExitUsage);
  EXPECT_EQ(run({"frobnicate"}).code, qloop::cli::kExitUsage);
  EXPECT_EQ(run({"--log-level", "loud", "version"}).code, qloop::cli::kExitUsage);
  EXPECT_EQ(run({"--help"}).code, 0);
}

TEST_F(CliTest, PluginsListShowsLoadedAndRefusedWithReasons) {
  auto r = run({"--config", config, "plugins", "list"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("analysis.test-echo"), std::string::npos);
  EXPECT_NE(r.out.find("qloop-analysis-bad-next-major.so: plugin ABI 2.0 is incompatible with host ABI 1.3"),
            std::string::npos)
      << r.out;

  auto j = nlohmann::json::parse(run({"--config", config, "plugins", "list", "--json"}).out);
  int loaded = 0, refused = 0;
  for (const auto &p : j) {
    if (p["state"] == "loaded") ++loaded;
    if (p["state"] == "refused") {
      ++refused;
      EXPECT_FALSE(p["reason"].get<std::string>().empty());
    }
  }
  EXPECT_EQ(loaded, 5); // echo, legacy, C exporter, columns, throwing (test-required lacks its key)
  EXPECT_EQ(refused, 11);
}

TEST_F(CliTest, PluginsInfoShowsDetailsAndConfigKeys) {
  auto r = run({"--config", config, "plugins", "info", "analysis.test-echo", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["version"], "1.2.3");
  EXPECT_EQ(j["license"], "Apache-2.0");
  EXPECT_EQ(j["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(j["config_keys"][1]["name"], "repeat");
  EXPECT_EQ(j["config_keys"][1]["type"], "int");
  auto text = run({"--config", config, "plugins", "info", "analysis.test-echo"});
  EXPECT_NE(text.out.find("repeat           int     1"), std::string::npos) << text.out;
  EXPECT_EQ(run({"--config", config, "plugins", "info", "analysis.nope"}).code, qloop::cli::kExitPlugin);
}

TEST_F(CliTest, ConfigCheckExitsThreeOnErrorsAndZeroWhenClean) {
  auto bad = run({"--config", config, "config", "check"}); // the bad test plugins are refused
  EXPECT_EQ(bad.code, qloop::cli::kExitConfig);
  EXPECT_NE(bad.out.find("INVALID"), std::string::npos);

  auto clean =
      dir.write("clean.ini", "[log]\nfile =\nconsole = false\n[plugins]\ndirs = " + kTestPlugins.string() +
                                 "\nenabled = analysis.test-echo\n[analysis.test-echo]\nrepeat = 3\n");
  auto ok = run({"--config", clean.string(), "config", "check", "--json"});
  EXPECT_EQ(ok.code, 0) << ok.out;
  EXPECT_TRUE(nlohmann::json::parse(ok.out)["ok"].get<bool>());

  auto typo = dir.write("typo.ini", "[log]\nfile =\nconsole = false\nlevel = chatty\n");
  EXPECT_EQ(run({"--config", typo.string(), "config", "check"}).code, qloop::cli::kExitConfig);
  EXPECT_EQ(run({"--config", (dir.path() / "none.ini").string(), "version"}).code, 0); // needs no config
  EXPECT_EQ(run({"--config", (dir.path() / "none.ini").string(), "plugins", "list"}).code,
            qloop::cli::kExitConfig);
}

TEST_F(CliTest, AnalyzeRoutesToThePluginAndMapsFailuresToExitCodes) {
  auto input = dir.write("req.json", R"({"data": {"x": 1}})");
  auto r = run({"--config", config, "analyze", "echo", "--input", input.string(), "--option", "alpha=0.05"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  auto echoed = nlohmann::json::parse(j["summary"]["echo"].get<std::string>());
  EXPECT_EQ(echoed["data"]["x"], 1);
  EXPECT_EQ(echoed["options"]["alpha"], 0.05);
  EXPECT_EQ(echoed["method"], "echo");

  EXPECT_EQ(run({"--config", config, "analyze", "fail", "-i", input.string()}).code,
            qloop::cli::kExitInvalidInput);
  EXPECT_EQ(run({"--config", config, "analyze", "throw", "-i", input.string()}).code,
            qloop::cli::kExitPlugin);
  EXPECT_EQ(run({"--config", config, "analyze", "nosuch", "-i", input.string()}).code,
            qloop::cli::kExitPlugin);
  auto broken = dir.write("broken.json", "{oops");
  auto b = run({"--config", config, "analyze", "echo", "-i", broken.string()});
  EXPECT_EQ(b.code, qloop::cli::kExitInvalidInput);
  EXPECT_NE(b.err.find("not valid JSON"), std::string::npos);

  auto out_file = dir.path() / "out.txt";
  EXPECT_EQ(run({"--config", config, "analyze", "echo", "-i", input.string(), "--format", "table", "--out",
                 out_file.string()})
                .code,
            0);
  EXPECT_NE(qloop::testing::read_text(out_file).find("ITEM"), std::string::npos);
}

TEST_F(CliTest, AnalyzeSendsACsvAsColumnsToAPluginThatReadsThem) {
  auto input = dir.write("data.csv", "lot,qty,note\n0012A,5,x\nL2,2.5,\n");
  auto r = run({"--config", config, "analyze", "echo", "--input", input.string(), "--option", "alpha=0.05"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["rows"], 2);
  EXPECT_EQ(j["columns"], nlohmann::json::parse(R"([["lot","string"],["qty","double"],["note","string"]])"));
  EXPECT_EQ(j["first_row"], nlohmann::json::parse(R"(["0012A",5.0,"x"])"));
  // The request carries the options, not the table.
  auto request = nlohmann::json::parse(j["summary"]["echo"].get<std::string>());
  EXPECT_EQ(request["options"]["alpha"], 0.05);
  EXPECT_FALSE(request.contains("table"));
}

TEST(CsvColumns, TypesEachColumnAndMarksEmptyCells) {
  auto batch = qloop::cli::csv_to_columns("\xEF\xBB\xBF"
                                          "x,lot,flag\n1.5,7,TRUE\n,0012A,\n\n2,L3,FALSE\n");
  const qloop_record_batch &v = batch.view();
  ASSERT_EQ(v.row_count, 3u); // the blank line is skipped
  ASSERT_EQ(v.column_count, 3u);
  const qloop_column &x = v.columns[0], &lot = v.columns[1], &flag = v.columns[2];
  EXPECT_STREQ(x.name, "x");
  EXPECT_EQ(x.type, QLOOP_VALUE_DOUBLE);
  ASSERT_NE(x.present, nullptr);
  EXPECT_EQ(x.present[1], 0);
  EXPECT_EQ(x.doubles[0], 1.5);
  EXPECT_EQ(x.doubles[2], 2.0);
  // Numbers before the first text cell become their shortest text.
  EXPECT_EQ(lot.type, QLOOP_VALUE_STRING);
  EXPECT_EQ(lot.present, nullptr);
  EXPECT_EQ(std::string(lot.strings[0], lot.lengths[0]), "7");
  EXPECT_EQ(std::string(lot.strings[1], lot.lengths[1]), "0012A");
  EXPECT_EQ(flag.type, QLOOP_VALUE_STRING);
  EXPECT_EQ(flag.present[1], 0);
  EXPECT_EQ(std::string(flag.strings[2], flag.lengths[2]), "FALSE");
}

TEST(CsvColumns, RejectsWhatTheJsonTableRejects) {
  try {
    qloop::cli::csv_to_columns("a,b\n1,2\n3\n");
    FAIL();
  } catch (const qloop::cli::CommandError &e) {
    EXPECT_EQ(e.message, "CSV line 3: 1 fields, but the header has 2");
  }
  EXPECT_THROW(qloop::cli::csv_to_columns("a,b\n1,\"unterminated\n"), qloop::cli::CommandError);
  EXPECT_THROW(qloop::cli::csv_to_columns(""), qloop::cli::CommandError);
  try {
    qloop::cli::csv_to_columns("name\nok\n\xC3\x28\n");
    FAIL();
  } catch (const qloop::cli::CommandError &e) {
    EXPECT_NE(e.message.find("not valid UTF-8"), std::string::npos) << e.message;
  }
}

TEST(CsvRequest, ParsesQuotingNumbersAndBom) {
  auto t = qloop::cli::csv_to_table("\xEF\xBB\xBF"
                                    "lot,qty,note\n0012A,5,\"a, \"\"quoted\"\" note\"\nL2,2.5,\n");
  EXPECT_EQ(t["columns"], nlohmann::json({"lot", "qty", "note"}));
  EXPECT_EQ(t["rows"][0], nlohmann::json({"0012A", 5, "a, \"quoted\" note"}));
  EXPECT_EQ(t["rows"][1][1], 2.5);
  EXPECT_TRUE(t["rows"][1][2].is_null());
}

TEST(CsvRequest, RejectsRaggedRowsAndBrokenQuotingNamingTheLine) {
  try {
    qloop::cli::csv_to_table("a,b\n1,2\n3\n");
    FAIL();
  } catch (const qloop::cli::CommandError &e) {
    EXPECT_EQ(e.message, "CSV line 3: 1 fields, but the header has 2");
  }
  EXPECT_THROW(qloop::cli::csv_to_table("a,b\n1,\"unterminated\n"), qloop::cli::CommandError);
  EXPECT_THROW(qloop::cli::csv_to_table(""), qloop::cli::CommandError);
}

TEST(TextTable, AlignsChineseByDisplayWidth) {
  EXPECT_EQ(qloop::cli::display_width("abc"), 3u);
  EXPECT_EQ(qloop::cli::display_width("焊接"), 4u);
  qloop::cli::TextTable t({"A", "B"});
  t.add({"焊接", "x"});
  t.add({"ab", "y"});
  std::ostringstream out;
  t.print(out);
  EXPECT_EQ(out.str(), "A     B\n----  -\n焊接  x\nab    y\n");
}
