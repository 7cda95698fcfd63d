// The case file becomes the report model: every section, both root causes
// with their 5 Why chains, actions split by type, clear errors for shapes
// that cannot be read.
#include "case_file.hpp"
#include "test_support.hpp"

using namespace qloop::eightd;
using eightd_test::json;

namespace {

Report build(const json &c, Lang lang = Lang::en) {
  return build_report(c, lang, ModelLimits{}, "2026-01-02T03:04:05Z");
}

std::string error_of(const json &c) {
  try {
    build(c);
  } catch (const qloop::sdk::InvalidInput &e) {
    return e.what();
  }
  return "";
}

} // namespace

TEST(CaseFile, ReadsEverySection) {
  const Report r = build(eightd_test::full_case());
  EXPECT_EQ(r.number, "QC-2025-00042");
  EXPECT_EQ(r.customer, eightd_test::kChineseCustomer);
  EXPECT_EQ(r.team.size(), 2u);
  ASSERT_EQ(r.problem.size(), 7u);
  EXPECT_EQ(r.problem[2].value, "2025-11-25 18:01 UTC"); // "when"
  ASSERT_EQ(r.containment.size(), 1u);
  EXPECT_EQ(r.containment[0].lots, "L2025-101, L2025-102");
  EXPECT_EQ(r.containment[0].shipments_stopped, "Yes");
  EXPECT_EQ(r.deployment.size(), 2u);
  EXPECT_EQ(r.deployment[1].status_label, "In progress");
  EXPECT_EQ(r.closure[1].value, "刘洋");
  EXPECT_EQ(r.contacts.size(), 2u);
  EXPECT_EQ(r.contacts[0].purpose, "First response");
  ASSERT_EQ(r.revisits.size(), 1u);
  EXPECT_EQ(r.revisits[0].satisfaction, "5 / 5");
  EXPECT_EQ(r.analyses.size(), 5u);
  EXPECT_EQ(r.chart_count(), 5u);
  EXPECT_EQ(r.generated_at, "2026-01-02 03:04 UTC");
}

TEST(CaseFile, BothRootCausesCarryTheirFiveWhyChains) {
  const Report r = build(eightd_test::full_case());
  ASSERT_EQ(r.root_causes.size(), 2u);
  EXPECT_EQ(r.root_causes[0].kind, "occurrence");
  EXPECT_EQ(r.root_causes[1].kind, "escape");
  ASSERT_EQ(r.root_causes[0].chains.size(), 1u);
  EXPECT_EQ(r.root_causes[0].chains[0].id, "C1");
  EXPECT_EQ(r.root_causes[0].chains[0].steps.size(), 4u);
  ASSERT_EQ(r.root_causes[1].chains.size(), 1u);
  EXPECT_EQ(r.root_causes[1].chains[0].id, "E1");
  EXPECT_EQ(r.root_causes[1].chains[0].steps[0].because, "ICT 测试未覆盖 U7 引脚 (test coverage gap)");
}

TEST(CaseFile, AMissingCauseIsShownAsAGap) {
  json c = eightd_test::full_case();
  c["eight_d"]["d4"].erase(1); // no escape cause recorded
  const Report r = build(c, Lang::zh_cn);
  ASSERT_EQ(r.root_causes.size(), 2u);
  EXPECT_TRUE(r.root_causes[0].recorded);
  EXPECT_FALSE(r.root_causes[1].recorded);
  EXPECT_EQ(r.root_causes[1].kind_label, "流出原因");
  EXPECT_EQ(r.root_causes[1].chains.size(), 1u); // the escape chain still shows
}

TEST(CaseFile, AnalysisRefsSelectTheChains) {
  json c = eightd_test::full_case();
  c["eight_d"]["d4"][0]["analysis_refs"] = {99}; // a 5 Why that is not attached
  const Report r = build(c);
  EXPECT_TRUE(r.root_causes[0].chains.empty());
  EXPECT_EQ(r.root_causes[1].chains.size(), 1u);
}

TEST(CaseFile, ActionsAreSplitByType) {
  const Report r = build(eightd_test::full_case());
  ASSERT_EQ(r.temporary_actions.size(), 1u);
  EXPECT_EQ(r.temporary_actions[0].id, "1");
  ASSERT_EQ(r.permanent_actions.size(), 1u);
  EXPECT_EQ(r.permanent_actions[0].verification, "3 later lots without recurrence");
  ASSERT_EQ(r.preventive_actions.size(), 1u);                             // given as "kind"
  EXPECT_EQ(r.preventive_actions[0].verification, "coverage 100% on U7"); // given as "verification"
  EXPECT_EQ(r.actions.size(), 3u);
}

TEST(CaseFile, ChineseLabelsAndValues) {
  const Report r = build(eightd_test::full_case(), Lang::zh_cn);
  EXPECT_EQ(r.severity_label, "重大");
  EXPECT_EQ(r.containment[0].shipments_stopped, "是");
  EXPECT_EQ(r.root_causes[0].kind_label, "发生原因");
  EXPECT_EQ(r.facts[0].label, "投诉编号");
}

TEST(CaseFile, TheSampleFromTheHostReads) {
  const json sample =
      json::parse(eightd_test::read_file(std::string(EIGHTD_TEST_DATA) + "/casefile-sample.json"));
  const Report r = build(sample);
  EXPECT_EQ(r.number, "QC-2025-00001");
  EXPECT_EQ(r.root_causes.size(), 2u);
  EXPECT_EQ(r.permanent_actions.size(), 1u);
  EXPECT_TRUE(r.analyses.empty());
}

TEST(CaseFile, ErrorsNameTheField) {
  EXPECT_EQ(error_of(json::array()), "case file: must be a JSON object");
  EXPECT_NE(error_of(json{{"eight_d", json::object()}}).find("'complaint'"), std::string::npos);
  EXPECT_NE(error_of(json{{"complaint", {{"customer", "x"}}}}).find("'complaint.number'"), std::string::npos);
  json c = eightd_test::full_case();
  c["eight_d"]["d3"][0] = "sorted";
  EXPECT_NE(error_of(c).find("'eight_d.d3[0]' must be an object"), std::string::npos);
  c = eightd_test::full_case();
  c["actions"] = {{"id", 1}};
  EXPECT_NE(error_of(c).find("'actions' must be an array"), std::string::npos);
  c = eightd_test::full_case();
  c["analyses"][2]["result"]["charts"] = "not charts";
  EXPECT_NE(error_of(c).find("'analyses[2].result.charts' must be an array"), std::string::npos);
}

TEST(CaseFile, OddScalarsAndAbsentFieldsAreNormal) {
  json c = {{"complaint", {{"number", 42}, {"quantity_affected", "many"}, {"key_complaint", nullptr}}},
            {"eight_d", {{"d0", {{"response", "spares sent"}, {"within_h", 4}}}}},
            {"unknown_field", {1, 2, 3}}};
  const Report r = build(c);
  EXPECT_EQ(r.number, "42");
  EXPECT_EQ(r.d0, "response: spares sent\nwithin_h: 4");
  EXPECT_EQ(r.root_causes.size(), 2u);
  EXPECT_FALSE(r.root_causes[0].recorded);
  EXPECT_TRUE(r.actions.empty());
}

TEST(CaseFile, AnUnreadableChartIsKeptWithItsProblem) {
  json c = eightd_test::full_case();
  c["analyses"][1]["result"]["charts"][0]["svg"] = "<svg><unclosed></svg>";
  const Report r = build(c);
  ASSERT_EQ(r.analyses[1].charts.size(), 1u);
  EXPECT_TRUE(r.analyses[1].charts[0].svg.empty());
  EXPECT_NE(r.analyses[1].charts[0].problem.find("not well-formed"), std::string::npos);
}
