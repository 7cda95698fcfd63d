// Worksheet order: AP (H, M, L), then RPN descending; ties by S descending,
// then input order. The expected APs come from the handbook table (see
// sample_worksheet.hpp for each row's band).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "evaluate.hpp"
#include "input_rows.hpp"
#include "methods.hpp"
#include "sample_worksheet.hpp"

namespace {

using nlohmann::json;
using namespace qloop::fmea;

std::vector<std::string> ids_in_result_order(const nlohmann::ordered_json &result) {
  std::vector<std::string> ids;
  for (const auto &row : result["tables"][0]["rows"]) ids.push_back(row[0].get<std::string>());
  return ids;
}

TEST(Sorting, ByApThenRpnDescending) {
  auto result = run_fmea(fmea_test::sample_request());
  EXPECT_EQ(ids_in_result_order(result), (std::vector<std::string>{"W-1", "W-4", "W-5", "W-2", "W-3"}));
  // The AP and RPN columns of the sorted table.
  const auto &columns = result["tables"][0]["columns"];
  std::size_t rpn_col = 0, ap_col = 0;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c] == "RPN") rpn_col = c;
    if (columns[c] == "AP") ap_col = c;
  }
  std::vector<std::string> aps;
  std::vector<int> rpns;
  for (const auto &row : result["tables"][0]["rows"]) {
    aps.push_back(row[ap_col].get<std::string>());
    rpns.push_back(row[rpn_col].get<int>());
  }
  EXPECT_EQ(aps, (std::vector<std::string>{"H", "H", "M", "M", "L"}));
  EXPECT_EQ(rpns, (std::vector<int>{280, 180, 168, 120, 45}));
}

TEST(Sorting, HighApWithLowRpnStillComesFirst) {
  // S10/O4/D2 is H with RPN 80; S6/O8/D10 is H with RPN 480; S5/O9/D4 is M with RPN 180.
  json rows = json::parse(R"([
    {"failure_mode": "m", "S": 5, "O": 9, "D": 4},
    {"failure_mode": "h-low-rpn", "S": 10, "O": 4, "D": 2},
    {"failure_mode": "h-high-rpn", "S": 6, "O": 8, "D": 10}
  ])");
  Evaluation ev = evaluate(read_json_rows(rows, FmeaType::Design, "data.rows"), {});
  ASSERT_EQ(ev.rows.size(), 3u);
  EXPECT_EQ(ev.rows[0].row.failure_mode, "h-high-rpn");
  EXPECT_EQ(ev.rows[1].row.failure_mode, "h-low-rpn");
  EXPECT_EQ(ev.rows[2].row.failure_mode, "m");
  EXPECT_EQ(ev.rows[1].rpn, 80);
}

TEST(Sorting, TiesBySeverityThenInputOrder) {
  // All L (S <= 3 with O <= 7); RPN 24 three times: S 2/O 3/D 4, S 3/O 2/D 4, S 2/O 4/D 3.
  json rows = json::parse(R"([
    {"id": "a", "failure_mode": "a", "S": 2, "O": 3, "D": 4},
    {"id": "b", "failure_mode": "b", "S": 3, "O": 2, "D": 4},
    {"id": "c", "failure_mode": "c", "S": 2, "O": 4, "D": 3},
    {"id": "d", "failure_mode": "d", "S": 2, "O": 2, "D": 10}
  ])");
  Evaluation ev = evaluate(read_json_rows(rows, FmeaType::Process, "data.rows"), {});
  std::vector<std::string> order;
  for (const auto &e : ev.rows) order.push_back(e.row.id);
  EXPECT_EQ(order, (std::vector<std::string>{"d", "b", "a", "c"}));
}

} // namespace
