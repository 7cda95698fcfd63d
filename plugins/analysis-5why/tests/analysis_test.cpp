// The whole method: result shape (summary, tables, chart, findings, details)
// on the Chinese weld-crack example in tests/data, language handling, and the
// configured defaults reaching the rules.
#include <gtest/gtest.h>
#include <qloop/plugin.hpp>

#include "five_why_analysis.hpp"
#include "test_support.hpp"

using namespace qloop::fivewhy;
using namespace fivewhy_test;
using nlohmann::json;

namespace {

json weld_crack() { return json::parse(read_text(FIVEWHY_TEST_DATA "/weld-crack.zh.json")); }

} // namespace

TEST(Analysis, WeldCrackExampleIsCleanAndComplete) {
  auto r = analyze(weld_crack(), Settings{});
  EXPECT_EQ(r["method"], "5why");
  const auto &s = r["summary"];
  EXPECT_EQ(s["chains"], 2);
  EXPECT_EQ(s["occurrence_chains"], 1);
  EXPECT_EQ(s["escape_chains"], 1);
  EXPECT_EQ(s["steps"], 7);
  EXPECT_EQ(s["paths"], 2);
  EXPECT_EQ(s["max_depth"], 4);
  EXPECT_EQ(s["errors"], 0);
  EXPECT_EQ(s["warnings"], 0);
  // Summary keys keep display order.
  EXPECT_EQ(s.begin().key(), "problem");
  EXPECT_TRUE(r["findings"].empty());
  ASSERT_EQ(r["tables"].size(), 2u); // no findings table when there is nothing to report
  EXPECT_EQ(r["tables"][0]["title"], "5Why 步骤");
  EXPECT_EQ(r["tables"][0]["rows"].size(), 7u);
  EXPECT_EQ(r["tables"][1]["rows"][0][3], "参数变更没有审批和锁定机制,任何人都可以修改");
  EXPECT_EQ(r["tables"][1]["rows"][1][5], "esc-1#1 > esc-1#2 > esc-1#3");
  ASSERT_EQ(r["charts"].size(), 1u);
  EXPECT_EQ(r["charts"][0]["kind"], "tree");
  EXPECT_NE(r["charts"][0]["svg"].get<std::string>().find("焊点开裂"), std::string::npos);
  EXPECT_EQ(r["details"]["paths"][0]["cause_type"], "system");
  EXPECT_EQ(r["details"]["paths"][1]["steps"], json({"esc-1#1", "esc-1#2", "esc-1#3"}));
  EXPECT_EQ(r["details"]["chains"][0]["steps"][1]["evidence"].size(), 2u);
}

TEST(Analysis, ConfiguredDefaultsReachTheRulesAndOptionsWin) {
  Settings configured;
  configured.min_depth = 4; // as [analysis.5why] min_depth = 4 would
  auto r = analyze(weld_crack(), configured);
  ASSERT_EQ(r["findings"].size(), 1u);
  EXPECT_EQ(r["findings"][0]["rule"], "depth.too_shallow");
  EXPECT_EQ(r["findings"][0]["where"]["chain"], "esc-1");
  EXPECT_EQ(r["summary"]["warnings"], 1);
  EXPECT_EQ(r["tables"].size(), 3u); // findings table added
  EXPECT_EQ(r["details"]["settings"]["min_depth"], 4);

  auto request = weld_crack();
  request["options"] = {{"min_depth", 3}};
  EXPECT_TRUE(analyze(request, configured)["findings"].empty());
}

TEST(Analysis, EnglishRequestGetsEnglishLabels) {
  auto r = analyze(request("Bracket weld cracked", {good_occurrence(), good_escape()}), Settings{});
  EXPECT_EQ(r["tables"][0]["title"], "5 Why steps");
  EXPECT_EQ(r["tables"][0]["columns"][3], "why");
  EXPECT_EQ(r["charts"][0]["title"], "5 Why tree");
}

TEST(Analysis, BadLanguageOrRequestIsInvalidInput) {
  auto r = request("p", {good_occurrence()});
  r["lang"] = "fr";
  EXPECT_THROW(analyze(r, Settings{}), qloop::sdk::InvalidInput);
  EXPECT_THROW(analyze(json::array(), Settings{}), qloop::sdk::InvalidInput);
  EXPECT_THROW(analyze(json::object(), Settings{}), qloop::sdk::InvalidInput);
}

TEST(Analysis, EmptyProblemIsAWarningNotAFailure) {
  auto r = analyze(request("", {good_occurrence(), good_escape()}), Settings{});
  ASSERT_EQ(r["warnings"].size(), 1u);
  EXPECT_NE(r["warnings"][0].get<std::string>().find("data.problem"), std::string::npos);
}
