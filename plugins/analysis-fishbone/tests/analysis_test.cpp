// The whole method on the weld-crack example in tests/data: summary, the
// category/status table, the cause list, the chart and the details.
#include <gtest/gtest.h>
#include <qloop/plugin.hpp>

#include "fishbone_analysis.hpp"
#include "test_support.hpp"

using namespace qloop::fishbone;
using namespace fishbone_test;
using nlohmann::json;

TEST(Analysis, WeldCrackExample) {
  auto r = analyze(json::parse(read_text(FISHBONE_TEST_DATA "/weld-crack.fishbone.json")));
  EXPECT_EQ(r["method"], "fishbone");
  const auto &s = r["summary"];
  EXPECT_EQ(s.begin().key(), "effect");
  EXPECT_EQ(s["effect"], "A100 支架焊点开裂");
  EXPECT_EQ(s["causes"], 7);
  EXPECT_EQ(s["sub_causes"], 3);
  EXPECT_EQ(s["verified"], 4);
  EXPECT_EQ(s["suspected"], 3);
  EXPECT_EQ(s["ruled_out"], 3);
  EXPECT_EQ(s["categories_used"], 6);
  const auto &counts = r["tables"][0];
  EXPECT_EQ(counts["columns"][0], "类别");
  ASSERT_EQ(counts["rows"].size(), 7u);
  EXPECT_EQ(counts["rows"][1], json({"机", 2, 2, 1, 2, 1}));
  EXPECT_EQ(counts["rows"][6], json({"合计", 7, 3, 3, 4, 3}));
  EXPECT_EQ(r["tables"][1]["rows"].size(), 10u);
  EXPECT_EQ(r["tables"][1]["rows"][1],
            json({"机", "焊机电流偏低", "", "已验证", "5why:occ-1; doe:DOE-2023-07"}));
  EXPECT_EQ(r["charts"][0]["kind"], "fishbone");
  EXPECT_TRUE(r["findings"].empty());
  EXPECT_EQ(r["details"]["counts"]["machine"]["verified"], 2);
  EXPECT_EQ(r["details"]["categories"]["machine"][0]["sub_causes"][1]["status"], "ruled_out");
}

TEST(Analysis, EnglishLabelsAndFindingsInTheResult) {
  auto r = analyze(request("x", {cause("man", "a")}));
  EXPECT_EQ(r["tables"][0]["rows"][0][0], "Man");
  EXPECT_EQ(r["tables"][0]["rows"][6][0], "Total");
  EXPECT_EQ(r["findings"].size(), 6u); // 5 empty bones + nothing verified
  EXPECT_EQ(r["findings"][5]["rule"], "effect.no_verified_cause");
}

TEST(Analysis, BadLanguageIsInvalidInput) {
  auto r = complete();
  r["lang"] = 1;
  EXPECT_THROW(analyze(r), qloop::sdk::InvalidInput);
}
