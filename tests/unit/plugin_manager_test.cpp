// The plugin manager against real shared libraries built in tests/abi/plugins:
// good ones (C++ layer, plain C, frozen 1.0 headers) and every kind of bad one.
// The host must refuse each bad one with a one-line reason and carry on.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/plugins/plugin_manager.hpp"
#include "core/util/sha256.hpp"
#include "test_support.hpp"

using namespace qloop::plugins;
using qloop::config::Config;
using qloop::testing::kTestPlugins;
using qloop::testing::TempDir;

namespace {

Config config_for(const TempDir &dir, const std::string &body) {
  return Config::load(dir.write("qloop.ini", "[log]\nfile =\nconsole = false\n" + body));
}

std::string dirs_line(const std::filesystem::path &dir) { return "[plugins]\ndirs = " + dir.string() + "\n"; }

const PluginRecord *record_for(const PluginManager &m, const std::string &file) {
  for (const auto &r : m.records())
    if (r.path.filename() == file) return &r;
  return nullptr;
}

std::string reason_for(const PluginManager &m, const std::string &file) {
  const auto *r = record_for(m, file);
  if (r == nullptr) return "(no record for " + file + ")";
  EXPECT_EQ(r->state, PluginState::Refused) << file;
  return r->reason;
}

} // namespace

class PluginManagerTest : public ::testing::Test {
protected:
  TempDir dir;
};

TEST_F(PluginManagerTest, LoadsGoodPluginsAndRefusesEachBadOneWithItsReason) {
  Config config = config_for(dir, dirs_line(kTestPlugins) + "[analysis.test-required]\nendpoint = x\n");
  PluginManager m(config);
  m.load_all();
  for (const char *id : {"analysis.test-echo", "analysis.test-legacy", "export.test-c", "export.test-columns",
                         "analysis.throwing", "analysis.test-required"})
    EXPECT_NE(m.find(id), nullptr) << id;
  EXPECT_EQ(m.loaded().size(), 6u);

  EXPECT_EQ(reason_for(m, "qloop-analysis-bad-next-major.so"),
            "plugin ABI 2.0 is incompatible with host ABI 1.3 (the major versions must be equal)");
  EXPECT_EQ(
      reason_for(m, "qloop-analysis-bad-newer-minor.so"),
      "plugin ABI 1.4 is newer than host ABI 1.3 (upgrade the host, or use a plugin built for 1.3 or older)");
  EXPECT_EQ(reason_for(m, "qloop-analysis-bad-zero-size.so"),
            "descriptor size 0 is too small to be a qloop descriptor");
  EXPECT_EQ(reason_for(m, "qloop-analysis-bad-oversize.so"),
            "descriptor size 168 is larger than this host knows (104 bytes)");
  EXPECT_NE(reason_for(m, "qloop-analysis-bad-null-descriptor.so").find("no descriptor"), std::string::npos);
  EXPECT_NE(reason_for(m, "qloop-analysis-bad-unknown-kind.so").find("unknown plugin kind 99"),
            std::string::npos);
  EXPECT_NE(reason_for(m, "qloop-analysis-bad-id-text.so").find("invalid plugin id"), std::string::npos);
  EXPECT_NE(reason_for(m, "qloop-analysis-bad-no-create.so").find("lacks create"), std::string::npos);
  EXPECT_EQ(reason_for(m, "qloop-analysis-no-entry.so"),
            "no entry symbol qloop_plugin_entry: not a qloop plugin");
  EXPECT_EQ(reason_for(m, "qloop-analysis-throwing-entry.so"),
            "the entry threw an exception across the ABI: entry throws");
}

TEST_F(PluginManagerTest, AFileThatIsNotASharedLibraryIsRefused) {
  dir.write("plugins/qloop-analysis-junk.so", "this is not ELF");
  Config config = config_for(dir, dirs_line(dir.path() / "plugins"));
  PluginManager m(config);
  m.load_all();
  EXPECT_NE(reason_for(m, "qloop-analysis-junk.so").find("cannot load"), std::string::npos);
  EXPECT_TRUE(m.loaded().empty());
}

TEST_F(PluginManagerTest, LegacyPluginBuiltAgainstTheFrozen10HeaderLoadsAndWorks) {
  Config config = config_for(dir, dirs_line(kTestPlugins) + "enabled = analysis.test-legacy\n");
  PluginManager m(config);
  m.load_all();
  auto legacy = m.find("analysis.test-legacy");
  ASSERT_NE(legacy, nullptr);
  EXPECT_EQ(legacy->info().abi_minor, 0);
  EXPECT_EQ(legacy->info().license, ""); // its descriptor ends before the 1.1 field
  EXPECT_EQ(legacy->checked().descriptor.struct_size, kDescriptorSizeV1_0);
  auto instance = legacy->create();
  EXPECT_EQ(instance.analyze("legacy", "{}"), R"({"summary":{"abi":"1.0","bytes":2}})");
}

TEST_F(PluginManagerTest, OnlyEnabledPluginsLoadTheRestStayUnloaded) {
  Config config = config_for(dir, "[plugins]\ndirs = " + kTestPlugins.string() +
                                      "\nenabled = export.test-c, intake.missing\n");
  PluginManager m(config);
  m.load_all();
  ASSERT_EQ(m.loaded().size(), 1u);
  EXPECT_EQ(m.loaded()[0]->info().id, "export.test-c");
  const auto *echo = record_for(m, "qloop-analysis-test-echo.so");
  ASSERT_NE(echo, nullptr);
  EXPECT_EQ(echo->state, PluginState::Disabled);
  EXPECT_FALSE(echo->info); // never opened
  EXPECT_NE(
      reason_for(m, "qloop-intake-missing.so").find("enabled in config, but no qloop-intake-missing.so"),
      std::string::npos);
}

TEST_F(PluginManagerTest, APinnedPluginLoadsOnlyWithTheRightHash) {
  auto file = kTestPlugins / "qloop-export-test-c.so";
  const std::string right = qloop::util::sha256_file(file);
  {
    Config config = config_for(dir, dirs_line(kTestPlugins) +
                                        "enabled = export.test-c\n[pins]\n"
                                        "export.test-c = " +
                                        right + "\n");
    PluginManager m(config);
    m.load_all();
    EXPECT_NE(m.find("export.test-c"), nullptr);
  }
  std::string wrong = right;
  wrong[0] = wrong[0] == '0' ? '1' : '0';
  Config config = config_for(dir, dirs_line(kTestPlugins) +
                                      "enabled = export.test-c\n[pins]\n"
                                      "export.test-c = " +
                                      wrong + "\n");
  PluginManager m(config);
  m.load_all();
  EXPECT_EQ(m.find("export.test-c"), nullptr);
  EXPECT_NE(reason_for(m, "qloop-export-test-c.so").find("does not match the pin " + wrong),
            std::string::npos);
}

TEST_F(PluginManagerTest, ASecondPluginWithTheSameIdIsRefused) {
  std::filesystem::create_directories(dir.path() / "a");
  std::filesystem::create_directories(dir.path() / "b");
  std::filesystem::copy_file(kTestPlugins / "qloop-export-test-c.so",
                             dir.path() / "a" / "qloop-export-test-c.so");
  std::filesystem::copy_file(kTestPlugins / "qloop-export-test-c.so",
                             dir.path() / "b" / "qloop-export-test-c.so");
  Config config = config_for(dir, "[plugins]\ndirs = a, b\n");
  PluginManager m(config);
  m.load_all();
  EXPECT_EQ(m.loaded().size(), 1u);
  ASSERT_EQ(m.records().size(), 2u);
  EXPECT_EQ(m.records()[1].state, PluginState::Refused);
  EXPECT_NE(m.records()[1].reason.find("duplicate id export.test-c, already loaded from"), std::string::npos);
}

TEST_F(PluginManagerTest, PluginSectionsAreValidatedAgainstDeclaredKeys) {
  Config good = config_for(dir, dirs_line(kTestPlugins) +
                                    "[analysis.test-echo]\ngreeting = 你好\nrepeat = 2\ncolour = blue\n");
  PluginManager m(good);
  m.load_all();
  auto echo = m.find("analysis.test-echo");
  ASSERT_NE(echo, nullptr);
  auto out = echo->create().analyze("echo", "{}");
  EXPECT_NE(out.find(R"("greeting":"你好你好")"), std::string::npos) << out;
  bool warned = false;
  for (const auto &d : m.diagnostics())
    warned = warned ||
             (d.section == "analysis.test-echo" && d.key == "colour" && d.message.find("unknown key") == 0);
  EXPECT_TRUE(warned);
  // A path key reads relative to the config file's folder, like the host's own paths.
  Config with_path =
      config_for(dir, dirs_line(kTestPlugins) + "[analysis.test-echo]\nfolder = inbox/today\n");
  PluginManager mp(with_path);
  mp.load_all();
  const auto folder = nlohmann::json::parse(mp.find("analysis.test-echo")->create().analyze("folder", "{}"));
  EXPECT_EQ(folder["folder"], (dir.path() / "inbox/today").string());
  // The required key of the other variant is missing: refused with file, section and key.
  EXPECT_NE(
      reason_for(m, "qloop-analysis-test-required.so").find("[analysis.test-required] endpoint: required"),
      std::string::npos);

  TempDir other;
  Config bad = config_for(other, dirs_line(kTestPlugins) + "[analysis.test-echo]\nrepeat = many\n");
  PluginManager m2(bad);
  m2.load_all();
  EXPECT_EQ(m2.find("analysis.test-echo"), nullptr);
  EXPECT_NE(reason_for(m2, "qloop-analysis-test-echo.so")
                .find("[analysis.test-echo] repeat: expected a whole number"),
            std::string::npos);
}

TEST_F(PluginManagerTest, PluginFailuresBecomeErrorsNotCrashes) {
  Config config = config_for(dir, dirs_line(kTestPlugins));
  PluginManager m(config);
  m.load_all();
  auto echo = m.find("analysis.test-echo")->create();
  try {
    echo.analyze("fail", "{}");
    FAIL();
  } catch (const PluginCallError &e) {
    EXPECT_EQ(e.status(), QLOOP_ERR_INVALID_INPUT);
    EXPECT_STREQ(e.what(), "analysis.test-echo: analyze: field 'x': must be a number");
  }
  try {
    echo.analyze("throw", "{}");
    FAIL();
  } catch (const PluginCallError &e) {
    EXPECT_EQ(e.status(), QLOOP_ERR_INTERNAL);
    EXPECT_NE(std::string(e.what()).find("a bug in the plugin"), std::string::npos);
  }
  try {
    echo.analyze("crash_alloc", "{}");
    FAIL();
  } catch (const PluginCallError &e) {
    EXPECT_EQ(e.status(), QLOOP_ERR_NO_MEMORY);
  }
  // The instance still works after its failures.
  EXPECT_NE(echo.analyze("echo", "{}").find("hello"), std::string::npos);
}

TEST_F(PluginManagerTest, ARawPluginThatThrowsEverywhereLeavesTheHostRunning) {
  Config config = config_for(dir, dirs_line(kTestPlugins));
  PluginManager m(config);
  m.load_all();
  auto throwing = m.find("analysis.throwing");
  ASSERT_NE(throwing, nullptr);
  {
    auto instance = throwing->create();
    try {
      instance.analyze("throwing", "{}");
      FAIL();
    } catch (const PluginCallError &e) {
      EXPECT_EQ(e.status(), QLOOP_ERR_INTERNAL);
      EXPECT_NE(std::string(e.what()).find("threw a C++ exception across the ABI: analyze throws"),
                std::string::npos);
    }
  } // destroy throws too: caught and logged
  SUCCEED();
}

TEST_F(PluginManagerTest, CreateThatThrowsIsReportedWithTheMessage) {
  Config config = config_for(dir, dirs_line(kTestPlugins) + "[analysis.test-echo]\nthrow_on_create = yes\n");
  PluginManager m(config);
  m.load_all();
  try {
    m.find("analysis.test-echo")->create();
    FAIL();
  } catch (const PluginCallError &e) {
    EXPECT_EQ(e.status(), QLOOP_ERR_INTERNAL);
    EXPECT_STREQ(e.what(), "analysis.test-echo: create failed: told to fail in create");
  }
}

TEST_F(PluginManagerTest, APlainCExporterWorksThroughTheBatchCalls) {
  Config config = config_for(dir, dirs_line(kTestPlugins));
  PluginManager m(config);
  m.load_all();
  auto exporter = m.find("export.test-c");
  ASSERT_NE(exporter, nullptr);
  EXPECT_EQ(exporter->info().capabilities, std::vector<std::string>{"count"});
  EXPECT_EQ(exporter->info().license, "MIT");
  auto instance = exporter->create();
  instance.export_begin(R"({"format":"count","output":"/dev/null"})");
  instance.export_batch(R"([{"a":1}])");
  instance.export_batch(R"([{"b":2},{"c":3}])");
  EXPECT_EQ(instance.export_finish(), R"({"bytes":26,"batches":2})");
  try {
    instance.export_batch("not an array");
    FAIL();
  } catch (const PluginCallError &e) {
    EXPECT_EQ(e.status(), QLOOP_ERR_INVALID_INPUT);
    EXPECT_NE(std::string(e.what()).find("records: expected a JSON array"), std::string::npos);
  }
}

TEST_F(PluginManagerTest, ColumnBatchesReachAnExporterThatReadsThem) {
  Config config = config_for(dir, dirs_line(kTestPlugins));
  PluginManager m(config);
  m.load_all();
  auto columns = m.find("export.test-columns")->create();
  ASSERT_TRUE(columns.accepts_columns());
  // Strings deliberately not NUL-terminated: "ACMEX" holds "ACME" and "X".
  const char *buffer = "ACMEX";
  const char *strings[] = {buffer, buffer + 4, nullptr};
  const size_t lengths[] = {4, 1, 0};
  const uint8_t present[] = {1, 1, 0};
  const int64_t ints[] = {5, 7, 9};
  const double doubles[] = {0.5, 1.25, 2.0};
  const uint8_t no_score_for_row_1[] = {1, 0, 1};
  qloop_column cols[3] = {
      {sizeof(qloop_column), QLOOP_VALUE_STRING, "customer", present, strings, lengths, nullptr, nullptr},
      {sizeof(qloop_column), QLOOP_VALUE_INT, "quantity_affected", nullptr, nullptr, nullptr, ints, nullptr},
      {sizeof(qloop_column), QLOOP_VALUE_DOUBLE, "score", no_score_for_row_1, nullptr, nullptr, nullptr,
       doubles}};
  qloop_record_batch batch{sizeof(qloop_record_batch), 3, 3, cols};
  columns.export_begin("{}");
  columns.export_columns(batch);
  EXPECT_EQ(columns.export_finish(), "ACME|5|0.50;X|7|-1.0;<null>|9|2.00;");

  // An exporter without the fast path (the C one) says so, and gets JSON.
  auto plain = m.find("export.test-c")->create();
  EXPECT_FALSE(plain.accepts_columns());
  EXPECT_THROW(plain.export_columns(batch), PluginCallError);
}

TEST_F(PluginManagerTest, IntakeServicesReachTheHostHooks) {
  auto hooks = std::make_shared<HostHooks>();
  std::string got_plugin, got_records, got_reason;
  hooks->submit_records = [&](const std::string &plugin, std::string_view records) {
    got_plugin = plugin;
    got_records = records;
    return records == "[]" ? std::string("empty batch") : std::string();
  };
  hooks->quarantine = [&](const std::string &, const std::string &key, std::string_view,
                          const std::string &reason) {
    got_reason = key + ": " + reason;
    return std::string();
  };
  Config config = config_for(dir, dirs_line(kTestPlugins));
  PluginManager m(config, hooks);
  m.load_all();
  auto echo = m.find("analysis.test-echo")->create();
  EXPECT_EQ(echo.analyze("submit", R"([{"source_key":"k1"}])"), R"({"submitted":true})");
  EXPECT_EQ(got_plugin, "analysis.test-echo");
  EXPECT_EQ(got_records, R"([{"source_key":"k1"}])");
  EXPECT_THROW(echo.analyze("submit", "[]"), PluginCallError); // refused by the hook
  EXPECT_EQ(echo.analyze("quarantine", "raw bytes"), R"({"quarantined":true})");
  EXPECT_EQ(got_reason, "row-7: phenomenon: must not be empty");

  // Without hooks the services refuse instead of crashing.
  TempDir other;
  Config plain = config_for(other, dirs_line(kTestPlugins));
  PluginManager bare(plain);
  bare.load_all();
  EXPECT_THROW(bare.find("analysis.test-echo")->create().analyze("submit", "[]"), PluginCallError);
}

TEST_F(PluginManagerTest, AnInstanceKeepsItsLibraryLoadedAfterTheManagerIsGone) {
  Config config = config_for(dir, dirs_line(kTestPlugins));
  std::optional<Instance> instance;
  {
    PluginManager m(config);
    m.load_all();
    instance.emplace(m.find("analysis.test-echo")->create());
  }
  EXPECT_NE(instance->analyze("echo", "{}").find("hello"), std::string::npos);
}

TEST_F(PluginManagerTest, EveryBundledPluginLoads) {
  // Run under ASan/UBSan too: loading and exercising all shipped plugins is clean.
  Config config = config_for(dir, dirs_line(QLOOP_BUNDLED_PLUGIN_DIR));
  PluginManager m(config);
  m.load_all();
  for (const auto &r : m.records()) EXPECT_EQ(r.state, PluginState::Loaded) << r.path << ": " << r.reason;
  for (const auto &p : m.loaded()) {
    auto instance = p->create(); // create and destroy each once
    (void)instance;
  }
}

TEST_F(PluginManagerTest, FindsAnalysisPluginsByMethod) {
  Config config = config_for(dir, dirs_line(kTestPlugins));
  PluginManager m(config);
  m.load_all();
  ASSERT_NE(m.find_method("legacy"), nullptr);
  EXPECT_EQ(m.find_method("legacy")->info().id, "analysis.test-legacy");
  EXPECT_EQ(m.find_method("count"), nullptr); // an export format, not a method
  EXPECT_EQ(PluginManager::file_name_for("intake.file-watch"), "qloop-intake-file-watch.so");
}
