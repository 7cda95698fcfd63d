// The whole "fmea" result (summary, findings, chart, details) and the
// "fmea.ap" lookup, on the sample welding-line worksheet whose APs are read
// from the handbook table in sample_worksheet.hpp.
#include <string>

#include <gtest/gtest.h>

#include "methods.hpp"
#include "sample_worksheet.hpp"

namespace {

using nlohmann::json;
using namespace qloop::fmea;

int count_rule(const nlohmann::ordered_json &result, const std::string &rule) {
  int n = 0;
  for (const auto &f : result["findings"])
    if (f["rule"] == rule) ++n;
  return n;
}

TEST(Methods, SummaryCountsAndMaxRpn) {
  auto r = run_fmea(fmea_test::sample_request());
  const auto &s = r["summary"];
  EXPECT_EQ(r["method"], "fmea");
  EXPECT_EQ(s["fmea_type"], "process");
  EXPECT_EQ(s["rows"], 5);
  EXPECT_EQ(s["ap_h"], 2);
  EXPECT_EQ(s["ap_m"], 2);
  EXPECT_EQ(s["ap_l"], 1);
  EXPECT_EQ(s["max_rpn"], 280);
  // W-4 (H) and W-2 (M) have no recommended action.
  EXPECT_EQ(s["rows_needing_action"], 2);
  EXPECT_EQ(s["high_without_action"], 1);
  EXPECT_EQ(s["medium_without_action"], 1);
  // W-1 re-rated S8/O3/D3 -> S 7-8, O 2-3, D 2-4 -> L.
  EXPECT_EQ(s["revised_rows"], 1);
  EXPECT_EQ(s["revised_ap_l"], 1);
  const auto &counts = r["tables"][1]["rows"];
  EXPECT_EQ(counts[0], json::array({"H", 2, 0}));
  EXPECT_EQ(counts[2], json::array({"L", 1, 1}));
}

TEST(Methods, ActionFindings) {
  auto r = run_fmea(fmea_test::sample_request());
  ASSERT_EQ(count_rule(r, "ap-high-without-action"), 1);
  ASSERT_EQ(count_rule(r, "ap-medium-without-action"), 1);
  for (const auto &f : r["findings"]) {
    if (f["rule"] == "ap-high-without-action") {
      EXPECT_EQ(f["severity"], "error");
      EXPECT_EQ(f["where"]["row"], "W-4");
      EXPECT_EQ(f["where"]["source"], "data.rows[3]");
    }
    if (f["rule"] == "ap-medium-without-action") {
      EXPECT_EQ(f["severity"], "warning");
      EXPECT_EQ(f["where"]["row"], "W-2");
    }
    if (f["rule"] == "action-without-owner-or-due-date") {
      EXPECT_EQ(f["where"]["row"], "W-5");
    }
  }
  EXPECT_EQ(count_rule(r, "action-without-owner-or-due-date"), 1);
  EXPECT_EQ(count_rule(r, "action-overdue"), 0);
}

TEST(Methods, OverdueNeedsAsOf) {
  json req = fmea_test::sample_request();
  req["data"]["rows"][4]["due_date"] = "2024-01-31";
  req["options"]["as_of"] = "2024-03-01";
  auto r = run_fmea(req);
  EXPECT_EQ(count_rule(r, "action-overdue"), 1); // W-5, not re-rated; W-1 is re-rated
}

TEST(Methods, StatedApIsCrossChecked) {
  json req = fmea_test::sample_request();
  req["data"]["rows"][3]["AP"] = "M"; // the table gives H for S9/O4/D5
  auto r = run_fmea(req);
  ASSERT_EQ(count_rule(r, "ap-mismatch"), 1);
  for (const auto &f : r["findings"]) {
    if (f["rule"] != "ap-mismatch") continue;
    EXPECT_NE(
        f["message"].get<std::string>().find("gives AP M, the AIAG & VDA table gives AP H for S=9, O=4, D=5"),
        std::string::npos)
        << f["message"];
  }
}

TEST(Methods, RiskMatrixChart) {
  auto r = run_fmea(fmea_test::sample_request());
  ASSERT_EQ(r["charts"].size(), 1u);
  EXPECT_EQ(r["charts"][0]["kind"], "risk-matrix");
  const std::string svg = r["charts"][0]["svg"];
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("FMEA risk matrix: severity x occurrence"), std::string::npos);
  EXPECT_NE(svg.find("Occurrence O"), std::string::npos);
  EXPECT_NE(svg.find("Severity S"), std::string::npos);
  EXPECT_NE(svg.find("W-4: Leak not detected (AP H, RPN 180)"), std::string::npos);

  json req = fmea_test::sample_request();
  req["lang"] = "zh-CN";
  auto zh = run_fmea(req);
  const std::string zsvg = zh["charts"][0]["svg"];
  EXPECT_NE(zsvg.find("FMEA 风险矩阵:严重度 × 频度"), std::string::npos);
  EXPECT_NE(zsvg.find("严重度 S"), std::string::npos);
  EXPECT_EQ(zh["tables"][0]["columns"][3], "失效模式");
}

TEST(Methods, DetailsExplainTheApRow) {
  auto r = run_fmea(fmea_test::sample_request());
  const auto &first = r["details"]["rows"][0]; // W-1, S8/O5/D7
  EXPECT_EQ(first["id"], "W-1");
  EXPECT_EQ(first["ap_rule"]["S"], json::array({7, 8}));
  EXPECT_EQ(first["ap_rule"]["O"], json::array({4, 5}));
  EXPECT_EQ(first["ap_rule"]["D"], json::array({7, 10}));
  EXPECT_EQ(first["revised"]["RPN"], 72);
  EXPECT_EQ(r["details"]["ap_table"],
            "AIAG & VDA FMEA Handbook (2019), Action Priority (AP) for DFMEA and PFMEA");
}

TEST(Methods, UnknownOptionsAndColumnsAreWarned) {
  json req = fmea_test::sample_request();
  req["options"]["colour"] = "red";
  req["data"]["rows"][0]["remarks"] = "x";
  auto r = run_fmea(req);
  ASSERT_EQ(r["warnings"].size(), 2u);
  EXPECT_NE(r["warnings"][0].get<std::string>().find("'colour'"), std::string::npos);
  EXPECT_NE(r["warnings"][1].get<std::string>().find("'remarks'"), std::string::npos);
}

TEST(Methods, ApLookup) {
  auto r = run_ap({{"data", {{"S", 9}, {"O", 4}, {"D", 1}}}});
  EXPECT_EQ(r["summary"]["AP"], "M");
  EXPECT_EQ(r["summary"]["RPN"], 36);
  EXPECT_EQ(r["details"]["ap_rule"]["D"], json::array({1, 1}));
  // Ratings given as --option S=... land in options.
  r = run_ap({{"options", {{"S", 8}, {"O", 6}, {"D", 3}, {"type", "design"}}}});
  EXPECT_EQ(r["summary"]["AP"], "H");
  EXPECT_EQ(r["summary"]["fmea_type"], "design");
  // FMEA-MSR: S10/F4/M1 is M; with S after MSR 6 (used because M = 1) it is L.
  r = run_ap({{"data", {{"type", "msr"}, {"S", 10}, {"F", 4}, {"M", 1}}}});
  EXPECT_EQ(r["summary"]["AP"], "M");
  EXPECT_EQ(r["summary"]["F"], 4);
  r = run_ap({{"data", {{"type", "msr"}, {"S", 10}, {"F", 4}, {"M", 1}, {"S after MSR", 6}}}});
  EXPECT_EQ(r["summary"]["AP"], "L");
  EXPECT_EQ(r["details"]["ap_severity"], 6);
}

} // namespace
