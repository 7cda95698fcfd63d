// classify.eval through the plugin on the generated corpora
// (tests/data/make_corpus.py): one close to the demo ledger's texts, one
// noisy. The demo corpus must be learned almost perfectly; the noisy one
// only has a sanity floor, and its figures are printed for the record.
#include <cstdio>
#include <cstdlib>

#include <gtest/gtest.h>

#include "fake_host.hpp"
#include "test_support.hpp"

namespace classify_test {
namespace {

json corpus(const std::string &flavour, int rows) {
  const std::string out = temp_dir("corpus") + "/" + flavour + ".csv";
  const std::string cmd = "/usr/bin/python3 '" CLASSIFY_TEST_DATA "/make_corpus.py' --flavour " + flavour +
                          " --rows " + std::to_string(rows) + " --seed 7 --out '" + out + "'";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  return csv_table(out);
}

void print(const std::string &name, const Call &c) {
  const json &t = c.result["details"]["targets"];
  std::printf("%s: %d records, train %d, test %d, %d features\n", name.c_str(),
              c.result["summary"]["records"].get<int>(), c.result["summary"]["train"].get<int>(),
              c.result["summary"]["test"].get<int>(), c.result["details"]["features"].get<int>());
  for (const char *target : {"category", "subcategory", "severity", "department"})
    if (t[target].contains("accuracy"))
      std::printf("  %-12s accuracy %.4f  macro-F1 %.4f\n", target, t[target]["accuracy"].get<double>(),
                  t[target]["macro_f1"].get<double>());
  std::fflush(stdout);
}

double macro_f1(const Call &c, const char *target) {
  return c.result["details"]["targets"][target]["macro_f1"].get<double>();
}

TEST(Corpus, DemoFlavourIsLearned) {
  FakeHost host;
  Instance plugin(host);
  const json table = corpus("demo", 3000);
  ASSERT_EQ(table["rows"].size(), 3000u);
  const Call c = plugin.analyze("classify.eval", {{"test_fraction", 0.2}, {"seed", 1}, {"table", table}});
  ASSERT_TRUE(c.ok()) << c.text;
  print("demo corpus", c);
  // 20% of each category stratum, rounded per stratum.
  EXPECT_NEAR(c.result["summary"]["test"].get<double>(), 600, 3);
  EXPECT_GT(macro_f1(c, "category"), 0.9);
  EXPECT_GT(macro_f1(c, "subcategory"), 0.9);
  EXPECT_GT(macro_f1(c, "severity"), 0.8);
  EXPECT_GT(macro_f1(c, "department"), 0.9);
}

TEST(Corpus, NoisyFlavourFigures) {
  FakeHost host;
  host.config["rules_file"] = CLASSIFY_BUNDLED_RULES;
  Instance plugin(host);
  const json table = corpus("noisy", 3000);
  const Call c = plugin.analyze("classify.eval", {{"test_fraction", 0.2}, {"seed", 1}, {"table", table}});
  ASSERT_TRUE(c.ok()) << c.text;
  print("noisy corpus, model only", c);
  EXPECT_GT(macro_f1(c, "category"), 0.5);
  EXPECT_GT(macro_f1(c, "subcategory"), 0.3);
  // The same split with the bundled rules in front of the model.
  const Call r = plugin.analyze("classify.eval",
                                {{"test_fraction", 0.2}, {"seed", 1}, {"use_rules", true}, {"table", table}});
  ASSERT_TRUE(r.ok()) << r.text;
  print("noisy corpus, bundled rules + model", r);
  EXPECT_GT(macro_f1(r, "category"), 0.5);

  // Predict speed on these longer, messier texts: trained on all of them,
  // the whole table predicted three times (printed, not asserted).
  const std::string dir = temp_dir("noisy-model") + "/m";
  ASSERT_TRUE(plugin.analyze("classify.train", {{"model_dir", dir}, {"table", table}}).ok());
  double cpu = 0, wall = 0;
  for (int i = 0; i < 3; ++i) {
    const Call p = plugin.analyze_columns("classify.predict", {{"model_dir", dir}, {"table", table}});
    ASSERT_TRUE(p.ok()) << p.text;
    cpu += p.cpu_seconds;
    wall += p.seconds;
    if (i > 0) continue;
    for (std::size_t r = 0; r < 6; ++r) {
      const json &d = p.result["details"]["decisions"][r];
      std::printf("  %s\n    category %s (%s, %.2f): %s\n", table["rows"][r][0].dump().c_str(),
                  d["category"]["value"].get<std::string>().c_str(),
                  d["category"]["by"].get<std::string>().c_str(), d["category"]["confidence"].get<double>(),
                  d["category"]["explanation"].get<std::string>().c_str());
    }
  }
  std::printf("predict on the noisy corpus (columns path, bundled rules + 4 models): %.0f records per CPU "
              "second, %.0f records/s wall\n",
              9000 / cpu, 9000 / wall);
}

} // namespace
} // namespace classify_test
