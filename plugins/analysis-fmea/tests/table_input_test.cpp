// CSV input arrives through the host's `table` (numbers as JSON numbers, empty
// cells null, other cells text). These requests are shaped exactly like the
// host's (core/cli/analysis_request.cpp), including header spellings users
// write: long names, the handbook letters, primes for revised ratings, Chinese.
#include <string>

#include <gtest/gtest.h>
#include <qloop/plugin.hpp>

#include "columns.hpp"
#include "input_rows.hpp"
#include "methods.hpp"

namespace {

using nlohmann::json;
using namespace qloop::fmea;

json host_table_request() {
  return json::parse(R"({
    "method": "fmea",
    "options": {"type": "design"},
    "lang": "en",
    "table": {
      "columns": ["No.", "Function", "Potential Failure Mode", "Failure Effect", "Severity", "Failure Cause",
                  "Current Prevention Control", "Occurrence", "Current Detection Control", "Detection",
                  "Recommended Action", "Owner", "Due Date", "S'", "O'", "D'", "Complaints", "Exposure", "Notes"],
      "rows": [
        ["D-1", "Seal coolant", "Seal leaks", "Coolant loss", 7, "Groove too shallow", "Tolerance stack study", 4,
         "Pressure test DV", 6, null, null, null, null, null, null, 3, 20000, "from 8D-2024-017"],
        [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
        ["D-2", "Hold clip", "Clip breaks", "Rattle", 4, "Thin section", "Design guide", 6, "Drop test", 2,
         "Rib the clip", "Wang Fang", "2024-09-15", null, 3, null, null, null, null]
      ]
    }
  })");
}

TEST(TableInput, HostTableIsReadWithHeaderAliases) {
  json req = host_table_request();
  Worksheet ws = read_table(req["table"], FmeaType::Design, "table");
  ASSERT_EQ(ws.rows.size(), 2u); // the blank line is skipped
  const Row &a = ws.rows[0];
  EXPECT_EQ(a.id, "D-1");
  EXPECT_EQ(a.failure_mode, "Seal leaks");
  EXPECT_EQ(a.s, 7);
  EXPECT_EQ(a.o, 4);
  EXPECT_EQ(a.d, 6);
  EXPECT_EQ(a.prevention_control, "Tolerance stack study");
  EXPECT_EQ(a.detection_control, "Pressure test DV");
  ASSERT_TRUE(a.field.count.has_value());
  EXPECT_EQ(*a.field.count, 3);
  ASSERT_TRUE(a.field.exposure.has_value());
  EXPECT_DOUBLE_EQ(*a.field.exposure, 20000);
  const Row &b = ws.rows[1];
  EXPECT_EQ(b.due_date, "2024-09-15");
  EXPECT_FALSE(b.s_revised.has_value());
  ASSERT_TRUE(b.o_revised.has_value());
  EXPECT_EQ(*b.o_revised, 3);
  // "Notes" is not a worksheet column: kept out, with a warning.
  ASSERT_EQ(ws.warnings.size(), 1u);
  EXPECT_NE(ws.warnings[0].find("'Notes'"), std::string::npos);
}

TEST(TableInput, RunThroughTheMethod) {
  auto result = run_fmea(host_table_request());
  // D-1: S7/O4/D6 -> S 7-8, O 4-5, D 5-6 -> M (RPN 168); D-2: S4/O6/D2 -> S 4-6, O 6-7, D 2-4 -> M (RPN 48).
  EXPECT_EQ(result["summary"]["rows"], 2);
  EXPECT_EQ(result["summary"]["ap_m"], 2);
  EXPECT_EQ(result["summary"]["max_rpn"], 168);
  EXPECT_EQ(result["summary"]["fmea_type"], "design");
  EXPECT_EQ(result["details"]["input"]["source"], "table");
  EXPECT_EQ(result["tables"][0]["rows"][0][0], "D-1");
  // D-2 revised: S4/O3/D2 -> S 4-6, O 2-3 -> L, RPN 24.
  const auto &d2 = result["details"]["rows"][1];
  EXPECT_EQ(d2["revised"]["AP"], "L");
  EXPECT_EQ(d2["revised"]["RPN"], 24);
  EXPECT_EQ(d2["revised"]["S"], 4); // not re-rated: keeps the initial S
}

TEST(TableInput, ChineseHeadersAndMsrLetters) {
  json req = json::parse(R"({
    "options": {"type": "msr"},
    "table": {
      "columns": ["失效模式", "严重度", "频率", "监视度", "诊断监视", "系统响应", "MSR后严重度"],
      "rows": [["扭矩丢失", 10, 4, 1, "转速传感器合理性检查", "降级到跛行模式", 6]]
    }
  })");
  Worksheet ws = read_table(req["table"], FmeaType::Msr, "table");
  ASSERT_EQ(ws.rows.size(), 1u);
  EXPECT_EQ(ws.rows[0].failure_mode, "扭矩丢失");
  EXPECT_EQ(ws.rows[0].prevention_control, "转速传感器合理性检查");
  EXPECT_EQ(ws.rows[0].detection_control, "降级到跛行模式");
  ASSERT_TRUE(ws.rows[0].s_after_msr.has_value());
  auto result = run_fmea(req);
  // M = 1, so the AP uses S after MSR = 6: MSR table S 4-6, F 2-4, M 1-6 -> L
  // (with the original S = 10 it would be S 10, F 4, M 1 -> M).
  EXPECT_EQ(result["details"]["rows"][0]["AP"], "L");
  EXPECT_EQ(result["details"]["rows"][0]["ap_severity"], 6);
}

TEST(TableInput, HeaderNormalisation) {
  EXPECT_EQ(normalize_header("Failure Mode"), "failure_mode");
  EXPECT_EQ(normalize_header("  S' "), "s_revised");
  EXPECT_EQ(normalize_header("RPN’"), "rpn_revised");
  EXPECT_EQ(normalize_header("严重度（S）"), "严重度_s");
  EXPECT_EQ(field_for_header("Current Detection Controls"), Field::DetectionControl);
  EXPECT_EQ(field_for_header("D'"), Field::ThirdRevised);
  EXPECT_EQ(field_for_header("措施优先级 AP"), Field::Ap);
  EXPECT_FALSE(field_for_header("colour").has_value());
}

TEST(TableInput, EveryWrittenHeaderReadsBack) {
  for (FmeaType type : {FmeaType::Design, FmeaType::Process, FmeaType::Msr})
    for (Lang lang : {Lang::En, Lang::ZhCN})
      for (int f = static_cast<int>(Field::Id); f <= static_cast<int>(Field::PeriodTo); ++f) {
        const Field field = static_cast<Field>(f);
        const std::string header = column_header(field, type, lang);
        EXPECT_EQ(field_for_header(header), field) << header;
      }
}

TEST(TableInput, DuplicateColumnsAreRefused) {
  json table = {{"columns", {"Failure mode", "S", "Severity", "O", "D"}}, {"rows", json::array()}};
  EXPECT_THROW(read_table(table, FmeaType::Process, "table"), qloop::sdk::InvalidInput);
}

} // namespace
