// Input errors: ratings must be integers 1..10 and every error names the
// field (request path) and the rule.
#include <string>

#include <gtest/gtest.h>
#include <qloop/plugin.hpp>

#include "methods.hpp"
#include "sample_worksheet.hpp"

namespace {

using nlohmann::json;

// The message of the InvalidInput the request raises ("" when none).
std::string error_of(const json &request) {
  try {
    qloop::fmea::run_fmea(request);
  } catch (const qloop::sdk::InvalidInput &e) {
    return e.what();
  }
  return "";
}

json with_row0(const std::string &key, const json &value) {
  json r = fmea_test::sample_request();
  r["data"]["rows"][0][key] = value;
  return r;
}

TEST(Validation, SeverityAboveTenNamesTheField) {
  std::string m = error_of(with_row0("S", 11));
  EXPECT_NE(m.find("field 'data.rows[0].S'"), std::string::npos) << m;
  EXPECT_NE(m.find("severity S must be an integer from 1 to 10"), std::string::npos) << m;
  EXPECT_NE(m.find("got 11"), std::string::npos) << m;
}

TEST(Validation, OccurrenceZeroAndDetectionFraction) {
  std::string m = error_of(with_row0("O", 0));
  EXPECT_NE(m.find("field 'data.rows[0].O': occurrence O must be an integer from 1 to 10"), std::string::npos)
      << m;
  m = error_of(with_row0("D", 5.5));
  EXPECT_NE(m.find("field 'data.rows[0].D': detection D must be an integer from 1 to 10 (got 5.5)"),
            std::string::npos)
      << m;
}

TEST(Validation, TextAndBooleanRatingsAreRefusedButDigitsAreRead) {
  EXPECT_NE(error_of(with_row0("D", "high")).find("field 'data.rows[0].D'"), std::string::npos);
  EXPECT_NE(error_of(with_row0("D", true)).find("field 'data.rows[0].D'"), std::string::npos);
  EXPECT_EQ(error_of(with_row0("D", " 7 ")), "");
  EXPECT_EQ(error_of(with_row0("D", 7.0)), "");
}

TEST(Validation, MissingRatingNamesWhereItShouldBe) {
  json r = fmea_test::sample_request();
  r["data"]["rows"][2].erase("D");
  std::string m = error_of(r);
  EXPECT_NE(m.find("field 'data.rows[2].D': detection D must be an integer from 1 to 10 (it is missing)"),
            std::string::npos)
      << m;
}

TEST(Validation, RevisedRatingsAreValidatedToo) {
  std::string m = error_of(with_row0("O'", 12));
  EXPECT_NE(m.find("field 'data.rows[0].O''"), std::string::npos) << m;
  EXPECT_NE(m.find("revised occurrence O' must be an integer from 1 to 10"), std::string::npos) << m;
}

TEST(Validation, LongNamesAreAcceptedAndNamedAsGiven) {
  json r = fmea_test::sample_request();
  r["data"]["rows"][1].erase("S");
  r["data"]["rows"][1]["severity"] = -3;
  std::string m = error_of(r);
  EXPECT_NE(m.find("field 'data.rows[1].severity'"), std::string::npos) << m;
}

TEST(Validation, MsrNamesFrequencyAndMonitoring) {
  json r = {{"data",
             {{"type", "msr"},
              {"rows", json::array({{{"failure_mode", "No torque"}, {"S", 10}, {"F", 11}, {"M", 2}}})}}}};
  std::string m = error_of(r);
  EXPECT_NE(m.find("field 'data.rows[0].F': frequency F must be an integer from 1 to 10"), std::string::npos)
      << m;
  r["data"]["rows"][0]["F"] = 3;
  r["data"]["rows"][0]["M"] = 0;
  m = error_of(r);
  EXPECT_NE(m.find("field 'data.rows[0].M': monitoring M must be an integer from 1 to 10"), std::string::npos)
      << m;
}

TEST(Validation, TableCellsAreNamedByRowAndHeader) {
  json r = {{"table",
             {{"columns", {"Failure mode", "Severity", "Occurrence", "Detection"}},
              {"rows", json::array({json::array({"Crack", 7, 3, 4}), json::array({"Burr", 4, 13, 2})})}}}};
  std::string m = error_of(r);
  EXPECT_NE(m.find("field 'table.rows[1].Occurrence': occurrence O must be an integer from 1 to 10 (got 13)"),
            std::string::npos)
      << m;
}

TEST(Validation, TableWithoutARatingColumnIsRefused) {
  json r = {
      {"table",
       {{"columns", {"Failure mode", "S", "O"}}, {"rows", json::array({json::array({"Crack", 7, 3})})}}}};
  std::string m = error_of(r);
  EXPECT_NE(m.find("field 'table.columns': the column 'D' is missing"), std::string::npos) << m;
}

TEST(Validation, OtherFields) {
  EXPECT_NE(
      error_of(with_row0("due_date", "2024-02-30")).find("field 'data.rows[0].due_date': must be a date"),
      std::string::npos);
  EXPECT_NE(error_of(with_row0("failure_mode", " "))
                .find("field 'data.rows[0].failure_mode': the failure mode must"),
            std::string::npos);
  EXPECT_NE(error_of(with_row0("AP", "X")).find("field 'data.rows[0].AP': AP must be H, M or L"),
            std::string::npos);
  EXPECT_NE(error_of(with_row0("exposure", -5)).find("field 'data.rows[0].exposure': must be a number > 0"),
            std::string::npos);
  EXPECT_NE(
      error_of(with_row0("complaints", 2.5)).find("field 'data.rows[0].complaints': must be a whole number"),
      std::string::npos);

  json r = fmea_test::sample_request();
  r["options"]["output"] = "worksheet.pdf";
  EXPECT_NE(error_of(r).find("field 'options.output': must be a file name ending in .xlsx or .csv"),
            std::string::npos);
  r = fmea_test::sample_request();
  r["options"]["type"] = "system";
  EXPECT_NE(error_of(r).find("field 'options.type'"), std::string::npos);
  r = fmea_test::sample_request();
  r["options"]["confidence"] = 1.5;
  EXPECT_NE(error_of(r).find("field 'options.confidence'"), std::string::npos);
  r = fmea_test::sample_request();
  r["data"]["rows"] = json::array();
  EXPECT_NE(error_of(r).find("field 'data.rows': the worksheet has no rows"), std::string::npos);
  EXPECT_NE(error_of(json{{"options", json::object()}}).find("field 'data'"), std::string::npos);
}

TEST(Validation, ApLookupMethodValidatesToo) {
  try {
    qloop::fmea::run_ap({{"data", {{"S", 9}, {"O", 4}}}});
    FAIL() << "expected InvalidInput";
  } catch (const qloop::sdk::InvalidInput &e) {
    EXPECT_NE(std::string(e.what()).find(
                  "field 'data.D': detection D must be an integer from 1 to 10 (it is missing)"),
              std::string::npos)
        << e.what();
  }
}

} // namespace
