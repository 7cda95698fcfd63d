// The whole method: summary, the Pareto table with and without a value
// column, findings about the cut and the other bucket, language.
#include <gtest/gtest.h>
#include <qloop/plugin.hpp>

#include "pareto_analysis.hpp"
#include "test_support.hpp"

using namespace qloop::pareto;
using namespace pareto_test;
using nlohmann::json;

namespace {

json montgomery(json options = json::object()) {
  options["field"] = "Defect";
  options["value"] = "Frequency";
  return {{"table", montgomery_table()}, {"options", options}};
}

std::vector<std::string> rules(const nlohmann::ordered_json &result) {
  std::vector<std::string> out;
  for (const auto &f : result["findings"]) out.push_back(f["rule"]);
  return out;
}

} // namespace

TEST(Analysis, MontgomerySummaryAndTable) {
  auto r = analyze(montgomery(), Settings{});
  EXPECT_EQ(r["method"], "pareto");
  const auto &s = r["summary"];
  EXPECT_EQ(s.begin().key(), "field");
  EXPECT_EQ(s["field"], "Defect");
  EXPECT_EQ(s["value"], "Frequency");
  EXPECT_EQ(s["total"], 166.0);
  EXPECT_EQ(s["rows"], 19);
  EXPECT_EQ(s["categories"], 19);
  EXPECT_EQ(s["vital_few"], 6);
  EXPECT_NEAR(s["vital_few_percent"].get<double>(), 100.0 * 135 / 166, 1e-12);
  EXPECT_EQ(s["top_category"], "Incorrect dimensions");
  EXPECT_NEAR(s["top_percent"].get<double>(), 100.0 * 36 / 166, 1e-12);
  const auto &t = r["tables"][0];
  EXPECT_EQ(t["columns"], json({"rank", "Defect", "rows", "Frequency", "percent", "cumulative",
                                "cumulative percent", "vital few"}));
  EXPECT_EQ(t["rows"][0][0], 1);
  EXPECT_EQ(t["rows"][0][1], "Incorrect dimensions");
  EXPECT_EQ(t["rows"][0][2], 1); // one table row carried the count
  EXPECT_EQ(t["rows"][0][3], 36.0);
  EXPECT_EQ(t["rows"][5][7], "yes");
  EXPECT_EQ(t["rows"][6][7], "");
  EXPECT_EQ(r["details"]["vital_few"].size(), 6u);
  EXPECT_TRUE(r["findings"].empty());
  EXPECT_EQ(r["charts"][0]["kind"], "pareto");
}

TEST(Analysis, CountingHasNoValueColumn) {
  auto r = analyze(request_of_records(records({{"a", 2}, {"b", 1}}), {{"field", "defect"}}), Settings{});
  EXPECT_EQ(r["summary"]["value"], "count");
  EXPECT_EQ(r["tables"][0]["columns"].size(), 7u);
  EXPECT_EQ(r["details"]["value"], nullptr);
}

TEST(Analysis, OtherBucketHidingVitalCategoriesIsAWarning) {
  auto r = analyze(montgomery({{"top_n", 5}}), Settings{});
  EXPECT_EQ(rules(r), std::vector<std::string>{"vital_few.hidden_in_other"});
  EXPECT_EQ(r["tables"][0]["rows"].size(), 6u);
  EXPECT_EQ(r["tables"][0]["rows"][5][0], "");
  EXPECT_EQ(r["tables"][0]["rows"][5][1], "Other (14)");
  EXPECT_EQ(r["details"]["categories"].size(), 19u);
  EXPECT_EQ(r["details"]["shown"][5]["other_categories"], 14);
  EXPECT_TRUE(analyze(montgomery({{"top_n", 6}}), Settings{})["findings"].empty());
  Settings configured;
  configured.top_n = 5; // as [analysis.pareto] top_n = 5
  EXPECT_EQ(analyze(montgomery(), configured)["tables"][0]["rows"].size(), 6u);
}

TEST(Analysis, TieAtTheCutAndFlatDistributionAreNoted) {
  // A 70, B 10, C 10, D 10: cumulative 70, 80 %; B closes the vital few, C and D tie with it.
  auto tie = analyze(
      request_of_records(records({{"A", 70}, {"B", 10}, {"C", 10}, {"D", 10}}), {{"field", "defect"}}),
      Settings{});
  EXPECT_EQ(rules(tie), (std::vector<std::string>{"vital_few.tie_at_cutoff", "vital_few.tie_at_cutoff"}));
  EXPECT_EQ(tie["findings"][0]["where"]["category"], "C");
  EXPECT_EQ(tie["findings"][1]["where"]["category"], "D");
  // Equal counts: 3 of 4 categories are needed for 80 %.
  auto flat =
      analyze(request_of_records(records({{"A", 5}, {"B", 5}, {"C", 5}, {"D", 5}}), {{"field", "defect"}}),
              Settings{});
  EXPECT_EQ(rules(flat), (std::vector<std::string>{"vital_few.flat"}));
}

TEST(Analysis, ChineseTableAndOtherLabel) {
  auto r = montgomery({{"top_n", 6}});
  r["lang"] = "zh-CN";
  auto result = analyze(r, Settings{});
  EXPECT_EQ(result["tables"][0]["title"], "柏拉图分析表");
  EXPECT_EQ(result["tables"][0]["rows"][6][1], "其他 (13)");
  EXPECT_EQ(result["tables"][0]["rows"][0][7], "是");
}

TEST(Analysis, BadLanguageIsInvalidInput) {
  auto r = montgomery();
  r["lang"] = "de";
  EXPECT_THROW(analyze(r, Settings{}), qloop::sdk::InvalidInput);
}

TEST(Analysis, ManyCategoriesAreFoldedInTheChartOnly) {
  std::vector<std::pair<std::string, int>> counts;
  for (int i = 0; i < 100; ++i) counts.emplace_back("c" + std::to_string(1000 + i), 1 + i % 7);
  auto r = analyze(request_of_records(records(counts), {{"field", "defect"}}), Settings{});
  EXPECT_EQ(r["tables"][0]["rows"].size(), 100u);
  ASSERT_EQ(r["warnings"].size(), 1u);
  EXPECT_NE(r["warnings"][0].get<std::string>().find("top 59"), std::string::npos);
  const std::string svg = r["charts"][0]["svg"];
  EXPECT_NE(svg.find("Other (41)"), std::string::npos);
}
