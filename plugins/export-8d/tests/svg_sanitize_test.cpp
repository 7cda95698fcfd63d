// Chart SVG from stored analysis results loses everything active or external.
#include <gtest/gtest.h>

#include "report_pdf/svg_sanitize.hpp"
#include "test_support.hpp"

using qloop::reportpdf::sanitize_svg;

TEST(SvgSanitize, RemovesScriptsHandlersAndExternalLinks) {
  const std::string svg = eightd_test::bar_chart("柏拉图", 3, true);
  ASSERT_NE(svg.find("<script"), std::string::npos);
  const auto out = sanitize_svg(svg, 1 << 20);
  ASSERT_TRUE(out.problem.empty()) << out.problem;
  EXPECT_EQ(out.svg.find("<script"), std::string::npos);
  EXPECT_EQ(out.svg.find("foreignObject"), std::string::npos);
  EXPECT_EQ(out.svg.find("onclick"), std::string::npos);
  EXPECT_EQ(out.svg.find("javascript:"), std::string::npos);
  EXPECT_EQ(out.svg.find("file:///etc/passwd"), std::string::npos);
  EXPECT_GE(out.removed, 5u);
  // the drawing itself stays
  EXPECT_NE(out.svg.find("柏拉图"), std::string::npos);
  EXPECT_EQ(eightd_test::count(out.svg, "<rect"), eightd_test::count(svg, "<rect"));
}

TEST(SvgSanitize, CatchesEncodedAndNamespacedTricks) {
  const std::string svg =
      "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' ONLOAD='x()'>"
      "<SCRIPT>a()</SCRIPT><use xlink:href='https://evil.example/x.svg#a'/>"
      "<a xlink:href='&#106;avascript:alert(1)'><text>t</text></a>"
      "<rect style='fill:url(https://evil.example/p)' width='1' height='1'/>"
      "<style>@import url(https://evil.example/s.css);</style><rect fill='url(#grad)' width='2' "
      "height='2'/></svg>";
  const auto out = sanitize_svg(svg, 1 << 20);
  ASSERT_TRUE(out.problem.empty()) << out.problem;
  for (const char *gone : {"ONLOAD", "SCRIPT", "evil.example", "avascript", "@import"})
    EXPECT_EQ(out.svg.find(gone), std::string::npos) << gone << " in " << out.svg;
  EXPECT_NE(out.svg.find("url(#grad)"), std::string::npos); // in-document references stay
}

TEST(SvgSanitize, RefusesWhatIsNotAnSvgDocument) {
  EXPECT_NE(sanitize_svg("<svg><g></svg>", 1000).problem.find("not well-formed"), std::string::npos);
  EXPECT_NE(sanitize_svg("<html><body/></html>", 1000).problem.find("not <svg>"), std::string::npos);
  EXPECT_NE(sanitize_svg("", 1000).problem, "");
  const auto big = sanitize_svg(std::string(2000, ' ') + "<svg/>", 1000);
  EXPECT_TRUE(big.svg.empty());
  EXPECT_NE(big.problem.find("limit 1000"), std::string::npos);
}

TEST(SvgSanitize, AddsTheSvgNamespaceWhenMissing) {
  const auto out = sanitize_svg("<svg width='10' height='10'><rect width='5' height='5'/></svg>", 1000);
  EXPECT_NE(out.svg.find("xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
}
