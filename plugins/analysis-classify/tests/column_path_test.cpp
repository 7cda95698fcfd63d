// The ABI 1.3 column path reads a table exactly as the JSON path does: the
// same request gives the same result, byte for byte, and the same messages.
#include <filesystem>

#include <gtest/gtest.h>

#include "fake_host.hpp"
#include "test_support.hpp"

namespace classify_test {
namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> files_of(const std::string &dir) {
  std::map<std::string, std::string> out;
  for (const auto &e : fs::directory_iterator(dir)) out[e.path().filename()] = read_file(e.path());
  return out;
}

// Numbers in text columns, numeric-only columns and nulls read the same on
// both paths: a DOUBLE column of customer numbers, a null channel.
json mixed_table() {
  json t = synthetic_table(160, 21);
  t["columns"][3] = "customer";
  std::size_t i = 0;
  for (auto &row : t["rows"]) {
    row[3] = (i % 7 == 0) ? json(nullptr) : json(1000.5 + static_cast<double>(i % 5));
    if (i % 11 == 0) row[2] = nullptr;
    if (i % 13 == 0) row[0] = 404; // a phenomenon that is a number
    ++i;
  }
  return t;
}

TEST(ColumnPath, TrainWritesTheSameModelsAndResult) {
  FakeHost host;
  Instance plugin(host);
  ASSERT_TRUE(plugin.has_columns_path());
  const std::string dir = temp_dir("cols-train") + "/m";
  const json request = {{"model_dir", dir}, {"trained_at", "2025-01-01T00:00:00Z"}, {"table", mixed_table()}};
  const Call by_json = plugin.analyze("classify.train", request);
  ASSERT_TRUE(by_json.ok()) << by_json.text;
  const auto files = files_of(dir);
  const Call by_columns = plugin.analyze_columns("classify.train", request);
  EXPECT_EQ(by_columns.outcome(), by_json.outcome());
  EXPECT_EQ(files_of(dir), files); // deterministic training, byte for byte
}

TEST(ColumnPath, PredictAndEvalGiveIdenticalResults) {
  FakeHost host;
  host.config["rules_file"] = CLASSIFY_BUNDLED_RULES;
  Instance plugin(host);
  const std::string dir = temp_dir("cols-predict") + "/m";
  ASSERT_TRUE(
      plugin.analyze("classify.train", {{"model_dir", dir}, {"table", synthetic_table(300, 2)}}).ok());
  const json predict = {{"model_dir", dir}, {"table", mixed_table()}};
  const Call pj = plugin.analyze("classify.predict", predict);
  ASSERT_TRUE(pj.ok()) << pj.text;
  EXPECT_EQ(plugin.analyze_columns("classify.predict", predict).outcome(), pj.outcome());

  const json eval = {{"test_fraction", 0.25}, {"seed", 3}, {"table", mixed_table()}};
  const Call ej = plugin.analyze("classify.eval", eval);
  ASSERT_TRUE(ej.ok()) << ej.text;
  EXPECT_EQ(plugin.analyze_columns("classify.eval", eval).outcome(), ej.outcome());
  json with_rules = eval;
  with_rules["options"] = {{"use_rules", true}};
  EXPECT_EQ(plugin.analyze_columns("classify.eval", with_rules).outcome(),
            plugin.analyze("classify.eval", with_rules).outcome());
}

TEST(ColumnPath, SameMessages) {
  FakeHost host;
  Instance plugin(host);
  const json no_text = {{"table",
                         {{"columns", {"text", "category"}},
                          {"rows", json::array({json::array({"a", "b"}), json::array({"c", "d"})})}}}};
  for (const char *method : {"classify.train", "classify.predict", "classify.eval"}) {
    json request = no_text;
    if (method == std::string("classify.train")) request["model_dir"] = temp_dir("cols-msg") + "/m";
    const Call j = plugin.analyze(method, request);
    EXPECT_EQ(j.status, QLOOP_ERR_INVALID_INPUT) << method;
    EXPECT_EQ(j.text, "table: column phenomenon is missing") << method;
    EXPECT_EQ(plugin.analyze_columns(method, request).outcome(), j.outcome()) << method;
  }
  const json unlabelled = {{"table", synthetic_table(20, 1, false)}};
  EXPECT_EQ(plugin.analyze_columns("classify.eval", unlabelled).outcome(),
            plugin.analyze("classify.eval", unlabelled).outcome());
}

} // namespace
} // namespace classify_test
