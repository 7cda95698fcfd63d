// The KPI report from the host becomes the review model: numbers stay
// numbers, periods become local dates, wrong shapes name the field.
#include "review_model.hpp"
#include "test_support.hpp"

using namespace review_test;
using qloop::review::add_days;
using qloop::review::read_review;

namespace {

// The InvalidInput message of reading `report`, or "" when it was read.
std::string error_of(const json &report) {
  try {
    read_review(report);
  } catch (const qloop::sdk::InvalidInput &e) {
    return e.what();
  }
  return "";
}

} // namespace

TEST(Model, ReadsTheSampleReport) {
  const auto r = read_review(sample());
  EXPECT_EQ(r.period.from, "2026-01-01");
  EXPECT_EQ(r.period.to, "2026-12-31");
  EXPECT_EQ(r.previous.from, "2025-01-01");
  EXPECT_EQ(r.previous.to, "2025-12-31");
  EXPECT_EQ(r.as_of, "2026-12-31T18:00:00Z");
  EXPECT_EQ(r.time_zone, "UTC");
  ASSERT_EQ(r.kpis.size(), 12u);
  const auto *received = r.kpi("received");
  ASSERT_NE(received, nullptr);
  EXPECT_EQ(received->unit, "count");
  EXPECT_DOUBLE_EQ(*received->current.value, 120);
  EXPECT_DOUBLE_EQ(*received->previous.value, 150);
  EXPECT_DOUBLE_EQ(*received->change, -0.2);
  const auto *first = r.kpi("first_response_in_target");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->current.numerator, 116);
  EXPECT_EQ(first->current.denominator, 118);
  EXPECT_EQ(first->current.pending, 2);
  EXPECT_EQ(r.kpi("no_such_kpi"), nullptr);
  EXPECT_DOUBLE_EQ(r.threshold, 0.8);
  ASSERT_EQ(r.by_category.size(), 4u);
  ASSERT_EQ(r.by_product.size(), 7u);
  EXPECT_EQ(r.by_product[0].key, "PCBA-X100");
  EXPECT_TRUE(r.by_product[1].vital);
  EXPECT_FALSE(r.by_product[2].vital);
  ASSERT_EQ(r.by_defect.size(), 13u);
  EXPECT_EQ(r.by_defect[0].key, "product_quality / welding");
  EXPECT_EQ(r.by_defect[0].count, 18);
  ASSERT_EQ(r.trend.size(), 12u);
  EXPECT_EQ(r.trend[2].month, "2026-03");
  EXPECT_EQ(r.trend[2].received, 11);
}

TEST(Model, ThePreviousPeriodHasTheSameLengthAndEndsTheDayBefore) {
  json report = sample();
  report["dates"] = {{"from", "2026-03-01"}, {"to", "2026-03-31"}};
  report["previous_period"] = {{"from", "2026-01-29T00:00:00Z"}, {"to", "2026-03-01T00:00:00Z"}};
  const auto r = read_review(report);
  EXPECT_EQ(r.previous.from, "2026-01-29");
  EXPECT_EQ(r.previous.to, "2026-02-28");
  // Local days in another zone: the bounds are UTC instants, the length still 31 days.
  report["previous_period"] = {{"from", "2026-01-28T16:00:00Z"}, {"to", "2026-02-28T16:00:00Z"}};
  EXPECT_EQ(read_review(report).previous.from, "2026-01-29");
}

TEST(Model, WithoutDatesThePeriodBoundsGiveThem) {
  json report = sample();
  report.erase("dates");
  report.erase("previous_period");
  const auto r = read_review(report);
  EXPECT_EQ(r.period.from, "2026-01-01");
  EXPECT_EQ(r.period.to, "2026-12-31");
  EXPECT_EQ(r.previous.from, "2025-01-01"); // 365 days before
  EXPECT_EQ(r.previous.to, "2025-12-31");
}

TEST(Model, WrongShapesNameTheField) {
  json report = sample();
  report["kpis"] = "many";
  EXPECT_EQ(error_of(report), "report: 'kpis' must be an array");
  report = sample();
  report["kpis"][4]["current"]["value"] = "98%";
  EXPECT_EQ(error_of(report), "report: 'kpis[4].current.value' must be a number or null");
  report = sample();
  report["pareto"]["product"][1]["count"] = -3;
  EXPECT_EQ(error_of(report), "report: 'pareto.product[1].count' must be a whole number, 0 or more");
  report = sample();
  report["pareto"]["defect"][0]["vital"] = "yes";
  EXPECT_EQ(error_of(report), "report: 'pareto.defect[0].vital' must be true or false");
  report = sample();
  report["trend"][0] = 5;
  EXPECT_EQ(error_of(report), "report: 'trend[0]' must be an object");
  report = sample();
  report["pareto"]["threshold"] = 0;
  EXPECT_NE(error_of(report).find("pareto.threshold"), std::string::npos);
}

TEST(Model, ACaseFileIsNotAKpiReport) {
  const std::string error = error_of(json{{"complaint", {{"number", "QC-2026-00001"}}}});
  EXPECT_NE(error.find("no 'kpis'"), std::string::npos) << error;
  EXPECT_NE(error_of(json::array()).find("must be a JSON object"), std::string::npos);
}

TEST(Model, NullsAndAbsentListsAreNormal) {
  json report = sample();
  report["kpis"][9]["current"]["value"] = nullptr; // no revisits this period
  report["kpis"][9]["change"] = nullptr;
  report["pareto"].erase("defect");
  report.erase("trend");
  const auto r = read_review(report);
  EXPECT_FALSE(r.kpis[9].current.value.has_value());
  EXPECT_FALSE(r.kpis[9].change.has_value());
  EXPECT_TRUE(r.by_defect.empty());
  EXPECT_TRUE(r.trend.empty());
}

TEST(Model, KeysAreCleaned) {
  json report = sample();
  report["pareto"]["product"][0]["key"] = std::string("PCBA\x01-X100\n\xFF") + std::string(1000, 'x');
  const auto r = read_review(report);
  const std::string &key = r.by_product[0].key;
  EXPECT_EQ(key.find('\x01'), std::string::npos);
  EXPECT_EQ(key.find('\n'), std::string::npos);
  EXPECT_NE(key.find("\xEF\xBF\xBD"), std::string::npos); // the invalid byte, replaced
  EXPECT_LT(key.size(), 400u);
}

TEST(Model, AddDaysFollowsTheCalendar) {
  EXPECT_EQ(add_days("2026-01-01", -1), "2025-12-31");
  EXPECT_EQ(add_days("2024-02-28", 1), "2024-02-29");
  EXPECT_EQ(add_days("2026-03-01", -31), "2026-01-29");
  EXPECT_EQ(add_days("not a date", 1), "");
}
