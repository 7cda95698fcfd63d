// Pareto numbers: Montgomery's tank defect example (published counts; the
// percentages are exact fractions of 166), ties, the threshold edge, the
// "other" bucket and cost weighting (hand-computed, documented below).
#include <gtest/gtest.h>
#include <qloop/plugin.hpp>

#include "pareto_compute.hpp"
#include "pareto_input.hpp"
#include "test_support.hpp"

using namespace qloop::pareto;
using namespace pareto_test;
using nlohmann::json;

namespace {

Pareto pareto_of(const json &request, Settings defaults = {}) {
  Input in = read_input(request, defaults, false);
  return compute(in.observations, in.settings, "Other");
}

json montgomery_request(json options = json::object()) {
  options["field"] = "Defect";
  options["value"] = "Frequency";
  return {{"table", montgomery_table()}, {"options", options}};
}

std::vector<std::string> names(const std::vector<Bar> &bars) {
  std::vector<std::string> out;
  for (const auto &b : bars) out.push_back(b.name);
  return out;
}

} // namespace

// Montgomery, Introduction to SQC (5th ed., ch. 5), tank defect data: 166
// defects in 19 types. Sorted: incorrect dimensions 36, parts damaged 34,
// machining problems 29, masking insufficient 17, supplied parts rusted 13,
// adhesive failure 6, film on parts 5, then 4, 4, 3, 3, 2 x4, 1 x4.
// Cumulative: 36, 70, 99, 116, 129, 135 of 166 = 21.687 %, 42.169 %,
// 59.639 %, 69.880 %, 77.711 %, 81.325 %: six types reach 80 %.
TEST(Montgomery, SortedCountsPercentagesAndVitalFew) {
  auto p = pareto_of(montgomery_request());
  EXPECT_DOUBLE_EQ(p.total, 166);
  ASSERT_EQ(p.all.size(), 19u);
  const std::vector<std::pair<std::string, double>> expected{
      {"Incorrect dimensions", 36},   {"Parts damaged", 34},           {"Machining problems", 29},
      {"Masking insufficient", 17},   {"Supplied parts rusted", 13},   {"Adhesive failure", 6},
      {"Film on parts", 5},           {"Processing out of order", 4},  {"Salt-spray failure", 4},
      {"Unfinished fairing", 3},      {"Wrong part issued", 3},        {"Delaminated composite", 2},
      {"Misaligned weld", 2},         {"Paint out of limits", 2},      {"Voids in casting", 2},
      {"Improper test procedure", 1}, {"Paint damaged by etching", 1}, {"Powdery alodine", 1},
      {"Primer cans damaged", 1}};
  double cumulative = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    cumulative += expected[i].second;
    EXPECT_EQ(p.all[i].name, expected[i].first) << i;
    EXPECT_DOUBLE_EQ(p.all[i].value, expected[i].second) << i;
    EXPECT_NEAR(p.all[i].percent, 100 * expected[i].second / 166, 1e-12) << i;
    EXPECT_NEAR(p.all[i].cumulative_percent, 100 * cumulative / 166, 1e-12) << i;
  }
  EXPECT_NEAR(p.all[0].percent, 21.686747, 1e-6);
  EXPECT_NEAR(p.all[4].cumulative_percent, 77.710843, 1e-6);
  EXPECT_NEAR(p.all[5].cumulative_percent, 81.325301, 1e-6);
  EXPECT_EQ(p.all.back().cumulative_percent, 100.0);
  EXPECT_EQ(p.vital_count, 6u);
  EXPECT_NEAR(p.vital_percent, 81.325301, 1e-6);
  EXPECT_TRUE(p.all[5].vital);
  EXPECT_FALSE(p.all[6].vital);
  EXPECT_TRUE(p.tied_at_cutoff.empty());
}

TEST(Montgomery, CountingRecordsEqualsSummingTheTabulatedCounts) {
  std::vector<std::pair<std::string, int>> counts;
  const json table = montgomery_table();
  for (const auto &row : table["rows"]) counts.emplace_back(row[0], row[1].get<int>());
  auto from_records = pareto_of(request_of_records(records(counts), {{"field", "defect"}}));
  auto from_table = pareto_of(montgomery_request());
  EXPECT_EQ(from_records.rows, 166u);
  EXPECT_EQ(names(from_records.all), names(from_table.all));
  for (std::size_t i = 0; i < from_table.all.size(); ++i) {
    EXPECT_EQ(from_records.all[i].value, from_table.all[i].value);
    EXPECT_EQ(from_records.all[i].count, from_table.all[i].value); // one row per defect
  }
}

TEST(Montgomery, ThresholdDecidesTheVitalFew) {
  EXPECT_EQ(pareto_of(montgomery_request({{"threshold", 70}})).vital_count, 5u);
  EXPECT_EQ(pareto_of(montgomery_request({{"threshold", 50}})).vital_count, 3u);
  EXPECT_EQ(pareto_of(montgomery_request({{"threshold", 100}})).vital_count, 19u);
  // Exactly the fifth cumulative share, 129/166: reached by five.
  EXPECT_EQ(pareto_of(montgomery_request({{"threshold", 100.0 * 129 / 166}})).vital_count, 5u);
  Settings configured;
  configured.threshold = 70; // as [analysis.pareto] threshold = 70
  EXPECT_EQ(pareto_of(montgomery_request(), configured).vital_count, 5u);
}

TEST(Montgomery, TiesAreSortedByName) {
  auto p = pareto_of(montgomery_request());
  // The four types with 2 defects, in name order.
  const auto sorted = names(p.all);
  EXPECT_EQ(std::vector<std::string>(sorted.begin() + 11, sorted.begin() + 15),
            (std::vector<std::string>{"Delaminated composite", "Misaligned weld", "Paint out of limits",
                                      "Voids in casting"}));
}

// Hand example: 100 defects, A 40, B 25, C 15, D 12, E 8. Cumulative 40, 65,
// 80, 92, 100 %: at 80 % exactly the first three reach the threshold.
TEST(Threshold, ExactlyEightyPercentIsReached) {
  auto r = request_of_records(records({{"A", 40}, {"B", 25}, {"C", 15}, {"D", 12}, {"E", 8}}),
                              {{"field", "defect"}});
  auto p = pareto_of(r);
  EXPECT_EQ(p.all[2].cumulative_percent, 80.0);
  EXPECT_EQ(p.vital_count, 3u);
  r["options"]["threshold"] = 80.0001;
  EXPECT_EQ(pareto_of(r).vital_count, 4u);
  r["options"]["threshold"] = 79.9999;
  EXPECT_EQ(pareto_of(r).vital_count, 3u);
  r["options"]["threshold"] = 40;
  EXPECT_EQ(pareto_of(r).vital_count, 1u); // the first category alone reaches it exactly
}

// Hand example: A 40, B 20, C 20, D 20. Cumulative 40, 60, 80 %: C makes the
// vital few, D (same count) does not, and is reported as tied at the cut.
TEST(Threshold, TieAtTheCutIsReported) {
  auto p = pareto_of(
      request_of_records(records({{"D", 20}, {"C", 20}, {"A", 40}, {"B", 20}}), {{"field", "defect"}}));
  EXPECT_EQ(names(p.all), (std::vector<std::string>{"A", "B", "C", "D"}));
  EXPECT_EQ(p.vital_count, 3u);
  EXPECT_EQ(p.tied_at_cutoff, std::vector<std::string>{"D"});
}

// Hand example of cost weighting: scratches 3 x 2.0 = 6, dents 2 x 10.0 = 20,
// one crack 50.0; total 76. By count: scratch, dent, crack. By cost: crack
// 65.789 %, dent 26.316 % (cumulative 92.105 %), scratch 7.895 %; the vital
// few at 80 % are crack and dent.
TEST(CostWeighting, ValueColumnIsSummedInsteadOfCounted) {
  json rows = json::array(); // (a braced {"scratch", 2.0} would read as an object member)
  for (auto [name, cost] : std::vector<std::pair<const char *, double>>{{"scratch", 2.0},
                                                                        {"dent", 10.0},
                                                                        {"scratch", 2.0},
                                                                        {"crack", 50.0},
                                                                        {"dent", 10.0},
                                                                        {"scratch", 2.0}})
    rows.push_back(json::array({name, cost}));
  json table = {{"columns", {"defect", "cost"}}, {"rows", rows}};
  auto by_count = pareto_of({{"table", table}, {"options", {{"field", "defect"}}}});
  EXPECT_EQ(names(by_count.all), (std::vector<std::string>{"scratch", "dent", "crack"}));
  auto by_cost = pareto_of({{"table", table}, {"options", {{"field", "defect"}, {"value", "cost"}}}});
  EXPECT_EQ(names(by_cost.all), (std::vector<std::string>{"crack", "dent", "scratch"}));
  EXPECT_DOUBLE_EQ(by_cost.total, 76);
  EXPECT_NEAR(by_cost.all[0].percent, 100 * 50.0 / 76, 1e-12);
  EXPECT_NEAR(by_cost.all[1].cumulative_percent, 100 * 70.0 / 76, 1e-12);
  EXPECT_EQ(by_cost.all[2].count, 3u);
  EXPECT_EQ(by_cost.vital_count, 2u);
}

TEST(CostWeighting, DecimalSumsDoNotBreakTies) {
  // Ten costs of 0.1 add up to 1 (compensated sum), tying with one cost of 1.
  json items = json::array();
  for (int i = 0; i < 10; ++i) items.push_back({{"defect", "B"}, {"cost", 0.1}});
  items.push_back({{"defect", "A"}, {"cost", 1.0}});
  auto p = pareto_of(request_of_records(items, {{"field", "defect"}, {"value", "cost"}}));
  EXPECT_EQ(p.all[0].value, p.all[1].value);
  EXPECT_EQ(names(p.all), (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(p.all[1].cumulative_percent, 100.0);
}

TEST(OtherBucket, FoldsTheTailAfterTopN) {
  auto p = pareto_of(montgomery_request({{"top_n", 5}}));
  ASSERT_EQ(p.shown.size(), 6u);
  const Bar &other = p.shown.back();
  EXPECT_TRUE(other.other);
  EXPECT_EQ(other.members, 14u);
  EXPECT_DOUBLE_EQ(other.value, 166 - 129);
  EXPECT_NEAR(other.percent, 100 * 37.0 / 166, 1e-12);
  EXPECT_EQ(other.cumulative_percent, 100.0);
  EXPECT_FALSE(other.vital);
  EXPECT_EQ(p.all.size(), 19u); // the analysis itself is unchanged
  EXPECT_EQ(p.vital_count, 6u); // ... including the vital few
}

TEST(OtherBucket, ATailOfOneIsShownByName) {
  EXPECT_EQ(pareto_of(montgomery_request({{"top_n", 18}})).shown.size(), 19u);
  EXPECT_EQ(pareto_of(montgomery_request({{"top_n", 17}})).shown.size(), 18u);
  EXPECT_EQ(pareto_of(montgomery_request({{"top_n", 0}})).shown.size(), 19u);
}

TEST(OtherBucket, OtherGoesLastEvenWhenItIsLargest) {
  auto p = pareto_of(montgomery_request({{"top_n", 1}}));
  ASSERT_EQ(p.shown.size(), 2u);
  EXPECT_EQ(p.shown[0].name, "Incorrect dimensions");
  EXPECT_GT(p.shown[1].value, p.shown[0].value);
  EXPECT_TRUE(p.shown[1].other);
}

TEST(Compute, ZeroTotalIsInvalidInput) {
  json items = {{{"defect", "A"}, {"cost", 0}}, {{"defect", "B"}, {"cost", 0}}};
  EXPECT_THROW(pareto_of(request_of_records(items, {{"field", "defect"}, {"value", "cost"}})),
               qloop::sdk::InvalidInput);
}
