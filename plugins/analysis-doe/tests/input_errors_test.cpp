// Bad input gives sdk::InvalidInput whose message names the field and the
// rule, never a crash: missing levels, wrong types, NaN, too few points,
// non-+-1 coding where coding is required, impossible designs.
#include <gtest/gtest.h>
#include <qloop/plugin.hpp>

#include "methods.hpp"

namespace qloop::doe {
namespace {

// Runs `method` and returns the InvalidInput message ("" when none thrown).
std::string error_of(Json (*method)(Json &), const std::string &request) {
  Json r = Json::parse(request);
  try {
    method(r);
  } catch (const sdk::InvalidInput &e) {
    return e.what();
  }
  return "";
}

void expect_error(Json (*method)(Json &), const std::string &request, const std::string &field,
                  const std::string &rule_words) {
  const std::string msg = error_of(method, request);
  ASSERT_FALSE(msg.empty()) << "no InvalidInput for " << request;
  EXPECT_NE(msg.find(field), std::string::npos) << "field '" << field << "' not named in: " << msg;
  EXPECT_NE(msg.find(rule_words), std::string::npos) << "rule '" << rule_words << "' not stated in: " << msg;
}

const char *kOneWay =
    R"({"table": {"columns": ["machine", "y"], "rows": [["M1", 1.0], ["M1", 1.2], ["M2", 2.0], ["M2", %s]]}, "options": {%s}})";

std::string one_way(const std::string &last, const std::string &options = "") {
  char buf[512];
  std::snprintf(buf, sizeof buf, kOneWay, last.c_str(), options.c_str());
  return buf;
}

TEST(InputErrors, AnovaResponseMustBeFiniteNumbers) {
  expect_error(anova_method, one_way("\"abc\""), "field 'y' (data row 4)", "must be a finite number");
  expect_error(anova_method, one_way("\"NaN\""), "field 'y' (data row 4)", "must be a finite number");
  expect_error(anova_method, one_way("null"), "field 'y' (data row 4)", "empty");
  expect_error(anova_method, one_way("true"), "field 'y'", "finite number");
}

TEST(InputErrors, AnovaColumnsAndOptions) {
  expect_error(anova_method, one_way("2.1", R"("response": "yield")"), "options.response",
               "no column named 'yield'");
  expect_error(anova_method, one_way("2.1", R"("factors": ["operator"])"), "options.factors[0]", "no column");
  expect_error(anova_method, one_way("2.1", R"("factors": 3)"), "options.factors", "array of strings");
  expect_error(anova_method, one_way("2.1", R"("ss_type": 4)"), "options.ss_type", "between 1 and 3");
  expect_error(anova_method, one_way("2.1", R"("factors": ["y"])"), "options.factors", "is the response");
  expect_error(anova_method, R"({"options": {}})", "field 'table'", "no data");
  expect_error(anova_method, R"({"table": {"columns": ["a", "y"], "rows": [["x", 1, 2]]}})", "table.rows[0]",
               "one per column");
}

TEST(InputErrors, AnovaMissingLevelsAndTooFewPoints) {
  // A single level: nothing to compare.
  expect_error(anova_method, R"({"table": {"columns": ["m", "y"], "rows": [["A", 1], ["A", 2], ["A", 3]]}})",
               "field 'm'", "at least two levels");
  // An empty level cell.
  expect_error(anova_method, R"({"table": {"columns": ["m", "y"], "rows": [["A", 1], [null, 2], ["B", 3]]}})",
               "field 'm' (data row 2)", "a level must be a number or text");
  // One observation per group: no error degrees of freedom.
  expect_error(anova_method, R"({"table": {"columns": ["m", "y"], "rows": [["A", 1], ["B", 2], ["C", 3]]}})",
               "field 'table'", "too few observations");
  // Mixed types in a factor column.
  expect_error(anova_method,
               R"({"table": {"columns": ["m", "y"], "rows": [["A", 1], [2, 2], ["A", 3], ["B", 4]]}})",
               "field 'm' (data row 2)", "mixes numbers and text");
}

TEST(InputErrors, TwoWayInteractionNeedsEveryCell) {
  const char *req = R"({"table": {"columns": ["a", "b", "y"], "rows": [
      ["x", "p", 1], ["x", "p", 2], ["x", "q", 3], ["x", "q", 4], ["z", "p", 5], ["z", "p", 6]]},
      "options": {"factors": ["a", "b"], "interaction": true}})";
  expect_error(anova_method, req, "options.interaction", "every combination of levels");
  // Auto: falls back to the additive model and says so.
  Json r = Json::parse(std::string(req).replace(std::string(req).find("true"), 4, "\"auto\""));
  Json out = anova_method(r);
  ASSERT_EQ(out["warnings"].size(), 1u);
  EXPECT_NE(out["warnings"][0].get<std::string>().find("no observations"), std::string::npos);
}

TEST(InputErrors, AnalyzeCodingAndCentrePoints) {
  // coding "coded" requires -1/0/+1.
  expect_error(
      analyze_method,
      R"({"table": {"columns": ["temp", "time", "y"], "rows": [[160, -1, 1], [180, -1, 2], [160, 1, 3],
                   [180, 1, 4]]}, "options": {"coding": "coded"}})",
      "field 'temp'", "coding 'coded' needs -1, 0 or +1, got 160");
  // Some factors at the centre and others not, in a forced two-level analysis.
  expect_error(
      analyze_method,
      R"({"table": {"columns": ["A", "B", "y"], "rows": [[-1, -1, 1], [1, -1, 2], [-1, 1, 3], [1, 1, 4],
                   [0, 1, 5]]}, "options": {"design": "two-level"}})",
      "data row 5", "some factors at their centre");
  // Three text levels cannot be coded -1/+1.
  expect_error(analyze_method,
               R"({"table": {"columns": ["cat", "y"], "rows": [["a", 1], ["b", 2], ["c", 3], ["a", 4]]},
                   "options": {"design": "two-level"}})",
               "factor 'cat' has 3 levels", "two levels");
  expect_error(analyze_method,
               R"({"table": {"columns": ["A", "y"], "rows": [[-1, 1], [1, 2]]}, "options": {"coding": "x"}})",
               "options.coding", "'auto' or 'coded'");
}

TEST(InputErrors, AnalyzeTermsMustBeEstimable) {
  // A 2^(3-1) with C = AB: AB is aliased with C.
  const char *req = R"({"table": {"columns": ["A", "B", "C", "y"], "rows": [[-1, -1, 1, 1], [1, -1, -1, 2],
      [-1, 1, -1, 3], [1, 1, 1, 5]]}, "options": {"terms": ["C", "AB"]}})";
  expect_error(analyze_method, req, "options.terms", "aliased with C");
  const char *bad = R"({"table": {"columns": ["A", "B", "y"], "rows": [[-1, -1, 1], [1, -1, 2], [-1, 1, 3],
      [1, 1, 5]]}, "options": {"terms": ["AX"]}})";
  expect_error(analyze_method, bad, "options.terms[0]", "neither factor letters");
}

TEST(InputErrors, DesignRequests) {
  expect_error(design_method, R"({"options": {}})", "options.factors", "required");
  expect_error(design_method, R"({"options": {"factors": 4, "blocks": 3}})", "options.blocks", "power of 2");
  expect_error(design_method, R"({"options": {"factors": 5, "generators": ["E=ABQ"]}})",
               "options.generators[0]", "not a generator");
  expect_error(design_method, R"({"options": {"factors": 4, "p": 3}})", "options.p",
               "at least two basic factors");
  expect_error(design_method, R"({"options": {"factors": 12, "p": 1}})", "options.generators",
               "no 2^(12-1) design");
  expect_error(
      design_method,
      R"({"options": {"factors": [{"name": "cat", "levels": ["x", "y"]}, "B"], "center_points": 2}})",
      "options.center_points", "numeric levels");
  expect_error(design_method, R"({"options": {"factors": 20}})", "options.factors", "too many");
  expect_error(design_method, R"({"options": {"factors": [{"name": "a", "levels": [1]}]}})",
               "options.factors[0].levels", "at least 2 levels");
  expect_error(design_method, R"({"options": {"factors": ["a", "a"]}})", "options.factors[1].name", "unique");
  expect_error(design_method, R"({"options": {"factors": 3, "replicates": 0}})", "options.replicates",
               "between 1");
  expect_error(design_method, R"({"options": {"factors": 3, "seed": -1}})", "options.seed",
               "non-negative integer");
}

} // namespace
} // namespace qloop::doe
