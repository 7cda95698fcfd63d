#include <cstdlib>

#include <gtest/gtest.h>

#include "core/config/config.hpp"
#include "test_support.hpp"

using namespace qloop::config;
using qloop::testing::TempDir;

namespace {

bool has_finding(const Config &c, Diagnostic::Severity s, const std::string &section, const std::string &key,
                 const std::string &fragment) {
  for (const auto &d : c.diagnostics())
    if (d.severity == s && d.section == section && d.key == key &&
        d.message.find(fragment) != std::string::npos)
      return true;
  return false;
}

} // namespace

TEST(Config, TheShippedDefaultFileIsValid) {
  Config c = Config::load(std::string(QLOOP_SOURCE_DIR) + "/config/qloop.ini");
  EXPECT_FALSE(c.has_errors());
  for (const auto &d : c.diagnostics()) ADD_FAILURE() << d.text();
  EXPECT_TRUE(c.host().enable_all);
  EXPECT_EQ(c.host().log.level, "info");
  EXPECT_FALSE(c.host().plugin_dirs.empty());
}

TEST(Config, ReadsEveryHostKeyFromIni) {
  TempDir dir;
  auto file = dir.write("q.ini", R"([host]
data_dir = /var/lib/qloop
[plugins]
dirs = plugins, /opt/vendor/qloop
enabled = analysis.doe, intake.email
[pins]
analysis.doe = ABCDEF0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789
[log]
level = debug
levels = plugins=trace, plugin.analysis.doe=warn
file = /tmp/q.log
max_size_mb = 3
max_files = 7
format = json
console = off
)");
  Config c = Config::load(file);
  EXPECT_FALSE(c.has_errors());
  const auto &h = c.host();
  EXPECT_EQ(h.data_dir, "/var/lib/qloop");
  ASSERT_EQ(h.plugin_dirs.size(), 2u);
  EXPECT_EQ(h.plugin_dirs[0], dir.path() / "plugins"); // relative to the config file
  EXPECT_EQ(h.plugin_dirs[1], "/opt/vendor/qloop");
  EXPECT_FALSE(h.enable_all);
  EXPECT_EQ(h.enabled, (std::vector<std::string>{"analysis.doe", "intake.email"}));
  EXPECT_EQ(h.pins.at("analysis.doe"), "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789");
  EXPECT_EQ(h.log.level, "debug");
  EXPECT_EQ(h.log.levels.at("plugins"), "trace");
  EXPECT_EQ(h.log.levels.at("plugin.analysis.doe"), "warn");
  EXPECT_EQ(h.log.max_size_bytes, 3u * 1024 * 1024);
  EXPECT_EQ(h.log.max_files, 7u);
  EXPECT_TRUE(h.log.json);
  EXPECT_FALSE(h.log.console);
}

TEST(Config, IntakeAndClassifySectionsAreReadAndChecked) {
  TempDir dir;
  auto file = dir.write("q.ini", R"([host]
data_dir = /var/lib/qloop
[intake]
link_duplicates = no
duplicate_channels = any
duplicate_window_days = 30
duplicate_similarity = 0.7
[classify]
plugin = analysis.site-classifier
triage_below = 0.8
routing = routing.ini
)");
  Config c = Config::load(file);
  EXPECT_FALSE(c.has_errors());
  const auto &h = c.host();
  EXPECT_FALSE(h.intake.link_duplicates);
  EXPECT_TRUE(h.intake.duplicates_across_any_channel);
  EXPECT_EQ(h.intake.duplicate_window_days, 30);
  EXPECT_DOUBLE_EQ(h.intake.duplicate_similarity, 0.7);
  EXPECT_EQ(h.classify.plugin, "analysis.site-classifier");
  EXPECT_DOUBLE_EQ(h.classify.triage_below, 0.8);
  EXPECT_EQ(h.classify.routing, dir.path() / "routing.ini");
  EXPECT_EQ(h.classify.model_dir, std::filesystem::path("/var/lib/qloop/models/classify"));

  auto bad = dir.write("bad.ini", "[intake]\nduplicate_window_days = 0\nduplicate_channels = some\n"
                                  "[classify]\ntriage_below = 2\nplugin = Not An Id\n");
  Config b = Config::load(bad);
  std::string all;
  for (const auto &d : b.diagnostics()) all += d.text() + "\n";
  for (const char *expected :
       {"[intake] duplicate_window_days: expected a whole number of days from 1 to 365",
        "[intake] duplicate_channels: expected 'other' or 'any'",
        "[classify] triage_below: expected a confidence from 0 to 1",
        "[classify] plugin: expected a plugin id"})
    EXPECT_NE(all.find(expected), std::string::npos) << expected << " in\n" << all;
}

TEST(Config, JsonAndXmlAreReadByExtension) {
  TempDir dir;
  auto json = dir.write("q.json", R"({"log": {"level": "warn"}, "analysis.doe": {"alpha": "0.01"}})");
  Config cj = Config::load(json);
  EXPECT_FALSE(cj.has_errors());
  EXPECT_EQ(cj.host().log.level, "warn");
  ASSERT_NE(cj.section("analysis.doe"), nullptr);
  EXPECT_EQ(cj.section("analysis.doe")->get<std::string>("alpha"), "0.01");

  auto xml =
      dir.write("q.xml", "<qloop><log><level>error</level></log><plugins><enabled>analysis.spc</enabled>"
                         "</plugins></qloop>");
  Config cx = Config::load(xml);
  EXPECT_FALSE(cx.has_errors());
  EXPECT_EQ(cx.host().log.level, "error");
  EXPECT_EQ(cx.host().enabled, std::vector<std::string>{"analysis.spc"});
}

TEST(Config, ErrorsNameFileKeyAndExpectation) {
  TempDir dir;
  auto file = dir.write("bad.ini",
                        "[log]\nlevel = loud\nmax_files = many\nformat = xml\n[pins]\nanalysis.doe = 1234\n"
                        "[plugins]\nenabled = Not An Id\n");
  Config c = Config::load(file);
  EXPECT_TRUE(c.has_errors());
  EXPECT_TRUE(has_finding(c, Diagnostic::Severity::Error, "log", "level", "unknown log level 'loud'"));
  EXPECT_TRUE(has_finding(c, Diagnostic::Severity::Error, "log", "max_files", "expected a whole number"));
  EXPECT_TRUE(has_finding(c, Diagnostic::Severity::Error, "log", "format", "expected 'text' or 'json'"));
  EXPECT_TRUE(has_finding(c, Diagnostic::Severity::Error, "pins", "analysis.doe", "64 hex digits"));
  EXPECT_TRUE(has_finding(c, Diagnostic::Severity::Error, "plugins", "enabled", "plugin ids"));
  for (const auto &d : c.diagnostics())
    EXPECT_NE(d.text().find(file.string()), std::string::npos) << d.text();
  // The text form reads "file: [section] key: message".
  EXPECT_NE(c.diagnostics().front().text().find("[log] level: "), std::string::npos);
}

TEST(Config, UnknownKeysAndSectionsAreWarnedNotFatal) {
  TempDir dir;
  auto file = dir.write("w.ini", "[log]\nlevle = debug\n[colour]\nx = 1\n[analysis.doe]\nanything = 1\n");
  Config c = Config::load(file);
  EXPECT_FALSE(c.has_errors());
  EXPECT_TRUE(has_finding(c, Diagnostic::Severity::Warning, "log", "levle", "unknown key"));
  EXPECT_TRUE(has_finding(c, Diagnostic::Severity::Warning, "colour", "", "unknown section"));
  // Plugin sections are left to the plugin manager.
  EXPECT_FALSE(has_finding(c, Diagnostic::Severity::Warning, "analysis.doe", "anything", ""));
}

TEST(Config, UnreadableOrUnparsableFilesThrowWithTheLine) {
  TempDir dir;
  EXPECT_THROW(Config::load(dir.path() / "missing.ini"), ConfigError);
  auto broken = dir.write("broken.json", "{\n\"log\": {\n\"level\": }\n");
  try {
    Config::load(broken);
    FAIL() << "expected ConfigError";
  } catch (const ConfigError &e) {
    EXPECT_NE(std::string(e.what()).find("broken.json:3"), std::string::npos) << e.what();
  }
  auto xml = dir.write("wrong-root.xml", "<config/>");
  EXPECT_THROW(Config::load(xml), ConfigError);
}

TEST(Config, EnvironmentOverridesDataDirAndLocatesTheFile) {
  TempDir dir;
  auto file = dir.write("env.ini", "[host]\ndata_dir = /nowhere\n[log]\nfile = logs/q.log\n");
  ::setenv("QLOOP_DATA_DIR", dir.path().c_str(), 1);
  Config c = Config::load(file);
  ::unsetenv("QLOOP_DATA_DIR");
  EXPECT_EQ(c.host().data_dir, dir.path());
  EXPECT_EQ(c.host().log.file, (dir.path() / "logs/q.log").string()); // relative to data_dir

  ::setenv("QLOOP_CONFIG", file.c_str(), 1);
  EXPECT_EQ(Config::locate(""), file);
  EXPECT_EQ(Config::locate("/explicit.ini"), "/explicit.ini"); // --config wins
  ::unsetenv("QLOOP_CONFIG");
}

TEST(Config, NoFileMeansBuiltInDefaults) {
  Config c = Config::load("");
  EXPECT_FALSE(c.has_errors());
  EXPECT_TRUE(c.host().enable_all);
  EXPECT_EQ(c.host().data_dir.filename(), "data");
}
