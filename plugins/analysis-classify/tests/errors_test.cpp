// Errors through the built plugin: the status and a message that names the
// field, the rule and key, or the file.
#include <filesystem>

#include <gtest/gtest.h>

#include "fake_host.hpp"
#include "test_support.hpp"

namespace classify_test {
namespace {

namespace fs = std::filesystem;

void expect_error(const Call &c, qloop_status status, const std::string &fragment) {
  EXPECT_EQ(c.status, status) << c.text;
  EXPECT_NE(c.text.find(fragment), std::string::npos) << "message: " << c.text << "\nwanted: " << fragment;
}

TEST(Errors, RequestAndTable) {
  FakeHost host;
  Instance plugin(host);
  const json table = synthetic_table(10, 1);
  expect_error(plugin.analyze("classify.predict", json::array()), QLOOP_ERR_INVALID_INPUT,
               "request: must be a JSON object");
  expect_error(plugin.analyze("classify.predict", json::object()), QLOOP_ERR_INVALID_INPUT, "table: missing");
  expect_error(
      plugin.analyze("classify.predict", {{"table", {{"columns", {"category"}}, {"rows", json::array()}}}}),
      QLOOP_ERR_INVALID_INPUT, "table: column phenomenon is missing");
  expect_error(
      plugin.analyze("classify.predict",
                     {{"table", {{"columns", {"phenomenon", "channel"}}, {"rows", {{"a", "b"}, {"c"}}}}}}),
      QLOOP_ERR_INVALID_INPUT, "table.rows[1]: must be an array of 2 cells");
  expect_error(plugin.analyze("classify.predict",
                              {{"table", {{"columns", {"phenomenon"}}, {"rows", {{json::object()}}}}}}),
               QLOOP_ERR_INVALID_INPUT, "table.rows[0][0]: must be a string, number or null");
  expect_error(plugin.analyze("classify.cluster", {{"table", table}}), QLOOP_ERR_UNSUPPORTED,
               "method 'classify.cluster' is not provided by analysis.classify");
  expect_error(plugin.analyze("classify.eval", {{"test_fraction", 1.5}, {"table", table}}),
               QLOOP_ERR_INVALID_INPUT, "test_fraction: must be between 0 and 1");
  expect_error(plugin.analyze("classify.eval", {{"options", {{"seed", -1}}}, {"table", table}}),
               QLOOP_ERR_INVALID_INPUT, "seed: must be a whole number from 0");
  expect_error(plugin.analyze("classify.eval", {{"use_rules", "perhaps"}, {"table", table}}),
               QLOOP_ERR_INVALID_INPUT, "use_rules: must be true or false");
  expect_error(plugin.analyze("classify.eval", {{"table", synthetic_table(10, 1, false)}}),
               QLOOP_ERR_INVALID_INPUT, "table: no label column");
  expect_error(plugin.analyze("classify.predict", {{"min_confidence", 2}, {"table", table}}),
               QLOOP_ERR_INVALID_INPUT, "min_confidence: must be from 0 to 1");
}

TEST(Errors, ModelDir) {
  FakeHost host;
  Instance plugin(host);
  const json table = synthetic_table(40, 1);
  expect_error(plugin.analyze("classify.train", {{"table", table}}), QLOOP_ERR_INVALID_INPUT,
               "model_dir: missing");
  expect_error(plugin.analyze("classify.train", {{"model_dir", "models"}, {"table", table}}),
               QLOOP_ERR_INVALID_INPUT, "model_dir: must be an absolute path, got \"models\"");
  expect_error(plugin.analyze("classify.train", {{"model_dir", 5}, {"table", table}}),
               QLOOP_ERR_INVALID_INPUT, "model_dir: must be a string");
  const std::string empty = temp_dir("nomodel");
  expect_error(plugin.analyze("classify.predict", {{"model_dir", empty}, {"table", table}}),
               QLOOP_ERR_INVALID_INPUT, "model_dir: no model there; run classify.train first");
  // Given under "options", as `qloop analyze --option model_dir=...` sends it.
  expect_error(plugin.analyze("classify.predict", {{"options", {{"model_dir", empty}}}, {"table", table}}),
               QLOOP_ERR_INVALID_INPUT, "model_dir: no model there");

  // A directory with someone's files is never replaced.
  const std::string precious = temp_dir("precious");
  write_file(precious + "/thesis.txt", "years of work");
  expect_error(plugin.analyze("classify.train", {{"model_dir", precious}, {"table", table}}),
               QLOOP_ERR_INVALID_INPUT, "exists and is not a classify model directory");
  EXPECT_EQ(read_file(precious + "/thesis.txt"), "years of work");

  expect_error(plugin.analyze("classify.train",
                              {{"model_dir", empty + "/m"}, {"table", synthetic_table(5, 1, false)}}),
               QLOOP_ERR_INVALID_INPUT, "table: no label column");
  json one_class = {
      {"columns", {"phenomenon", "category"}},
      {"rows", json::array({json::array({"a", "x"}), json::array({"b", "x"}), json::array({"c", ""})})}};
  expect_error(
      plugin.analyze("classify.train", {{"model_dir", empty + "/m"}, {"table", one_class}}),
      QLOOP_ERR_INVALID_INPUT,
      "table: nothing to learn, no target has 2 classes (category: only one class (x) among the labelled "
      "rows; subcategory: no subcategory column");
  EXPECT_FALSE(fs::exists(empty + "/m"));
}

TEST(Errors, DamagedModelFileIsAnIoError) {
  FakeHost host;
  const std::string dir = temp_dir("damaged") + "/m";
  {
    Instance plugin(host);
    ASSERT_TRUE(
        plugin.analyze("classify.train", {{"model_dir", dir}, {"table", synthetic_table(50, 1)}}).ok());
  }
  write_file(dir + "/severity.model",
             "solver_type L2R_LR\nnr_class 2\nlabel 0 1\nnr_feature 3\nbias 1\nw\n0.5\n");
  Instance fresh(host);
  expect_error(
      fresh.analyze("classify.predict", {{"model_dir", dir}, {"table", synthetic_table(3, 1, false)}}),
      QLOOP_ERR_IO, "severity.model");
}

TEST(Errors, RulesFileProblemsAreConfigErrors) {
  FakeHost host;
  const std::string work = temp_dir("badrules");
  write_file(work + "/rules.ini", "[rule.ok]\ntext = fire\nseverity = critical\n\n[rule.bad]\ntext = (smoke\n"
                                  "severity = critical\n");
  host.config["rules_file"] = work + "/rules.ini";
  Instance plugin(host);
  const json table = synthetic_table(10, 1);
  expect_error(plugin.analyze("classify.predict", {{"table", table}}), QLOOP_ERR_CONFIG,
               "rules_file " + work + "/rules.ini line 5 [rule.bad]: text: invalid regex \"(smoke\"");
  // Training needs no rules; eval only with use_rules.
  EXPECT_TRUE(plugin.analyze("classify.eval", {{"table", synthetic_table(40, 1)}}).ok());
  expect_error(plugin.analyze("classify.eval", {{"use_rules", true}, {"table", table}}), QLOOP_ERR_CONFIG,
               "[rule.bad]");
  // Fixed on disk: the next call reads the file again.
  write_file(work + "/rules.ini", "[rule.ok]\ntext = fire|smoke\nseverity = critical\n");
  const Call fixed = plugin.analyze("classify.predict", {{"table", table}});
  ASSERT_TRUE(fixed.ok()) << fixed.text;
  EXPECT_EQ(fixed.result["details"]["rules"], 1);

  host.config["rules_file"] = work + "/missing.ini";
  expect_error(plugin.analyze("classify.predict", {{"table", table}}), QLOOP_ERR_CONFIG,
               "rules_file: cannot read " + work + "/missing.ini");
}

TEST(Errors, DescriptorDeclaresTheMethodsAndTheRulesKey) {
  FakeHost host;
  const qloop_plugin_descriptor *d = descriptor(host.host());
  ASSERT_NE(d, nullptr);
  EXPECT_STREQ(d->id, "analysis.classify");
  EXPECT_EQ(d->kind, QLOOP_KIND_ANALYSIS);
  ASSERT_EQ(d->config_key_count, 1u);
  EXPECT_STREQ(d->config_keys[0].name, "rules_file");
  EXPECT_EQ(d->config_keys[0].type, QLOOP_CONFIG_PATH);
  const auto *api = static_cast<const qloop_analysis_api *>(d->kind_api);
  std::vector<std::string> methods;
  for (auto m = api->methods; *m; ++m) methods.emplace_back(*m);
  EXPECT_EQ(methods, (std::vector<std::string>{"classify.train", "classify.predict", "classify.eval"}));
}

} // namespace
} // namespace classify_test
