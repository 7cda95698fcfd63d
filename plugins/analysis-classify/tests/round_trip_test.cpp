// Through the built plugin: train on a labelled corpus, predict held-out
// records, reload after retraining, rules before the model, and the speed
// of predict.
#include <chrono>
#include <cstdio>
#include <filesystem>

#include <gtest/gtest.h>

#include "fake_host.hpp"
#include "test_support.hpp"

namespace classify_test {
namespace {

namespace fs = std::filesystem;

json train_request(const std::string &dir, json table, const char *trained_at = "2025-06-01T08:00:00+08:00") {
  return {{"model_dir", dir}, {"trained_at", trained_at}, {"table", std::move(table)}};
}

// Column index by name in a JSON table.
std::size_t col(const json &table, const std::string &name) {
  const auto &c = table["columns"];
  return static_cast<std::size_t>(std::find(c.begin(), c.end(), name) - c.begin());
}

TEST(RoundTrip, TrainThenPredictHeldOutRecords) {
  FakeHost host;
  Instance plugin(host);
  const std::string dir = temp_dir("roundtrip") + "/models";
  const Call trained = plugin.analyze("classify.train", train_request(dir, synthetic_table(300, 11)));
  ASSERT_TRUE(trained.ok()) << trained.text;
  const json &s = trained.result["summary"];
  EXPECT_EQ(s["records"], 300);
  EXPECT_EQ(s["category_classes"], 4);
  EXPECT_EQ(s["subcategory_classes"], 4);
  EXPECT_EQ(s["severity_classes"], 2);
  EXPECT_EQ(s["department_classes"], 3);
  EXPECT_EQ(trained.result["details"]["targets"]["severity"]["classes"].size(), 2u);
  for (const char *f : {"meta.json", "vocabulary.tsv", "category.model", "subcategory.model",
                        "severity.model", "department.model"})
    EXPECT_TRUE(fs::exists(dir + "/" + f)) << f;
  // Nothing left beside it from the atomic write.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto &e : fs::directory_iterator(fs::path(dir).parent_path())) ++entries;
  EXPECT_EQ(entries, 1u);
  const json meta = json::parse(read_file(dir + "/meta.json"));
  EXPECT_EQ(meta["trained_at"], "2025-06-01T08:00:00+08:00");
  EXPECT_EQ(meta["hash_bits"], 20);
  EXPECT_EQ(meta["targets"]["category"]["labels"],
            json({"logistics", "other", "product_quality", "service"}));

  const json held_out = synthetic_table(120, 99);
  const Call predicted = plugin.analyze("classify.predict", {{"model_dir", dir}, {"table", held_out}});
  ASSERT_TRUE(predicted.ok()) << predicted.text;
  const json &decisions = predicted.result["details"]["decisions"];
  ASSERT_EQ(decisions.size(), 120u);
  EXPECT_EQ(predicted.result["summary"]["by_model"], 4 * 120);
  EXPECT_EQ(predicted.result["summary"]["by_rule"], 0);
  EXPECT_EQ(predicted.result["details"]["model"]["trained_at"], "2025-06-01T08:00:00+08:00");

  std::map<std::string, int> right;
  int explained = 0, correct_category = 0;
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    const json &row = held_out["rows"][i];
    const json &d = decisions[i];
    for (const auto &[target, column] :
         std::map<std::string, std::string>{{"category", "category"},
                                            {"subcategory", "subcategory"},
                                            {"severity", "severity"},
                                            {"department", "owner_department"}}) {
      ASSERT_TRUE(d.contains(target)) << d.dump();
      const double c = d[target]["confidence"];
      EXPECT_GT(c, 0.0);
      EXPECT_LE(c, 1.0);
      EXPECT_EQ(d[target]["by"], "model");
      if (d[target]["value"] == row[col(held_out, column)]) ++right[target];
    }
    if (d["category"]["value"] != row[col(held_out, "category")]) continue;
    ++correct_category;
    // The reason names a piece of this class's own words, not of another's:
    // an n-gram inside one of its words, or a stretch that holds one.
    const std::string category = d["category"]["value"];
    auto matches = [](const std::string &piece, const std::vector<std::string> &ws) {
      return std::any_of(ws.begin(), ws.end(), [&](std::string w) {
        std::transform(w.begin(), w.end(), w.begin(), [](unsigned char ch) { return std::tolower(ch); });
        return piece.size() >= 2 &&
               (w.find(piece) != std::string::npos || piece.find(w) != std::string::npos);
      });
    };
    for (auto piece : quoted_ngrams(d["category"]["explanation"])) {
      while (!piece.empty() && (piece.back() == ' ' || piece.back() == ',')) piece.pop_back();
      while (!piece.empty() && (piece.front() == ' ' || piece.front() == ',')) piece.erase(0, 1);
      bool elsewhere = false;
      for (const auto &other : synth_classes())
        if (category != other.category && matches(piece, class_words(other.category))) elsewhere = true;
      if (matches(piece, class_words(category)) && !elsewhere) {
        ++explained;
        break;
      }
    }
  }
  std::printf("held-out accuracy: category %d/120, subcategory %d/120, severity %d/120, department %d/120\n",
              right["category"], right["subcategory"], right["severity"], right["department"]);
  for (std::size_t i = 0; i < 3; ++i)
    std::printf("example: %s -> %s\n", held_out["rows"][i][0].dump().c_str(),
                decisions[i]["category"].dump().c_str());
  EXPECT_GE(right["category"], 114); // 95%
  EXPECT_GE(right["subcategory"], 114);
  EXPECT_GE(right["severity"], 108); // the line-stop cue
  EXPECT_GE(right["department"], 114);
  EXPECT_GE(explained, correct_category * 95 / 100) << explained << " of " << correct_category;
}

TEST(RoundTrip, ModelIsReloadedAfterRetrainingAndCachedOtherwise) {
  FakeHost host;
  Instance plugin(host);
  const std::string dir = temp_dir("reload") + "/m";
  ASSERT_TRUE(plugin.analyze("classify.train", train_request(dir, synthetic_table(200, 5))).ok());
  const json probe = synthetic_table(10, 77, false);
  auto loads = [&] {
    int n = 0;
    for (const auto &[level, m] : host.logs) n += m.find("models loaded from") != std::string::npos;
    return n;
  };
  Call first = plugin.analyze("classify.predict", {{"model_dir", dir}, {"table", probe}});
  ASSERT_TRUE(first.ok()) << first.text;
  Call again = plugin.analyze("classify.predict", {{"model_dir", dir}, {"table", probe}});
  EXPECT_EQ(again.text, first.text);
  EXPECT_EQ(loads(), 1) << host.logged();

  // Retrain with the categories renamed: the next predict must see them.
  json table = synthetic_table(200, 5);
  for (auto &row : table["rows"])
    row[col(table, "category")] = row[col(table, "category")].get<std::string>() + "_v2";
  const Call retrained =
      plugin.analyze("classify.train", train_request(dir, table, "2025-07-01T08:00:00+08:00"));
  ASSERT_TRUE(retrained.ok()) << retrained.text;
  const Call after = plugin.analyze("classify.predict", {{"model_dir", dir}, {"table", probe}});
  ASSERT_TRUE(after.ok()) << after.text;
  EXPECT_EQ(loads(), 2);
  EXPECT_EQ(after.result["details"]["model"]["trained_at"], "2025-07-01T08:00:00+08:00");
  for (std::size_t i = 0; i < 10; ++i) {
    const std::string before = first.result["details"]["decisions"][i]["category"]["value"];
    EXPECT_EQ(after.result["details"]["decisions"][i]["category"]["value"], before + "_v2");
  }
  EXPECT_FALSE(fs::exists(dir + ".old"));
}

TEST(RoundTrip, NoModelAndNoRulesGivesEmptyDecisions) {
  FakeHost host;
  Instance plugin(host);
  const Call c = plugin.analyze("classify.predict", {{"table", synthetic_table(5, 1, false)}});
  ASSERT_TRUE(c.ok()) << c.text;
  EXPECT_EQ(c.result["details"]["decisions"], json::parse("[{},{},{},{},{}]"));
  EXPECT_EQ(c.result["summary"]["records"], 5);
  EXPECT_EQ(c.result["summary"]["undecided"], 20);
  EXPECT_EQ(c.result["details"]["model"], nullptr);
  ASSERT_EQ(c.result["warnings"].size(), 1u);
  EXPECT_NE(c.result["warnings"][0].get<std::string>().find("nothing can decide"), std::string::npos);
  // model_dir "" is the same as none.
  const Call empty =
      plugin.analyze("classify.predict", {{"model_dir", ""}, {"table", synthetic_table(5, 1, false)}});
  EXPECT_EQ(empty.text, c.text);
}

TEST(RoundTrip, RulesDecideFirstAndTheModelFillsTheRest) {
  FakeHost host;
  const std::string work = temp_dir("rules");
  write_file(work + "/rules.ini",
             "[rule.safety]\ntext = 冒烟|smoke\nseverity = critical\nconfidence = 0.97\n"
             "[rule.billing]\ntext = invoice|发票\ncategory = other\nsubcategory = billing\n");
  host.config["rules_file"] = work + "/rules.ini";
  Instance plugin(host);
  ASSERT_TRUE(plugin.analyze("classify.train", train_request(work + "/m", synthetic_table(200, 3))).ok());
  const json table = {{"columns", {"phenomenon", "product_model"}},
                      {"rows", json::array({json::array({"虚焊,现场冒烟", "PSU-450W"}),
                                            json::array({"wrong invoice", "PCBA-X100"})})}};
  const Call c = plugin.analyze("classify.predict", {{"model_dir", work + "/m"}, {"table", table}});
  ASSERT_TRUE(c.ok()) << c.text;
  const json &d = c.result["details"]["decisions"];
  EXPECT_EQ(d[0]["severity"]["by"], "rule:safety");
  EXPECT_EQ(d[0]["severity"]["value"], "critical");
  EXPECT_EQ(d[0]["severity"]["confidence"], 0.97);
  EXPECT_EQ(d[0]["severity"]["explanation"], "text matched \"冒烟\"");
  EXPECT_EQ(d[0]["category"]["by"], "model");
  EXPECT_EQ(d[0]["category"]["value"], "product_quality");
  EXPECT_EQ(d[1]["category"]["by"], "rule:billing");
  EXPECT_EQ(d[1]["subcategory"]["by"], "rule:billing");
  EXPECT_EQ(d[1]["severity"]["by"], "model");
  EXPECT_EQ(c.result["summary"]["by_rule"], 3);
  EXPECT_EQ(c.result["summary"]["by_model"], 5);
  EXPECT_EQ(c.result["details"]["rules"], 2);
}

TEST(RoundTrip, ATargetWithOneClassIsSkippedWithAWarning) {
  FakeHost host;
  Instance plugin(host);
  json table = synthetic_table(100, 8);
  for (auto &row : table["rows"]) row[col(table, "severity")] = "minor";
  const std::string dir = temp_dir("oneclass") + "/m";
  const Call c = plugin.analyze("classify.train", train_request(dir, table));
  ASSERT_TRUE(c.ok()) << c.text;
  EXPECT_EQ(c.result["summary"]["severity_classes"], 0);
  EXPECT_EQ(c.result["details"]["targets"]["severity"]["trained"], false);
  ASSERT_EQ(c.result["warnings"].size(), 1u);
  EXPECT_EQ(c.result["warnings"][0], "severity: not trained: only one class (minor) among the labelled rows");
  EXPECT_NE(host.logged(QLOOP_LOG_WARN).find("severity: not trained"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir + "/severity.model"));
  const Call p =
      plugin.analyze("classify.predict", {{"model_dir", dir}, {"table", synthetic_table(3, 2, false)}});
  ASSERT_TRUE(p.ok()) << p.text;
  for (const auto &d : p.result["details"]["decisions"]) {
    EXPECT_FALSE(d.contains("severity"));
    EXPECT_TRUE(d.contains("category"));
  }
}

// Throughput of predict on short texts, one instance, batches of 5 000, both
// paths. Printed, not asserted: the machine running the tests varies.
TEST(RoundTrip, PredictThroughput) {
  FakeHost host;
  host.config["rules_file"] = CLASSIFY_BUNDLED_RULES;
  Instance plugin(host);
  const std::string dir = temp_dir("speed") + "/m";
  ASSERT_TRUE(plugin.analyze("classify.train", train_request(dir, synthetic_table(1000, 4))).ok());
  const json batch = synthetic_table(5000, 12345, false);
  ASSERT_TRUE(
      plugin.analyze("classify.predict", {{"model_dir", dir}, {"table", synthetic_table(10, 1, false)}})
          .ok());
  const json request = {{"model_dir", dir}, {"table", batch}};
  for (const bool columns : {false, true}) {
    double s = 0, cpu = 0;
    std::size_t records = 0;
    for (int i = 0; i < 4; ++i) {
      const Call c = columns ? plugin.analyze_columns("classify.predict", request)
                             : plugin.analyze("classify.predict", request);
      ASSERT_TRUE(c.ok()) << c.text;
      records += c.result["summary"]["records"].get<std::size_t>();
      s += c.seconds;
      cpu += c.cpu_seconds;
    }
    // The plugin call alone: parsing the request, rules, 4 models with
    // explanations, and writing the result JSON.
    std::printf("predict throughput (%s path, bundled rules + 4 models): %.0f records per CPU second, %.0f "
                "records/s wall (%zu records, %.3f s CPU, %.3f s wall)\n",
                columns ? "columns" : "JSON", records / cpu, records / s, records, cpu, s);
  }
}

} // namespace
} // namespace classify_test
