// Reading Pareto requests: table and record forms, field and value columns,
// blanks, and InvalidInput naming the field for every bad input.
#include <gtest/gtest.h>
#include <qloop/plugin.hpp>

#include "pareto_input.hpp"
#include "test_support.hpp"

using namespace qloop::pareto;
using namespace pareto_test;
using nlohmann::json;

namespace {

std::string error_of(const json &request) {
  try {
    read_input(request, Settings{}, false);
  } catch (const qloop::sdk::InvalidInput &e) {
    return e.what();
  }
  return "";
}

json table_request(json columns, json rows, json options) {
  return {{"table", {{"columns", std::move(columns)}, {"rows", std::move(rows)}}},
          {"options", std::move(options)}};
}

json row(json a, json b) { return json::array({std::move(a), std::move(b)}); }
// Rows go through json::array: a braced list of ["name", n] pairs would read
// as an object.

} // namespace

TEST(Input, FieldDefaultsToACategoryColumn) {
  auto in = read_input(
      table_request({"id", "Category"}, json::array({row(1, "scratch"), row(2, "dent")}), json::object()),
      Settings{}, false);
  EXPECT_EQ(in.field, "category");
  ASSERT_EQ(in.observations.size(), 2u);
  EXPECT_EQ(in.observations[1].category, "dent");
  EXPECT_EQ(in.observations[1].value, 1.0);
}

TEST(Input, FieldMatchesColumnsCaseInsensitively) {
  auto in = read_input(table_request({"Defect", "Frequency"}, json::array({row("a", 3)}),
                                     {{"field", "defect"}, {"value", "FREQUENCY"}}),
                       Settings{}, false);
  EXPECT_EQ(in.observations[0].value, 3.0);
}

TEST(Input, RecordsMayNestTheField) {
  json items = {{{"extra", {{"line", "L2"}}}}, {{"extra", {{"line", "L1"}}}}, {{"extra.line", "L3"}}};
  auto in =
      read_input({{"data", {{"records", items}}}, {"options", {{"field", "extra.line"}}}}, Settings{}, false);
  ASSERT_EQ(in.observations.size(), 3u);
  EXPECT_EQ(in.observations[0].category, "L2");
  EXPECT_EQ(in.observations[2].category, "L3");
}

TEST(Input, NumbersAndBooleansAreCategoriesToo) {
  auto in = read_input(request_of_records({{{"line", 12}}, {{"line", true}}}, {{"field", "line"}}),
                       Settings{}, false);
  EXPECT_EQ(in.observations[0].category, "12");
  EXPECT_EQ(in.observations[1].category, "true");
}

TEST(Input, BlankCategoriesAreCountedAndWarned) {
  auto in = read_input(request_of_records({{{"d", "a"}}, {{"d", ""}}, {{"x", 1}}}, {{"field", "d"}}),
                       Settings{}, false);
  EXPECT_EQ(in.blank, 2u);
  EXPECT_EQ(in.observations[1].category, "(blank)");
  ASSERT_EQ(in.warnings.size(), 1u);
  EXPECT_NE(in.warnings[0].find("2 rows have no d"), std::string::npos);
  auto zh =
      read_input(request_of_records({{{"d", "a"}}, {{"d", nullptr}}}, {{"field", "d"}}), Settings{}, true);
  EXPECT_EQ(zh.observations[1].category, "(空白)");
}

TEST(Input, FractionalLookingThresholdIsWarned) {
  auto in =
      read_input(request_of_records({{{"d", "a"}}}, {{"field", "d"}, {"threshold", 0.8}}), Settings{}, false);
  ASSERT_EQ(in.warnings.size(), 1u);
  EXPECT_NE(in.warnings[0].find("0.8 means less than 1%"), std::string::npos);
}

TEST(Input, EmptyDataIsInvalidInput) {
  EXPECT_NE(error_of(table_request({"defect"}, json::array(), json::object())).find("table.rows"),
            std::string::npos);
  EXPECT_NE(error_of(request_of_records(json::array(), {{"field", "d"}})).find("data.items"),
            std::string::npos);
  EXPECT_NE(error_of({{"options", {{"field", "d"}}}}).find("data.items"), std::string::npos);
  EXPECT_NE(error_of(json::array()).find("request"), std::string::npos);
}

TEST(Input, FieldProblemsNameTheColumns) {
  auto e = error_of(table_request({"a", "b"}, json::array({row(1, 2)}), json::object()));
  EXPECT_NE(e.find("field 'options.field': required"), std::string::npos) << e;
  EXPECT_NE(e.find("columns are: a, b"), std::string::npos) << e;
  e = error_of(table_request({"a", "b"}, json::array({row(1, 2)}), {{"field", "c"}}));
  EXPECT_NE(e.find("no column 'c'"), std::string::npos) << e;
  e = error_of(table_request({"a", "b"}, json::array({row(1, 2)}), {{"field", "a"}, {"value", "cost"}}));
  EXPECT_NE(e.find("field 'options.value': no column 'cost'"), std::string::npos) << e;
  EXPECT_NE(error_of(request_of_records({{{"x", 1}}}, json::object())).find("options.field"),
            std::string::npos);
  EXPECT_NE(error_of(request_of_records({{{"x", 1}}}, {{"field", "d"}})).find("no row has a value for 'd'"),
            std::string::npos);
}

TEST(Input, BadValuesAreNamedWithTheirRow) {
  auto e = error_of(table_request({"d", "cost"}, json::array({row("a", 1), row("b", -2)}),
                                  {{"field", "d"}, {"value", "cost"}}));
  EXPECT_NE(e.find("field 'table.rows[1]' value 'cost': must be a number >= 0"), std::string::npos) << e;
  e = error_of(
      table_request({"d", "cost"}, json::array({row("a", nullptr)}), {{"field", "d"}, {"value", "cost"}}));
  EXPECT_NE(e.find("table.rows[0]"), std::string::npos) << e;
  e = error_of(request_of_records({{{"d", "a"}, {"cost", "12"}}}, {{"field", "d"}, {"value", "cost"}}));
  EXPECT_NE(e.find("field 'data.items[0]' value 'cost'"), std::string::npos) << e;
  e = error_of(request_of_records({{{"d", {1, 2}}}}, {{"field", "d"}}));
  EXPECT_NE(e.find("data.items[0].d"), std::string::npos) << e;
  EXPECT_NE(error_of(request_of_records({1, 2}, {{"field", "d"}})).find("data.items[0]"), std::string::npos);
}

TEST(Input, BadOptionsAreNamed) {
  auto base = [](json options) {
    options["field"] = "d";
    return request_of_records({{{"d", "a"}}}, options);
  };
  EXPECT_NE(error_of(base({{"threshold", 0}})).find("options.threshold"), std::string::npos);
  EXPECT_NE(error_of(base({{"threshold", 100.5}})).find("options.threshold"), std::string::npos);
  EXPECT_NE(error_of(base({{"threshold", "80"}})).find("options.threshold"), std::string::npos);
  EXPECT_NE(error_of(base({{"top_n", -1}})).find("options.top_n"), std::string::npos);
  EXPECT_NE(error_of(base({{"top_n", 2.5}})).find("options.top_n"), std::string::npos);
  EXPECT_NE(error_of(base({{"value", ""}})).find("options.value"), std::string::npos);
  EXPECT_EQ(error_of(base({{"threshold", 100}})), "");
}
