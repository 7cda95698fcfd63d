// The complaint link: "occurrence-contradicted-by-field" fires when field
// complaints contradict the occurrence rating, and stays quiet otherwise.
//
// References:
//  - Occurrence scale: AIAG & VDA FMEA Handbook (2019), alternative DFMEA and
//    PFMEA occurrence tables with incidents per 1000 items/vehicles
//    (O 10 >= 100, 9: 50, 8: 20, 7: 10, 6: 2, 5: 0.5, 4: 0.1, 3: 0.01, 2: < 0.001).
//  - Exact (Garwood 1936) one-sided 95 % lower Poisson limit L = chi2(0.05; 2k)/2,
//    with chi2 lower-tail 0.05 critical values from the NIST/SEMATECH
//    e-Handbook of Statistical Methods, section 1.3.6.7.4 (Critical Values of
//    the Chi-Square Distribution): nu = 2: 0.103, nu = 4: 0.711, nu = 10: 3.940,
//    nu = 20: 10.851. For k = 1 the limit is also -ln(0.95) = 0.0512933 exactly.
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "field_check.hpp"
#include "methods.hpp"
#include "sample_worksheet.hpp"

namespace {

using nlohmann::json;
using namespace qloop::fmea;

FieldEvidence listed(int n, const std::string &date = "") {
  FieldEvidence e;
  for (int i = 0; i < n; ++i) e.complaints.push_back({"C-" + std::to_string(i + 1), date});
  return e;
}

TEST(ComplaintRule, PoissonLowerLimitMatchesTables) {
  EXPECT_NEAR(poisson_lower_bound(1, 0.95), -std::log(0.95), 1e-12);
  EXPECT_NEAR(poisson_lower_bound(1, 0.95), 0.103 / 2, 5e-4);
  EXPECT_NEAR(poisson_lower_bound(2, 0.95), 0.711 / 2, 5e-4);
  EXPECT_NEAR(poisson_lower_bound(5, 0.95), 3.940 / 2, 5e-4);
  EXPECT_NEAR(poisson_lower_bound(10, 0.95), 10.851 / 2, 5e-4);
  EXPECT_EQ(poisson_lower_bound(0, 0.95), 0.0);
}

TEST(ComplaintRule, OccurrenceScale) {
  EXPECT_EQ(occurrence_for_rate_per_thousand(150), 10);
  EXPECT_EQ(occurrence_for_rate_per_thousand(100), 10);
  EXPECT_EQ(occurrence_for_rate_per_thousand(99.9), 9);
  EXPECT_EQ(occurrence_for_rate_per_thousand(10), 7);
  EXPECT_EQ(occurrence_for_rate_per_thousand(2), 6);
  EXPECT_EQ(occurrence_for_rate_per_thousand(0.5), 5);
  EXPECT_EQ(occurrence_for_rate_per_thousand(0.1), 4);
  EXPECT_EQ(occurrence_for_rate_per_thousand(0.01), 3);
  EXPECT_EQ(occurrence_for_rate_per_thousand(0.0099), 2);
  EXPECT_EQ(occurrence_for_rate_per_thousand(0), 1);
}

TEST(ComplaintRule, FiresWhenTheRateExceedsTheRating) {
  // 3 complaints over 10 000 units: lower limit 0.8177 events -> 0.0818 per 1000 -> O 3 > rated O 2.
  FieldEvidence e = listed(3);
  e.exposure = 10000;
  FieldVerdict v = check_occurrence(2, e, {});
  EXPECT_TRUE(v.contradicted);
  EXPECT_EQ(v.basis, FieldBasis::Rate);
  EXPECT_EQ(*v.implied_occurrence, 3);
  EXPECT_NEAR(*v.rate_per_thousand, 0.3, 1e-12);
  EXPECT_NEAR(*v.bound_per_thousand, 0.08177, 1e-4);
  EXPECT_STREQ(v.severity, "error");
}

TEST(ComplaintRule, QuietWhenTheRateFitsTheRating) {
  // 3 complaints over 100 000 units: 0.03 per 1000, lower limit 0.0082 -> O 2, rated O 5.
  FieldEvidence e = listed(3);
  e.exposure = 100000;
  FieldVerdict v = check_occurrence(5, e, {});
  EXPECT_FALSE(v.contradicted);
  EXPECT_EQ(*v.implied_occurrence, 2);
  // Rated O 2 against the same evidence: the lower limit still rates O 2, so no contradiction.
  EXPECT_FALSE(check_occurrence(2, e, {}).contradicted);
}

TEST(ComplaintRule, LowerLimitIsMoreCautiousThanThePlainRate) {
  // 1 complaint in 2000 units: plain rate 0.5 per 1000 (O 5); lower limit 0.0256 per 1000 (O 3).
  FieldEvidence e = listed(1);
  e.exposure = 2000;
  EXPECT_FALSE(check_occurrence(4, e, {}).contradicted);
  FieldCheckOptions point;
  point.point_estimate = true;
  FieldVerdict v = check_occurrence(4, e, point);
  EXPECT_TRUE(v.contradicted);
  EXPECT_EQ(*v.implied_occurrence, 5);
}

TEST(ComplaintRule, WithoutExposure) {
  // O 1 says the cause is prevented: any complaint contradicts it.
  FieldVerdict v = check_occurrence(1, listed(1), {});
  EXPECT_TRUE(v.contradicted);
  EXPECT_EQ(v.basis, FieldBasis::PreventedCause);
  EXPECT_STREQ(v.severity, "error");
  // O 2-3 ("low"): flagged as a warning until an exposure allows the rate check.
  v = check_occurrence(3, listed(2), {});
  EXPECT_TRUE(v.contradicted);
  EXPECT_EQ(v.basis, FieldBasis::LowWithoutExposure);
  EXPECT_STREQ(v.severity, "warning");
  // O 4 and above cannot be judged without a rate.
  v = check_occurrence(4, listed(2), {});
  EXPECT_FALSE(v.contradicted);
  EXPECT_EQ(v.basis, FieldBasis::UnknownRate);
  // No complaints, nothing to judge.
  EXPECT_FALSE(check_occurrence(1, FieldEvidence{}, {}).contradicted);
}

TEST(ComplaintRule, OnlyComplaintsInsideThePeriodCount) {
  FieldEvidence e;
  e.complaints = {{"C-1", "2023-11-02"}, {"C-2", "2023-12-20"}};
  FieldCheckOptions o;
  o.period_from = "2024-01-01";
  o.period_to = "2024-06-30";
  FieldVerdict v = check_occurrence(2, e, o);
  EXPECT_FALSE(v.contradicted);
  EXPECT_EQ(v.complaints, 0);
  EXPECT_EQ(v.excluded, 2);
  e.complaints.push_back({"C-3", "2024-02-14"});
  v = check_occurrence(2, e, o);
  EXPECT_TRUE(v.contradicted);
  EXPECT_EQ(v.complaints, 1);
}

TEST(ComplaintRule, FindingThroughTheMethod) {
  json req = fmea_test::sample_request();
  // W-3 (O 3) gets two linked complaints in the period, W-1 (O 5) a count with a comfortable exposure.
  req["data"]["rows"][2]["complaints"] = json::parse(R"([{"id": "CC-2024-031", "date": "2024-03-02"},
                                                         {"id": "CC-2024-044", "date": "2024-03-19"}])");
  req["data"]["rows"][0]["complaints"] = {{"count", 2}, {"exposure", 50000}};
  req["options"]["period"] = {{"from", "2024-01-01"}, {"to", "2024-06-30"}};
  auto result = run_fmea(req);
  int fired = 0;
  for (const auto &f : result["findings"]) {
    if (f["rule"] != "occurrence-contradicted-by-field") continue;
    ++fired;
    EXPECT_EQ(f["where"]["row"], "W-3");
    EXPECT_EQ(f["severity"], "warning");
    EXPECT_NE(f["message"].get<std::string>().find("2 field complaints in 2024-01-01 to 2024-06-30"),
              std::string::npos)
        << f["message"];
  }
  EXPECT_EQ(fired, 1);
  EXPECT_EQ(result["summary"]["occurrence_contradicted_by_field"], 1);

  // With an exposure the rate decides: 2 complaints in 500 units is 4 per 1000
  // (lower limit 0.71 per 1000 -> O 5), above W-3's O 3: an error now.
  req["data"]["rows"][2]["exposure"] = 500;
  result = run_fmea(req);
  fired = 0;
  for (const auto &f : result["findings"])
    if (f["rule"] == "occurrence-contradicted-by-field") {
      ++fired;
      EXPECT_EQ(f["severity"], "error");
    }
  EXPECT_EQ(fired, 1);

  // A period that excludes both complaints silences the rule.
  req["options"]["period"] = {{"from", "2024-04-01"}, {"to", "2024-06-30"}};
  result = run_fmea(req);
  for (const auto &f : result["findings"]) EXPECT_NE(f["rule"], "occurrence-contradicted-by-field");
  EXPECT_EQ(result["summary"]["occurrence_contradicted_by_field"], 0);
}

TEST(ComplaintRule, CsvStyleComplaintCells) {
  // A table cell "CC-1; CC-2" lists ids; a number is a count.
  json req = {{"table",
               {{"columns", {"Failure mode", "S", "O", "D", "Complaint IDs"}},
                {"rows", json::array({json::array({"Crack", 6, 1, 4, "CC-1; CC-2"})})}}}};
  auto result = run_fmea(req);
  ASSERT_FALSE(result["findings"].empty());
  bool fired = false;
  for (const auto &f : result["findings"])
    if (f["rule"] == "occurrence-contradicted-by-field") fired = true;
  EXPECT_TRUE(fired);
  EXPECT_EQ(result["details"]["rows"][0]["field"]["complaints"], 2);
  EXPECT_EQ(result["details"]["rows"][0]["field"]["basis"], "prevented-cause");
}

TEST(ComplaintRule, NotAppliedToMsrFrequency) {
  json req = {
      {"data",
       {{"type", "msr"},
        {"rows",
         json::array({{{"failure_mode", "No torque"}, {"S", 8}, {"F", 1}, {"M", 3}, {"complaints", 4}}})}}}};
  auto result = run_fmea(req);
  for (const auto &f : result["findings"]) EXPECT_NE(f["rule"], "occurrence-contradicted-by-field");
}

} // namespace
