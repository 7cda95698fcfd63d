// HTML: the KPI figures formatted right, four charts as inert data: images,
// hostile keys escaped, Chinese labels, and the site template override.
#include <regex>

#include <glib.h>

#include "html_report.hpp"
#include "test_support.hpp"

using namespace review_test;

namespace {

// The <tr data-kpi="id"> row of the KPI table.
std::string kpi_row(const std::string &html, const std::string &id) {
  const auto at = html.find("<tr data-kpi=\"" + id + "\">");
  if (at == std::string::npos) return "";
  return html.substr(at, html.find("</tr>", at) - at);
}

// The SVG documents of the <img src="data:image/svg+xml;base64,..."> charts.
std::vector<std::string> charts(const std::string &html) {
  std::vector<std::string> out;
  static const std::regex img(R"re(<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), img); it != std::sregex_iterator(); ++it) {
    gsize n = 0;
    guchar *bytes = g_base64_decode((*it)[1].str().c_str(), &n);
    out.emplace_back(reinterpret_cast<const char *>(bytes), n);
    g_free(bytes);
  }
  return out;
}

std::string export_html(const json &report, const std::string &lang, const std::string &name,
                        const Config &config = {}) {
  FakeHost host(config);
  const fs::path out = output_dir("html") / name;
  run_export(host, "html", out, lang, report);
  return read_file(out);
}

} // namespace

TEST(Html, KpiFiguresAreFormattedRight) {
  const std::string html = export_html(sample(), "en", "review-en.html");
  const std::string received = kpi_row(html, "received");
  EXPECT_NE(received.find("<td>Complaints received</td>"), std::string::npos) << received;
  EXPECT_NE(received.find(">120<"), std::string::npos) << received;
  EXPECT_NE(received.find(">150<"), std::string::npos) << received;
  EXPECT_NE(received.find("change better\">▼ −20.0%<"), std::string::npos) << received;
  const std::string first = kpi_row(html, "first_response_in_target");
  EXPECT_NE(first.find(">98.3%<"), std::string::npos) << first;
  EXPECT_NE(first.find(">92.0%<"), std::string::npos) << first;
  EXPECT_NE(first.find("▲ +6.3 pt"), std::string::npos) << first;
  EXPECT_NE(first.find("116 / 118 (+2 pending)"), std::string::npos) << first;
  EXPECT_NE(kpi_row(html, "average_cycle_days").find(">3.0<"), std::string::npos);
  EXPECT_NE(kpi_row(html, "satisfaction").find(">4.50<"), std::string::npos);
  EXPECT_NE(kpi_row(html, "recurrence_rate").find("change better\">▼ −3.0 pt"), std::string::npos);
  EXPECT_NE(kpi_row(html, "critical").find("change same\">0.0%<"), std::string::npos);
  EXPECT_NE(kpi_row(html, "eight_d_on_time").find(">100.0%<"), std::string::npos);
  EXPECT_NE(html.find("<h1>Period review 2026-01-01 – 2026-12-31</h1>"), std::string::npos);
  EXPECT_NE(html.find("2025-01-01 – 2025-12-31"), std::string::npos); // the previous period
  EXPECT_NE(html.find("2026-12-31 18:00 UTC"), std::string::npos);    // as of
}

TEST(Html, FourChartsAsDataImages) {
  const std::string html = export_html(sample(), "en", "review-charts.html");
  const auto svgs = charts(html);
  ASSERT_EQ(svgs.size(), 4u);
  EXPECT_NE(svgs[0].find("Complaints by type"), std::string::npos);
  EXPECT_NE(svgs[1].find("PCBA-X100"), std::string::npos);
  EXPECT_NE(svgs[2].find("Product quality / Welding"), std::string::npos);
  EXPECT_NE(svgs[3].find("Monthly trend"), std::string::npos);
  for (const auto &svg : svgs) EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  // Only inline styles and data: images may load.
  EXPECT_NE(html.find("default-src 'none'; img-src data:"), std::string::npos);
}

TEST(Html, AnInjectedScriptInAProductKeyIsInert) {
  const std::string html = export_html(with_product_key(sample(), kScript), "en", "hostile.html");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&apos;pwned&apos;)&lt;/script&gt;"), std::string::npos);
  for (const auto &svg : charts(html)) EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_NE(charts(html)[1].find("&lt;script&gt;"), std::string::npos);
}

TEST(Html, ChineseLabels) {
  const std::string html = export_html(sample(), "zh-CN", "review-zh.html");
  EXPECT_NE(html.find("<html lang=\"zh-CN\">"), std::string::npos);
  for (const char *s :
       {"质量回顾 2026-01-01 – 2026-12-31", "客诉总数", "首次响应及时率", "24小时确认率", "8D按时完成率",
        "产品柏拉图", "缺陷柏拉图", "月度趋势", "产品质量 / 焊接", "关键少数"})
    EXPECT_NE(html.find(s), std::string::npos) << s;
  EXPECT_NE(kpi_row(html, "first_response_in_target").find("▲ +6.3 个百分点"), std::string::npos);
}

TEST(Html, TheVitalFewAreMarked) {
  const std::string html = export_html(sample(), "en", "vital.html");
  const auto product = html.substr(html.find("id=\"pareto-product\""));
  EXPECT_EQ(count(product.substr(0, product.find("</section>")), "<tr class=\"vital\">"), 2u);
  EXPECT_NE(html.find("Vital few: the 2 items that bring the cumulative share up to the threshold of 80.0%."),
            std::string::npos);
}

TEST(Html, CompanyFromConfigOrOption) {
  FakeHost host(Config{{"company", "华东电子 <QA>"}});
  const fs::path out = output_dir("html") / "company.html";
  run_export(host, "html", out, "en", sample());
  EXPECT_NE(read_file(out).find("<div class=\"company\">华东电子 &lt;QA&gt;</div>"), std::string::npos);
  run_export(host, "html", out, "en", sample(), {{"company", "ACME"}});
  EXPECT_NE(read_file(out).find("<div class=\"company\">ACME</div>"), std::string::npos);
}

TEST(Html, ASiteTemplateReplacesTheBuiltInOneAndStillEscapes) {
  const fs::path dir = output_dir("site-template");
  write_text(dir / "review.html.mustache",
             "<h1>ACME {{title}}</h1>{{#kpis}}<p id=\"{{id}}\">{{label}}={{current}}</p>{{/kpis}}"
             "{{#pareto_product}}{{#rows}}<i>{{key}}</i>{{/rows}}{{/pareto_product}}");
  FakeHost host(Config{{"template_dir", dir.string()}});
  const fs::path out = dir / "out.html";
  const auto run = run_export(host, "html", out, "en", with_product_key(sample(), "<b>X</b>"));
  const std::string html = read_file(out);
  EXPECT_NE(html.find("<h1>ACME Period review 2026-01-01 – 2026-12-31</h1>"), std::string::npos) << html;
  EXPECT_NE(html.find("<p id=\"received\">Complaints received=120</p>"), std::string::npos);
  EXPECT_NE(html.find("<i>&lt;b&gt;X&lt;/b&gt;</i>"), std::string::npos);
  EXPECT_EQ(run.summary["template"], (dir / "review.html.mustache").string());
}

TEST(Html, AMissingTemplateDirectoryIsAConfigError) {
  FakeHost host(Config{{"template_dir", "/nonexistent/qloop-review"}});
  qloop::review::ReviewExporter plugin{qloop::sdk::Host(host.raw())};
  try {
    plugin.begin(json{{"format", "html"}, {"output", "/tmp/unused.html"}}.dump());
    ADD_FAILURE() << "expected an error";
  } catch (const qloop::sdk::Error &e) {
    EXPECT_EQ(e.status(), QLOOP_ERR_CONFIG);
    EXPECT_NE(std::string(e.what()).find(
                  "[export.review] template_dir '/nonexistent/qloop-review' is not a directory"),
              std::string::npos)
        << e.what();
  }
}

TEST(Html, ABrokenTemplateNamesTheFile) {
  const fs::path dir = output_dir("site-template-broken");
  write_text(dir / "review.html.mustache", "<h1>{{title}}</h1>{{#kpis}}<p>{{label}}</p>");
  FakeHost host(Config{{"template_dir", dir.string()}});
  qloop::review::ReviewExporter plugin{qloop::sdk::Host(host.raw())};
  try {
    plugin.begin(json{{"format", "html"}, {"output", "/tmp/unused.html"}}.dump());
    ADD_FAILURE() << "expected an error";
  } catch (const qloop::sdk::Error &e) {
    EXPECT_EQ(e.status(), QLOOP_ERR_CONFIG);
    EXPECT_NE(std::string(e.what()).find((dir / "review.html.mustache").string()), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("kpis"), std::string::npos) << e.what();
  }
}

TEST(Html, TheShippedTemplateIsTheBuiltInOne) {
  // A site starts from templates/review.html.mustache: it must be what is compiled in.
  EXPECT_EQ(read_file(fs::path(REVIEW_TEMPLATES_DIR) / "review.html.mustache"),
            std::string(qloop::review::kDefaultHtmlTemplate));
}
