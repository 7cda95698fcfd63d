// The diagram: 3 bones above and 3 below the spine, 6M labels in the request
// language, status as colour/marker/strike-through with a legend, CJK and
// XML-special text escaped, labels kept clear of the next bone.
#include <regex>

#include <gtest/gtest.h>

#include "fishbone_parse.hpp"
#include "fishbone_svg.hpp"
#include "test_support.hpp"

using namespace qloop::fishbone;
using namespace fishbone_test;
using nlohmann::json;

namespace {

std::string svg_of(const json &request, bool zh = false) { return fishbone_svg(parse_diagram(request), zh); }

std::size_t count(const std::string &haystack, const std::string &needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// The y of the <text> whose content is exactly `content`.
double text_y(const std::string &svg, const std::string &content) {
  std::regex element("<text x=\"[-0-9.e]+\" y=\"([-0-9.e]+)\"[^>]*>" + content + "</text>");
  std::smatch m;
  if (!std::regex_search(svg, m, element)) return -1;
  return std::stod(m[1]);
}

double spine_y(const std::string &svg) {
  std::smatch m;
  std::regex spine(
      "<line x1=\"[-0-9.e]+\" y1=\"([-0-9.e]+)\" x2=\"[-0-9.e]+\" y2=\"[-0-9.e]+\" stroke=\"#37474f\" "
      "stroke-width=\"3\"");
  if (!std::regex_search(svg, m, spine)) return -1;
  return std::stod(m[1]);
}

} // namespace

TEST(FishboneSvg, ThreeBonesAboveAndThreeBelowTheSpine) {
  auto svg = svg_of(complete());
  const double spine = spine_y(svg);
  ASSERT_GT(spine, 0);
  for (const char *up : {"Man", "Machine", "Material"}) EXPECT_LT(text_y(svg, up), spine) << up;
  for (const char *down : {"Method", "Environment", "Measurement"}) {
    EXPECT_GT(text_y(svg, down), spine) << down;
  }
}

TEST(FishboneSvg, ChineseLabelsAndLegend) {
  auto svg = svg_of(complete(), true);
  for (const char *label : {"人", "机", "料", "法", "环", "测", "已验证", "疑似", "已排除"})
    EXPECT_GT(text_y(svg, label), 0) << label;
  EXPECT_NE(svg.find("鱼骨图"), std::string::npos);
  EXPECT_EQ(svg.find(">Machine<"), std::string::npos);
}

TEST(FishboneSvg, StatusIsShownByColourMarkerAndStrikeThrough) {
  auto svg = svg_of(complete());
  // Verified causes in red with a filled marker; 2 in the diagram + legend.
  EXPECT_EQ(count(svg, "r=\"4.5\" fill=\"#c62828\""), 3u);
  // Suspected: hollow markers, 2 + legend.
  EXPECT_EQ(count(svg, "fill=\"#ffffff\" stroke=\"#ef6c00\""), 3u);
  // Ruled out: struck through and dashed, 2 causes.
  EXPECT_EQ(count(svg, "text-decoration=\"line-through\""), 2u);
  EXPECT_EQ(count(svg, "stroke=\"#9e9e9e\" stroke-width=\"1.4\" stroke-dasharray=\"4 3\""), 2u);
  EXPECT_NE(svg.find(">Untrained welder</text>"), std::string::npos);
  EXPECT_NE(svg.find(">Verified</text>"), std::string::npos);
}

TEST(FishboneSvg, LinksAreShownBesideTheCause) {
  auto svg = svg_of(complete());
  EXPECT_NE(svg.find("Low welding current<tspan fill=\"#78909c\""), std::string::npos);
  EXPECT_NE(svg.find(">\u00A0[5Why occ-1]</tspan>"), std::string::npos);
  EXPECT_NE(svg.find(">\u00A0[DOE DOE-7]</tspan>"), std::string::npos);
}

TEST(FishboneSvg, XmlSpecialCharactersAndCjkAreEscapedAndPresent) {
  auto svg =
      svg_of(request("Gap <0.2 & \"burr\"", {cause("man", "A&B <shift>"), cause("机", "电流\"偏低\"")}));
  EXPECT_NE(svg.find("Gap &lt;0.2 &amp; &quot;burr&quot;"), std::string::npos);
  EXPECT_NE(svg.find("A&amp;B &lt;shift&gt;"), std::string::npos);
  EXPECT_NE(svg.find("电流&quot;偏低&quot;"), std::string::npos);
  EXPECT_EQ(svg.find("<shift>"), std::string::npos);
}

TEST(FishboneSvg, LongCausesWrapAndSubCausesHangOnTwigs) {
  auto r = request("焊点开裂",
                   {cause("机", "焊机电流参数被修改后没有恢复到工艺要求的数值导致电流偏低", "verified",
                          {{"links", {"5why:occ-1"}},
                           {"sub_causes",
                            {{{"text", "参数无锁定"}, {"status", "verified"}, {"links", {"5why:occ-1"}}},
                             {{"text", "电流表未校准"}, {"status", "ruled_out"}}}}})});
  auto svg = svg_of(r, true);
  EXPECT_EQ(svg.find(">焊机电流参数被修改后没有恢复到工艺要求的数值导致电流偏低<"), std::string::npos);
  EXPECT_NE(svg.find(">焊机电流参数被修改后没有恢复到<"), std::string::npos); // 30 columns = 15 characters
  EXPECT_NE(svg.find(">参数无锁定<"), std::string::npos);
  EXPECT_EQ(count(svg, "stroke=\"#90a4ae\""), 2u); // one twig segment per sub-cause
}

TEST(FishboneSvg, WideLabelsPushTheNextBoneRight) {
  // 30 columns of 'w' at 12 px are about 200 px; the machine bone moves right by that much.
  auto narrow = svg_of(request("x", {cause("man", "a")}));
  auto wide = svg_of(request("x", {cause("man", std::string(30, 'w'))}));
  auto machine_x = [](const std::string &svg) {
    std::smatch m;
    std::regex_search(svg, m, std::regex("<text x=\"([-0-9.]+)\"[^>]*>Machine</text>"));
    return std::stod(m[1]);
  };
  EXPECT_GT(machine_x(wide), machine_x(narrow) + 150);
}
