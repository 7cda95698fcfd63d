// The Pareto chart: bars in descending order, the cumulative line ending at
// 100 % on the right axis, the threshold line, vital few coloured, labels in
// the request language, CJK and XML-special names escaped and present.
#include <regex>

#include <gtest/gtest.h>

#include "pareto_analysis.hpp"
#include "test_support.hpp"

using namespace qloop::pareto;
using namespace pareto_test;
using nlohmann::json;

namespace {

std::string chart(const json &request) { return analyze(request, Settings{})["charts"][0]["svg"]; }

json montgomery(json options = json::object()) {
  options["field"] = "Defect";
  options["value"] = "Frequency";
  return {{"table", montgomery_table()}, {"options", options}};
}

std::size_t count(const std::string &haystack, const std::string &needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// Heights of the bars (rects inside tooltip groups), left to right.
std::vector<double> bar_heights(const std::string &svg) {
  std::vector<double> out;
  std::regex bar(
      "</title>\\n<rect x=\"[-0-9.e]+\" y=\"[-0-9.e]+\" width=\"[-0-9.e]+\" height=\"([-0-9.e]+)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), bar); it != std::sregex_iterator(); ++it)
    out.push_back(std::stod((*it)[1]));
  return out;
}

} // namespace

TEST(ParetoSvg, BarsDescendAndTheLineEndsAtOneHundredPercent) {
  auto svg = chart(montgomery());
  auto heights = bar_heights(svg);
  ASSERT_EQ(heights.size(), 19u);
  for (std::size_t i = 1; i < heights.size(); ++i) EXPECT_LE(heights[i], heights[i - 1]) << i;
  // Plot from y=70 (top, 100 % and the total) to y=370 (0): the tallest bar
  // is 36/166 of 300 px; the line's last point is at the top.
  EXPECT_NEAR(heights[0], 300.0 * 36 / 166, 1e-3);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, std::regex("<polyline[^>]*points=\"([^\"]*)\"")));
  std::string points = m[1];
  EXPECT_NE(points.find(",70 ", points.size() - 12), std::string::npos) << points;
  EXPECT_NE(svg.find(">100%</text>"), std::string::npos);
}

TEST(ParetoSvg, ThresholdLineAndVitalFewColour) {
  auto svg = chart(montgomery());
  // 80 % of 300 px above the axis at y=370: y=130, dashed, across the plot.
  EXPECT_NE(
      svg.find(
          "y1=\"130\" x2=\"990\" y2=\"130\" stroke=\"#555\" stroke-width=\"1.2\" stroke-dasharray=\"5 3\""),
      std::string::npos);
  EXPECT_EQ(count(svg, "fill=\"#1f5f99\""), 6u + 1); // six vital bars + the legend swatch
  EXPECT_NE(svg.find("Threshold 80%"), std::string::npos);
  auto at_70 = chart(montgomery({{"threshold", 70}}));
  EXPECT_EQ(count(at_70, "fill=\"#1f5f99\""), 5u + 1);
}

TEST(ParetoSvg, LongNamesAreRotatedAndCut) {
  auto svg = chart(montgomery());
  EXPECT_NE(svg.find("transform=\"rotate(-40"), std::string::npos);
  json items = request_of_records(records({{"A", 3}, {"B", 1}}), {{"field", "defect"}});
  EXPECT_EQ(chart(items).find("rotate(-40"), std::string::npos);
  auto long_name = request_of_records(records({{std::string(40, 'x'), 2}, {"B", 1}}), {{"field", "defect"}});
  auto cut = chart(long_name);
  EXPECT_NE(cut.find(std::string(21, 'x') + "\xE2\x80\xA6<"),
            std::string::npos); // 24 columns with the ellipsis
}

TEST(ParetoSvg, ChineseLabelsAndNames) {
  auto r =
      request_of_records(records({{"焊接不良", 18}, {"划伤", 7}, {"漏装", 3}}, "缺陷"), {{"field", "缺陷"}});
  r["lang"] = "zh-CN";
  auto svg = chart(r);
  for (const char *text :
       {"缺陷 柏拉图", "累计百分比", "数量", "关键少数", "焊接不良", "划伤", "漏装", "阈值 80%"})
    EXPECT_NE(svg.find(text), std::string::npos) << text;
  EXPECT_EQ(svg.find("Cumulative"), std::string::npos);
}

TEST(ParetoSvg, XmlSpecialCharactersAreEscaped) {
  auto svg = chart(request_of_records(records({{"<A&B>", 2}, {"\"q\"", 1}}), {{"field", "defect"}}));
  EXPECT_NE(svg.find("&lt;A&amp;B&gt;"), std::string::npos);
  EXPECT_NE(svg.find("&quot;q&quot;"), std::string::npos);
  EXPECT_EQ(svg.find("<A&B>"), std::string::npos);
}

TEST(ParetoSvg, OtherBucketIsGreyAndLast) {
  auto svg = chart(montgomery({{"top_n", 5}}));
  EXPECT_EQ(bar_heights(svg).size(), 6u);
  EXPECT_NE(svg.find("Other (14)"), std::string::npos);
  EXPECT_EQ(count(svg, "fill=\"#bdbdbd\""), 1u);
}
