// The charts are well-formed SVG documents with nothing active in them, the
// Pareto shows vital few, cumulative line and threshold, and every label
// from the data is escaped.
#include "charts.hpp"
#include "report_pdf/svg_sanitize.hpp"
#include "test_support.hpp"

using namespace review_test;
using namespace qloop::review;

namespace {

// Parses the SVG as XML; the sanitizer would remove nothing from it.
void expect_clean_svg(const std::string &svg) {
  const auto out = qloop::reportpdf::sanitize_svg(svg, 8u << 20);
  EXPECT_TRUE(out.problem.empty()) << out.problem;
  EXPECT_EQ(out.removed, 0u);
}

} // namespace

TEST(Charts, EveryChartIsAWellFormedSvg) {
  const auto r = read_review(sample());
  for (Lang lang : {Lang::en, Lang::zh_cn}) {
    expect_clean_svg(distribution_svg(r.by_category, lang));
    expect_clean_svg(pareto_svg(r.by_product, ItemKind::product, r.threshold, "P", lang));
    expect_clean_svg(pareto_svg(r.by_defect, ItemKind::defect, r.threshold, "D", lang));
    expect_clean_svg(trend_svg(r.trend, lang));
  }
}

TEST(Charts, ParetoHasVitalBarsCumulativeLineAndThreshold) {
  const auto r = read_review(sample());
  const std::string svg = pareto_svg(r.by_product, ItemKind::product, r.threshold, "产品柏拉图", Lang::zh_cn);
  // Two vital bars (PCBA-X100, PSU-450W) in the dark colour, plus the legend's square.
  EXPECT_EQ(count(svg, "fill=\"#1f5f99\""), 3u);
  EXPECT_EQ(count(svg, "fill=\"#9ecae1\""), 6u);         // five others and the legend
  EXPECT_EQ(count(svg, "<polyline"), 1u);                // the cumulative line
  EXPECT_GE(count(svg, "stroke-dasharray=\"5 3\""), 2u); // the threshold (and its legend line)
  EXPECT_NE(svg.find("阈值 80.0%"), std::string::npos);
  EXPECT_NE(svg.find("关键少数"), std::string::npos);
  EXPECT_NE(svg.find("PCBA-X100"), std::string::npos);
  EXPECT_NE(svg.find("80.0%"), std::string::npos); // the second bar's cumulative share
}

TEST(Charts, DefectNamesAreInWords) {
  const auto r = read_review(sample());
  const std::string svg = pareto_svg(r.by_defect, ItemKind::defect, r.threshold, "Pareto", Lang::en);
  EXPECT_NE(svg.find("Product quality / Welding"), std::string::npos);
  EXPECT_EQ(count(svg, "fill=\"#1f5f99\""), 9u); // eight vital defects and the legend
}

TEST(Charts, LabelsFromTheDataAreEscaped) {
  const auto r = read_review(with_product_key(sample(), kScript));
  const std::string svg = pareto_svg(r.by_product, ItemKind::product, r.threshold, "P", Lang::en);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;"), std::string::npos);
  expect_clean_svg(svg);
}

TEST(Charts, ManyItemsEndInOneBarForTheRest) {
  json report = sample();
  json products = json::array();
  double cumulative = 0;
  for (int i = 0; i < 40; ++i) {
    cumulative += 1.0 / 40;
    products.push_back({{"key", "P-" + std::to_string(i)},
                        {"count", 3},
                        {"share", 1.0 / 40},
                        {"cumulative", cumulative},
                        {"vital", cumulative <= 0.8}});
  }
  report["pareto"]["product"] = products;
  const auto r = read_review(report);
  const std::string svg = pareto_svg(r.by_product, ItemKind::product, r.threshold, "P", Lang::en);
  EXPECT_NE(svg.find("All others"), std::string::npos);
  EXPECT_NE(svg.find("P-19"), std::string::npos);
  EXPECT_EQ(svg.find("P-20"), std::string::npos);
  EXPECT_NE(svg.find("All others: 60"), std::string::npos); // 20 items of 3
  expect_clean_svg(svg);
}

TEST(Charts, AnEmptyPeriodSaysSo) {
  EXPECT_NE(pareto_svg({}, ItemKind::product, 0.8, "P", Lang::en).find("No complaints in this period"),
            std::string::npos);
  EXPECT_NE(distribution_svg({}, Lang::zh_cn).find("本期无客诉"), std::string::npos);
  EXPECT_NE(trend_svg({}, Lang::en).find("No complaints"), std::string::npos);
  // Months without complaints still make a chart (every month of the period is listed).
  const std::string zeros = trend_svg({{"2026-01", 0, 0}, {"2026-02", 0, 0}}, Lang::en);
  expect_clean_svg(zeros);
  EXPECT_NE(zeros.find("2026-02"), std::string::npos);
}

TEST(Charts, TrendShowsReceivedAndClosedPerMonth) {
  const auto r = read_review(sample());
  const std::string svg = trend_svg(r.trend, Lang::en);
  EXPECT_EQ(count(svg, "fill=\"#4472c4\""), 13u); // 12 months and the legend
  EXPECT_EQ(count(svg, "fill=\"#ed7d31\""), 13u);
  EXPECT_NE(svg.find("2026-12"), std::string::npos);
  EXPECT_NE(svg.find("Received"), std::string::npos);
}
