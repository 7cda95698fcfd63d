// The methods end to end at the JSON level: a design from doe.design analysed
// by doe.analyze, anova on a table, result shape, languages.
#include <cmath>

#include <gtest/gtest.h>

#include "methods.hpp"

namespace qloop::doe {
namespace {

TEST(Methods, DesignThenAnalyzeRecoversAKnownModel) {
  Json design = Json::parse(R"({"options": {"factors": [
      {"name": "temperature", "low": 160, "high": 180},
      {"name": "pressure", "low": 1, "high": 2},
      {"name": "catalyst", "levels": ["X", "Y"]}],
      "replicates": 2, "seed": 99}})");
  Json out = design_method(design);
  EXPECT_EQ(out["summary"]["runs"], 16);
  EXPECT_EQ(out["summary"]["seed"], 99);
  const Json &sheet = out["tables"][0];
  // Add a response y = 50 + 4 A - 3 B + 2 AC (+ replicate noise +-0.5).
  Json table{{"columns", sheet["columns"]}, {"rows", Json::array()}};
  table["columns"].push_back("y");
  int i = 0;
  for (const auto &row : sheet["rows"]) {
    Json r = row;
    const double a = row[2].get<double>() == 180 ? 1 : -1;
    const double b = row[3].get<double>() == 2 ? 1 : -1;
    const double c = row[4].get<std::string>() == "Y" ? 1 : -1;
    r.push_back(50 + 4 * a - 3 * b + 2 * a * c + ((i++ % 2) ? 0.5 : -0.5));
    table["rows"].push_back(r);
  }
  Json request{{"table", table}, {"options", Json::object()}, {"lang", "en"}};
  ASSERT_EQ(request["table"]["columns"].back(), "y") << request.dump();
  ASSERT_EQ(request["table"]["rows"][0].size(), request["table"]["columns"].size())
      << request["table"]["rows"][0].dump();
  Json first = request; // the methods move the table out of their request
  Json res = analyze_method(first);
  ASSERT_EQ(res["method"], "doe.analyze");
  const auto &effects = res["details"]["model"]["effects"];
  ASSERT_EQ(effects.size(), 7u);
  std::map<std::string, double> eff;
  for (const auto &e : effects) eff[e["term"]] = e["effect"];
  EXPECT_NEAR(eff["A"], 8, 0.5);
  EXPECT_NEAR(eff["B"], -6, 0.5);
  EXPECT_NEAR(eff["AC"], 4, 0.5);
  EXPECT_EQ(res["details"]["model"]["error"]["df"], 8);
  EXPECT_EQ(res["details"]["factors"][2]["low"], "X");
  ASSERT_GE(res["charts"].size(), 4u);
  EXPECT_EQ(res["charts"][0]["kind"], "pareto");
  for (const auto &c : res["charts"]) EXPECT_EQ(c["svg"].get<std::string>().rfind("<svg", 0), 0u);

  // Reduced model by names and letters.
  request["options"]["terms"] = {"temperature", "B", "temperature*catalyst", "C"};
  Json reduced = analyze_method(request);
  EXPECT_EQ(reduced["details"]["model"]["effects"].size(), 4u);
  EXPECT_EQ(reduced["details"]["model"]["error"]["df"], 11);
  EXPECT_TRUE(reduced["details"]["reduced"].get<bool>());
}

TEST(Methods, FractionalDesignReportsAliases) {
  Json design = Json::parse(R"({"options": {"factors": 7, "p": 4, "seed": 1}})");
  Json out = design_method(design);
  EXPECT_EQ(out["summary"]["resolution"], "III");
  EXPECT_EQ(out["summary"]["generators"], "D = AB, E = AC, F = BC, G = ABC");
  EXPECT_EQ(out["details"]["design"]["alias_structure"][0], "A + BD + CE + FG");
  EXPECT_EQ(out["findings"][0]["rule"], "resolution");

  Json by_res = Json::parse(R"({"options": {"factors": 5, "resolution": 5, "seed": 1}})");
  EXPECT_EQ(design_method(by_res)["summary"]["runs"], 16);
}

TEST(Methods, AnovaOneWayFromRowObjectsAndChineseLabels) {
  Json request = Json::parse(R"({"lang": "zh-CN", "options": {"response": "y", "factors": ["machine"]},
    "data": [{"machine": "M1", "y": 10.1}, {"machine": "M1", "y": 10.3}, {"machine": "M1", "y": 10.2},
             {"machine": "M2", "y": 10.9}, {"machine": "M2", "y": 11.1}, {"machine": "M2", "y": 11.0},
             {"machine": "M3", "y": 10.0}, {"machine": "M3", "y": 10.2}, {"machine": "M3", "y": 10.1}]})");
  Json out = anova_method(request);
  const auto &d = out["details"];
  // Group means 10.2, 11.0, 10.1; grand mean 10.4333; SS_between = 3 *
  // (0.2333^2 + 0.5667^2 + 0.3333^2) = 1.46; SS_within = 3 * 0.02 = 0.06.
  EXPECT_NEAR(d["anova"][0]["ss"].get<double>(), 1.46, 1e-12);
  EXPECT_NEAR(d["error"]["ss"].get<double>(), 0.06, 1e-12);
  EXPECT_EQ(d["anova"][0]["df"], 2);
  EXPECT_EQ(d["error"]["df"], 6);
  EXPECT_NEAR(d["anova"][0]["f"].get<double>(), 73.0, 1e-9);
  EXPECT_NEAR(d["r_squared"].get<double>(), 1.46 / 1.52, 1e-12);
  EXPECT_NEAR(d["residual_sd"].get<double>(), 0.1, 1e-12);
  ASSERT_FALSE(out["charts"].empty());
  EXPECT_NE(out["charts"][0]["svg"].get<std::string>().find("置信区间"), std::string::npos);
}

TEST(Methods, AnovaTwoWayReportsBalanceAndCellMeans) {
  Json request = Json::parse(R"({"table": {"columns": ["a", "b", "y"], "rows": [
      ["x", "p", 1], ["x", "p", 2], ["x", "q", 3], ["x", "q", 5], ["z", "p", 5], ["z", "p", 6], ["z", "q", 9],
      ["z", "q", 10], ["z", "q", 11]]}, "options": {"response": "y", "factors": ["a", "b"]}})");
  Json out = anova_method(request);
  EXPECT_FALSE(out["details"]["balanced"].get<bool>());
  EXPECT_EQ(out["details"]["anova"].size(), 3u);
  EXPECT_EQ(out["details"]["anova"][2]["source"], "a*b");
  bool unbalanced_note = false;
  for (const auto &f : out["findings"]) unbalanced_note |= f["rule"] == "unbalanced";
  EXPECT_TRUE(unbalanced_note);
  EXPECT_EQ(out["charts"][0]["kind"], "interaction");
}

TEST(Methods, GeneralFactorialThroughAnalyze) {
  // 3 x 2, replicated twice: analysed as a general factorial.
  Json request = Json::parse(R"({"table": {"columns": ["speed", "tool", "y"], "rows": [
      [100, "a", 5], [150, "a", 7], [200, "a", 12], [100, "b", 6], [150, "b", 8], [200, "b", 10],
      [100, "a", 5.5], [150, "a", 7.5], [200, "a", 11], [100, "b", 6.5], [150, "b", 8.2], [200, "b", 10.4]]}})");
  Json out = analyze_method(request);
  EXPECT_EQ(out["summary"]["design"], "general full factorial");
  EXPECT_EQ(out["details"]["anova"].size(), 3u);
  EXPECT_EQ(out["details"]["error"]["df"], 6);
}

} // namespace
} // namespace qloop::doe
