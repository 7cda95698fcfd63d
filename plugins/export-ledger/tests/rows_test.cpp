// How a case file becomes typed rows: the sample from the brief, missing and
// oddly typed fields, composed 8D texts, Chinese display values.
#include <gtest/gtest.h>

#include "ledger_rows.hpp"
#include "test_support.hpp"
#include "timestamp.hpp"

using namespace qloop::ledger;
using namespace ledger_test;

namespace {

std::size_t index_of(Table t, const std::string &key) {
  const auto cols = columns(t);
  for (std::size_t i = 0; i < cols.size(); ++i)
    if (key == cols[i].key) return i;
  throw std::out_of_range("no column " + key);
}

const Cell &at(const Row &row, Table t, const std::string &key) { return row.at(index_of(t, key)); }

} // namespace

TEST(Rows, ColumnsFollowTheIssue) {
  std::vector<std::string> keys;
  for (const auto &c : columns(Table::Complaints)) keys.push_back(c.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"number", "received_at", "customer", "product_model", "lot",
                                            "order_number", "quantity_affected", "channel", "category",
                                            "subcategory", "severity", "status", "owner", "owner_department",
                                            "phenomenon", "closed_at", "cycle_days", "key_complaint"}));
  EXPECT_EQ(std::string(columns(Table::Actions)[0].key), "complaint_number");
  EXPECT_EQ(std::string(columns(Table::EightD)[0].key), "complaint_number");
}

TEST(Rows, SampleComplaintIsTyped) {
  const json sample = sample_case();
  const Row row = RowBuilder(Lang::En, true).complaint(sample);
  ASSERT_EQ(row.size(), columns(Table::Complaints).size());
  EXPECT_EQ(at(row, Table::Complaints, "number").text, "QC-2025-00001");
  const Cell &received = at(row, Table::Complaints, "received_at");
  EXPECT_EQ(received.kind, Cell::Kind::Time);
  EXPECT_EQ(received.number, *parse_iso8601(sample["complaint"]["received_at"].get<std::string>()));
  EXPECT_EQ(at(row, Table::Complaints, "quantity_affected").kind, Cell::Kind::Number);
  EXPECT_EQ(at(row, Table::Complaints, "quantity_affected").number, 1);
  EXPECT_EQ(at(row, Table::Complaints, "severity").text, "minor");
  EXPECT_EQ(at(row, Table::Complaints, "customer").text, "北方重工机械");
  const Cell &days = at(row, Table::Complaints, "cycle_days");
  ASSERT_EQ(days.kind, Cell::Kind::Number);
  const double expected =
      (*parse_iso8601("2025-12-08T01:28:35Z") - *parse_iso8601("2025-11-25T18:01:27Z")) / 86400;
  EXPECT_DOUBLE_EQ(days.number, expected);
  EXPECT_EQ(at(row, Table::Complaints, "key_complaint").kind, Cell::Kind::Bool);
  EXPECT_FALSE(at(row, Table::Complaints, "key_complaint").flag);
}

TEST(Rows, ChineseShowsGlossaryTermsAndEnglishKeepsCodes) {
  json c = sample_case();
  c["complaint"]["severity"] = "critical";
  c["complaint"]["status"] = "investigating";
  c["complaint"]["category"] = "product_quality";
  c["complaint"]["channel"] = "carrier-pigeon"; // unknown codes pass through
  const Row zh = RowBuilder(Lang::ZhCN, true).complaint(c);
  EXPECT_EQ(at(zh, Table::Complaints, "severity").text, "紧急");
  EXPECT_EQ(at(zh, Table::Complaints, "status").text, "调查中");
  EXPECT_EQ(at(zh, Table::Complaints, "category").text, "产品质量");
  EXPECT_EQ(at(zh, Table::Complaints, "channel").text, "carrier-pigeon");
  EXPECT_EQ(at(zh, Table::Complaints, "owner_department").text, "客服部");
  const Row raw = RowBuilder(Lang::ZhCN, false).complaint(c);
  EXPECT_EQ(at(raw, Table::Complaints, "severity").text, "critical");
  EXPECT_EQ(at(RowBuilder(Lang::En, true).complaint(c), Table::Complaints, "severity").text, "critical");
}

TEST(Rows, MissingAndOddFieldsNeverFail) {
  const Row bare = RowBuilder(Lang::En, true).complaint(bare_case("QC-1"));
  EXPECT_EQ(at(bare, Table::Complaints, "number").text, "QC-1");
  for (std::size_t i = 1; i < bare.size(); ++i) EXPECT_EQ(bare[i].kind, Cell::Kind::Empty) << i;
  EXPECT_TRUE(RowBuilder(Lang::En, true).actions(bare_case("QC-1")).empty());
  EXPECT_TRUE(RowBuilder(Lang::En, true).eight_d(bare_case("QC-1")).empty());

  json odd = bare_case("QC-2");
  odd["complaint"]["received_at"] = "last Tuesday";
  odd["complaint"]["closed_at"] = nullptr;
  odd["complaint"]["quantity_affected"] = "12";
  odd["complaint"]["key_complaint"] = "maybe";
  odd["complaint"]["customer"] = 42;
  odd["complaint"]["lot"] = json::array({"L1", "L2"});
  odd["actions"] = json::array({"not an object", {{"id", "7"}, {"due", "soon"}}});
  const Row row = RowBuilder(Lang::En, true).complaint(odd);
  EXPECT_EQ(at(row, Table::Complaints, "received_at").kind, Cell::Kind::Text);
  EXPECT_EQ(at(row, Table::Complaints, "received_at").text, "last Tuesday");
  EXPECT_EQ(at(row, Table::Complaints, "closed_at").kind, Cell::Kind::Empty);
  EXPECT_EQ(at(row, Table::Complaints, "cycle_days").kind, Cell::Kind::Empty);
  EXPECT_EQ(at(row, Table::Complaints, "quantity_affected").kind, Cell::Kind::Number);
  EXPECT_EQ(at(row, Table::Complaints, "quantity_affected").number, 12);
  EXPECT_EQ(at(row, Table::Complaints, "key_complaint").text, "maybe");
  EXPECT_EQ(at(row, Table::Complaints, "customer").text, "42");
  EXPECT_EQ(at(row, Table::Complaints, "lot").text, "[\"L1\",\"L2\"]");
  const auto actions = RowBuilder(Lang::En, true).actions(odd);
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(at(actions[0], Table::Actions, "complaint_number").text, "QC-2");
  EXPECT_EQ(at(actions[0], Table::Actions, "id").number, 7);
  EXPECT_EQ(at(actions[0], Table::Actions, "due").text, "soon");
}

TEST(Rows, NotACaseFileIsNamed) {
  RowBuilder b(Lang::En, true);
  EXPECT_THROW(b.complaint(json::array()), std::invalid_argument);
  EXPECT_THROW(b.complaint(json{{"number", "QC-1"}}), std::invalid_argument);
  try {
    b.complaint(json{{"complaint", "QC-1"}});
    FAIL();
  } catch (const std::invalid_argument &e) {
    EXPECT_NE(std::string(e.what()).find("'complaint'"), std::string::npos);
  }
}

TEST(Rows, SampleActions) {
  const auto rows = RowBuilder(Lang::En, true).actions(sample_case());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(at(rows[1], Table::Actions, "id").number, 2);
  EXPECT_EQ(at(rows[1], Table::Actions, "type").text, "permanent");
  EXPECT_EQ(at(rows[1], Table::Actions, "due").kind, Cell::Kind::Time);
  EXPECT_EQ(at(rows[1], Table::Actions, "verified_by").text, "QA manager");
  EXPECT_EQ(at(rows[1], Table::Actions, "verification_result").text, "3 later lots without recurrence");
  const auto zh = RowBuilder(Lang::ZhCN, true).actions(sample_case());
  EXPECT_EQ(at(zh[0], Table::Actions, "type").text, "临时措施");
  EXPECT_EQ(at(zh[0], Table::Actions, "status").text, "已验证");
}

TEST(Rows, EightDSummaryFromTheSample) {
  json c = sample_case();
  c["eight_d"]["d1"] =
      json::array({{{"name", "刘洋"}, {"department", "quality"}, {"role", "leader"}, {"raci", "A"}}});
  c["eight_d"]["d7"]["fmea_updated"] = true;
  c["eight_d"]["d7"]["horizontal_deployment"] =
      json::array({{{"target", "PCBA-X200"}, {"status", "planned"}}});
  c["analyses"] = json::array({{{"method", "5why"}}, {{"method", "fishbone"}}});
  const Row row = RowBuilder(Lang::En, true).eight_d(c);
  ASSERT_EQ(row.size(), columns(Table::EightD).size());
  EXPECT_EQ(at(row, Table::EightD, "complaint_number").text, "QC-2025-00001");
  EXPECT_EQ(at(row, Table::EightD, "d1_team").text, "刘洋 (quality, leader, A)");
  const std::string d2 = at(row, Table::EightD, "d2_problem").text;
  EXPECT_EQ(d2.substr(0, d2.find('\n')), "What: 发票金额与订单不符");
  EXPECT_NE(d2.find("How many: 1 pcs"), std::string::npos);
  EXPECT_NE(at(row, Table::EightD, "d3_containment").text.find("Sort suspect lot L2025-101"),
            std::string::npos);
  EXPECT_NE(at(row, Table::EightD, "d3_containment").text.find("lots: L2025-101"), std::string::npos);
  EXPECT_EQ(at(row, Table::EightD, "d3_quantity_sorted").number, 20);
  EXPECT_EQ(at(row, Table::EightD, "d3_found_bad").number, 1);
  EXPECT_EQ(at(row, Table::EightD, "d4_occurrence").text,
            "Process parameter drift at PCBA-X100 (evidence: SPC chart, DOE)");
  EXPECT_EQ(at(row, Table::EightD, "d4_escape").text,
            "Final test did not cover the failure mode (evidence: test coverage review)");
  EXPECT_EQ(at(row, Table::EightD, "analyses").text, "5why, fishbone");
  // No D5 action ids in the sample: the permanent actions stand in.
  EXPECT_EQ(at(row, Table::EightD, "d5_permanent_actions").text,
            "#2 Correct the process window and add a test step");
  const std::string d7 = at(row, Table::EightD, "d7_prevention").text;
  EXPECT_NE(d7.find("FMEA updated: yes"), std::string::npos);
  EXPECT_NE(d7.find("Control plan updated: no"), std::string::npos);
  EXPECT_NE(d7.find("Horizontal deployment: PCBA-X200 (planned)"), std::string::npos);
  EXPECT_EQ(at(row, Table::EightD, "d8_closed_at").kind, Cell::Kind::Time);
  EXPECT_EQ(at(row, Table::EightD, "d8_summary").text, "closed after verification");

  const Row zh = RowBuilder(Lang::ZhCN, true).eight_d(c);
  EXPECT_EQ(at(zh, Table::EightD, "d2_problem").text.substr(0, 7), "什么:");
}

TEST(Rows, EightDNamedActionsAndUnknownCauseKinds) {
  json c = sample_case();
  c["eight_d"]["d5"] = {{"action_ids", {1, 99}}, {"rationale", "fix the window"}};
  c["eight_d"]["d4"].push_back({{"kind", "supplier"}, {"description", "resin lot"}});
  const Row row = RowBuilder(Lang::En, true).eight_d(c);
  EXPECT_EQ(at(row, Table::EightD, "d5_permanent_actions").text,
            "fix the window\n#1 100% inspection of outgoing PCBA-X100\n#99");
  EXPECT_NE(at(row, Table::EightD, "d4_occurrence").text.find("[supplier] resin lot"), std::string::npos);
  EXPECT_EQ(at(row, Table::EightD, "d4_escape").text.find("resin"), std::string::npos);
}
