#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/log/logging.hpp"
#include "test_support.hpp"

using qloop::testing::TempDir;

namespace {
// Back to defaults, quiet, for the tests that follow.
void reset() {
  qloop::log::Settings s;
  s.console = false;
  qloop::log::configure(s);
}
} // namespace

TEST(Logging, JsonLinesAreValidJsonWhateverTheMessage) {
  TempDir dir;
  qloop::log::Settings s;
  s.console = false;
  s.file = (dir.path() / "q.log").string();
  s.json = true;
  qloop::log::configure(s);
  auto logger = qloop::log::get("test.json");
  logger->info("quote \" backslash \\ newline \n 中文 {}", 42);
  logger->flush();
  std::ifstream in(s.file);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  auto j = nlohmann::json::parse(line);
  EXPECT_EQ(j["logger"], "test.json");
  EXPECT_EQ(j["level"], "info");
  EXPECT_EQ(j["msg"], "quote \" backslash \\ newline \n 中文 42");
  reset();
}

TEST(Logging, LevelsApplyPerLoggerAndPerPrefix) {
  qloop::log::Settings s;
  s.console = false;
  s.level = "warn";
  s.levels = {{"plugins", "debug"}, {"plugin", "error"}, {"plugin.analysis.doe", "trace"}};
  qloop::log::configure(s);
  EXPECT_EQ(qloop::log::get("host")->level(), spdlog::level::warn);
  EXPECT_EQ(qloop::log::get("plugins")->level(), spdlog::level::debug);
  EXPECT_EQ(qloop::log::get("plugin.analysis.spc")->level(), spdlog::level::err);
  EXPECT_EQ(qloop::log::get("plugin.analysis.doe")->level(), spdlog::level::trace);
  s.levels.clear();
  s.level = "info";
  qloop::log::configure(s); // existing loggers follow
  EXPECT_EQ(qloop::log::get("plugins")->level(), spdlog::level::info);
}

TEST(Logging, UnknownLevelsAreRejectedBeforeAnythingChanges) {
  qloop::log::Settings s;
  s.console = false;
  s.levels = {{"host", "chatty"}};
  EXPECT_THROW(qloop::log::configure(s), std::invalid_argument);
}

TEST(Logging, TheFileRotatesAtItsSize) {
  TempDir dir;
  qloop::log::Settings s;
  s.console = false;
  s.file = (dir.path() / "r.log").string();
  s.max_size_bytes = 2048;
  s.max_files = 2;
  qloop::log::configure(s);
  auto logger = qloop::log::get("test.rotate");
  for (int i = 0; i < 200; ++i) logger->info("line {} with some padding to fill the file quickly", i);
  logger->flush();
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "r.1.log"));
  EXPECT_LE(std::filesystem::file_size(dir.path() / "r.log"), 2048u + 200);
  reset();
}
