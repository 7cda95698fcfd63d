// The tree diagram: escaping, CJK text present and wrapped within the boxes,
// labels in the request language, one box per step, flagged steps marked.
#include <regex>

#include <gtest/gtest.h>

#include "five_why_parse.hpp"
#include "five_why_rules.hpp"
#include "five_why_svg.hpp"
#include "five_why_tree.hpp"
#include "test_support.hpp"
#include "text_width.hpp"

using namespace qloop::fivewhy;
using namespace fivewhy_test;
using nlohmann::json;

namespace {

std::string svg_of(const json &request, bool zh) {
  Analysis a = parse_analysis(request);
  Tree t(a);
  auto f = review(a, t, parse_settings(request, Settings{}), zh);
  return tree_svg(a, t, f, zh);
}

std::vector<std::string> texts(const std::string &svg) {
  std::vector<std::string> out;
  std::regex text_element("<text[^>]*>([^<]*)</text>");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text_element); it != std::sregex_iterator();
       ++it)
    out.push_back((*it)[1]);
  return out;
}

std::size_t count(const std::string &haystack, const std::string &needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

} // namespace

TEST(TreeSvg, IsOneSvgDocumentWithBalancedGroups) {
  auto svg = svg_of(request("p", {good_occurrence(), good_escape()}), false);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
  EXPECT_EQ(count(svg, "<g>"), count(svg, "</g>"));
  EXPECT_EQ(count(svg, "<g>"), 7u); // one group per step
  EXPECT_EQ(count(svg, "rx=\"5\""), 7u);
}

TEST(TreeSvg, XmlSpecialCharactersAreEscaped) {
  json c = good_occurrence();
  c["steps"][0]["because"] = "Gap <0.2 mm & \"tight\" fit";
  auto svg = svg_of(request("Weld <crack> & \"burr\"", {c, good_escape()}), false);
  EXPECT_NE(svg.find("Weld &lt;crack&gt; &amp; &quot;burr&quot;"), std::string::npos);
  EXPECT_NE(svg.find("&lt;0.2 mm &amp; &quot;tight&quot;"), std::string::npos);
  EXPECT_EQ(svg.find("<crack>"), std::string::npos);
  EXPECT_EQ(svg.find("& \""), std::string::npos);
}

TEST(TreeSvg, ChineseTextIsPresentAndWrappedInsideTheBox) {
  const std::string long_answer =
      "参数变更没有审批和锁定机制，任何人都可以修改焊机电流参数，修改后也不需要首件确认";
  json c = chain("occ", "发生",
                 {step("为什么焊点开裂?", "焊点熔深不足", "金相切片"),
                  step("为什么焊点熔深不足?", long_answer, "设备管理程序", "体系")});
  auto svg = svg_of(request("焊点开裂", {c}), true);
  EXPECT_NE(svg.find("焊点开裂"), std::string::npos);
  EXPECT_NE(svg.find("发生原因"), std::string::npos);
  EXPECT_NE(svg.find("根本原因 · 体系"), std::string::npos);
  for (const auto &t : texts(svg)) EXPECT_NE(t, long_answer); // not on one line
  EXPECT_NE(svg.find("<title>为什么焊点熔深不足?\n" + long_answer),
            std::string::npos); // whole in the tooltip

  // The answer's lines, in order, give back the answer; each fits the box.
  std::string rebuilt;
  for (const auto &t : texts(svg)) {
    if (long_answer.find(t) == std::string::npos || t.empty()) continue;
    EXPECT_LE(text::pixels(t, 12.5), 240 - 2 * 8) << t;
    rebuilt += t;
  }
  EXPECT_EQ(rebuilt, long_answer);
}

TEST(TreeSvg, LabelsFollowTheLanguage) {
  auto en = svg_of(request("p", {good_occurrence(), good_escape()}), false);
  EXPECT_NE(en.find("5 Why analysis"), std::string::npos);
  EXPECT_NE(en.find("Occurrence cause"), std::string::npos);
  EXPECT_NE(en.find("Escape cause"), std::string::npos);
  EXPECT_NE(en.find("Root cause · Method"), std::string::npos);
  auto zh = svg_of(request("p", {good_occurrence(), good_escape()}), true);
  EXPECT_NE(zh.find("5Why 分析"), std::string::npos);
  EXPECT_NE(zh.find("流出原因"), std::string::npos);
  EXPECT_NE(zh.find("根本原因 · 管理"), std::string::npos);
  EXPECT_EQ(zh.find("Occurrence cause"), std::string::npos);
}

TEST(TreeSvg, FlaggedStepsAreMarked) {
  auto clean = svg_of(request("Bracket weld cracked", {good_occurrence(), good_escape()}), false);
  EXPECT_EQ(clean.find("stroke-width=\"2.2\""), std::string::npos);
  json c = good_occurrence();
  c["steps"][3]["because"] = "Operator error";
  c["steps"][3]["cause_type"] = "man";
  auto flagged = svg_of(request("Bracket weld cracked", {c, good_escape()}), false);
  EXPECT_EQ(count(flagged, "stroke=\"#c62828\" stroke-width=\"2.2\""), 1u);
}

TEST(TreeSvg, BranchesOpenNewColumns) {
  json branch = {{"id", "b"},
                 {"parent", {{"chain", "occ"}, {"step", 1}}},
                 {"steps", {step("Why x?", "x", "e", "method")}}};
  auto one = svg_of(request("p", {good_occurrence()}), false);
  auto two = svg_of(request("p", {good_occurrence(), branch}), false);
  // One column is the 520 px minimum; two are 2 margins + 2 boxes + 1 gap.
  EXPECT_NE(one.find("width=\"520\""), std::string::npos);
  EXPECT_NE(two.find("width=\"556\""), std::string::npos);
}
