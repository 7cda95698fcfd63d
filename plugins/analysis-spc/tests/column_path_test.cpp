// The ABI 1.3 column path reads a table exactly as the JSON path does: the
// same request gives the same result, byte for byte, and the same messages.
#include <gtest/gtest.h>
#include <qloop/column_batch.hpp>

#include "methods.hpp"
#include "test_data.hpp"

namespace qloop::spc {
namespace {

using Method = Json (*)(const Json &, const sdk::RecordBatch *);

// The result (or the error message) of `method` with the table sent as JSON
// and with the same table sent as host columns.
std::pair<std::string, std::string> both_paths(Method method, const Json &request) {
  auto outcome = [&](auto &&call) {
    try {
      return call().dump();
    } catch (const sdk::InvalidInput &e) {
      return std::string("error: ") + e.what();
    }
  };
  const std::string by_json = outcome([&] { return method(request, nullptr); });
  Json options_only = request;
  options_only.erase("table");
  auto batch = sdk::ColumnBatch::from_json_table(request["table"]);
  const sdk::RecordBatch columns(batch.view());
  const std::string by_columns = outcome([&] { return method(options_only, &columns); });
  return {by_json, by_columns};
}

Json table(std::initializer_list<const char *> columns, Json rows) {
  return {{"columns", Json(columns)}, {"rows", std::move(rows)}};
}

TEST(ColumnPath, XbarRWithSubgroupAndTrialColumns) {
  const Json request = {{"table", test::piston_rings_table()}, {"options", {{"chart", "xbar-r"}}}};
  auto [json, columns] = both_paths(spc_method, request);
  EXPECT_EQ(columns, json);
  EXPECT_NE(json.rfind("error: ", 0), 0u) << json.substr(0, 200);
}

TEST(ColumnPath, CapabilityAndNormality) {
  const Json request = {{"table", test::piston_rings_table()}, {"options", {{"lsl", 73.95}, {"usl", 74.05}}}};
  auto [json, columns] = both_paths(capability_method, request);
  EXPECT_EQ(columns, json);
  auto [njson, ncolumns] = both_paths(normality_method, request);
  EXPECT_EQ(ncolumns, njson);
}

TEST(ColumnPath, IndividualsWithAllNelsonRules) {
  Json rows = Json::array();
  for (int i = 0; i < 200; ++i) rows.push_back({i + 1, 10 + 0.1 * ((i * 37) % 11) + (i > 150 ? 1.5 : 0)});
  const Json request = {{"table", table({"id", "value"}, rows)},
                        {"options", {{"chart", "imr"}, {"rules", {{"i", "nelson"}, {"mr", {1}}}}}}};
  auto [json, columns] = both_paths(spc_method, request);
  EXPECT_EQ(columns, json);
}

TEST(ColumnPath, AttributeChartFromCountAndSizeColumns) {
  const Json request = {{"table", table({"day", "defectives", "inspected"},
                                        Json::parse(R"([["d1",3,100],["d2",5,120],["d3",2,90],["d4",9,100],
                                                        ["d5",4,110],["d6",1,95],["d7",6,100],["d8",3,105]])"))},
                        {"options", {{"chart", "p"}}}};
  auto [json, columns] = both_paths(spc_method, request);
  EXPECT_EQ(columns, json);
}

TEST(ColumnPath, SameMessagesForEmptyAndNonNumericCells) {
  const Json empty = {{"table", table({"value"}, Json::parse("[[1.0],[2.0],[null],[3.0]]"))}};
  auto [json, columns] = both_paths(spc_method, empty);
  EXPECT_EQ(columns, json);
  EXPECT_NE(json.find("field 'value' (data row 3)"), std::string::npos) << json;
  const Json text = {{"table", table({"value"}, Json::parse(R"([[1.0],[2.0],[2.5],["n/a"],[3.0]])"))}};
  auto [tjson, tcolumns] = both_paths(spc_method, text);
  EXPECT_EQ(tcolumns, tjson);
  EXPECT_NE(tjson.find("field 'value' (data row 4): must be a finite number, got \"n/a\""), std::string::npos)
      << tjson;
}

} // namespace
} // namespace qloop::spc
