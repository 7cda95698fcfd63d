// The ABI 1.3 column path reads a table exactly as the JSON path does: the
// same request gives the same result, byte for byte, and the same messages.
#include <gtest/gtest.h>
#include <qloop/column_batch.hpp>

#include "methods.hpp"

namespace qloop::doe {
namespace {

using Method = Json (*)(Json &, const sdk::RecordBatch *);

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
  Json copy = request; // the methods move the table out of their request
  const std::string by_json = outcome([&] { return method(copy, nullptr); });
  Json options_only = request;
  options_only.erase("table");
  auto batch = sdk::ColumnBatch::from_json_table(request["table"]);
  const sdk::RecordBatch columns(batch.view());
  const std::string by_columns = outcome([&] { return method(options_only, &columns); });
  return {by_json, by_columns};
}

TEST(ColumnPath, TwoLevelFactorialWithTextAndNumericLevels) {
  const Json request = Json::parse(R"({"table": {"columns": ["A", "B", "C", "y"], "rows": [
      [160, 1, "X", 45.5], [180, 1, "X", 54.5], [160, 2, "X", 39.5], [180, 2, "X", 48.5],
      [160, 1, "Y", 41.5], [180, 1, "Y", 58.5], [160, 2, "Y", 35.5], [180, 2, "Y", 52.5],
      [160, 1, "X", 46.5], [180, 1, "X", 53.5], [160, 2, "X", 40.5], [180, 2, "X", 47.5],
      [160, 1, "Y", 42.5], [180, 1, "Y", 57.5], [160, 2, "Y", 36.5], [180, 2, "Y", 51.5]]},
      "options": {}})");
  auto [json, columns] = both_paths(analyze_method, request);
  EXPECT_EQ(columns, json);
  EXPECT_NE(json.rfind("error: ", 0), 0u) << json.substr(0, 200);
}

TEST(ColumnPath, OneAndTwoWayAnova) {
  const Json one = Json::parse(R"({"table": {"columns": ["machine", "y"], "rows": [
      ["M1", 10.1], ["M1", 10.3], ["M1", 10.2], ["M2", 10.9], ["M2", 11.1], ["M2", 11.0],
      ["M3", 10.0], ["M3", null], ["M3", 10.1]]}, "options": {"drop_missing": true}})");
  auto [json, columns] = both_paths(anova_method, one);
  EXPECT_EQ(columns, json);
  EXPECT_NE(json.rfind("error: ", 0), 0u) << json.substr(0, 200);
  const Json two = Json::parse(R"({"table": {"columns": ["a", "b", "y"], "rows": [
      ["x", "p", 1], ["x", "p", 2], ["x", "q", 3], ["x", "q", 5], ["z", "p", 5], ["z", "p", 6], ["z", "q", 9],
      ["z", "q", 10], ["z", "q", 11]]}, "options": {"response": "y", "factors": ["a", "b"]}})");
  auto [tjson, tcolumns] = both_paths(anova_method, two);
  EXPECT_EQ(tcolumns, tjson);
}

TEST(ColumnPath, SameMessagesForBadCells) {
  const Json text = Json::parse(R"({"table": {"columns": ["g", "y"], "rows": [
      ["a", 1], ["a", 2], ["b", "heavy"], ["b", 4]]}})");
  auto [json, columns] = both_paths(anova_method, text);
  EXPECT_EQ(columns, json);
  EXPECT_NE(json.find("field 'y' (data row 3)"), std::string::npos) << json;
  const Json mixed = Json::parse(R"({"table": {"columns": ["g", "y"], "rows": [
      [1, 1], ["b", 2], [1, 3], ["b", 4]]}})");
  auto [mjson, mcolumns] = both_paths(anova_method, mixed);
  EXPECT_EQ(mcolumns, mjson);
  EXPECT_NE(mjson.find("mixes numbers and text"), std::string::npos) << mjson;
}

} // namespace
} // namespace qloop::doe
