// Sites change the layout through template_dir without recompiling; a
// missing or broken template is a clear configuration error at begin().
#include "test_support.hpp"

using namespace eightd_test;

namespace {

// begin() only: returns the error message, or "" when it succeeded.
std::string begin_error(FakeHost &host, const std::string &format, const json &options = json::object()) {
  qloop::eightd::EightDExporter plugin{qloop::sdk::Host(host.raw())};
  try {
    plugin.begin(json{{"format", format}, {"output", "/tmp/unused"}, {"options", options}}.dump());
  } catch (const qloop::sdk::Error &e) {
    EXPECT_EQ(e.status(), QLOOP_ERR_CONFIG) << e.what();
    return e.what();
  }
  return "";
}

} // namespace

TEST(TemplateDir, ASiteTemplateReplacesTheBuiltInOneAndStillEscapes) {
  const fs::path dir = output_dir("site-templates");
  write_text(dir / "8d.html.mustache",
             "<html><body><h1>ACME 8D {{number}}</h1><p class=site>{{customer}}</p>"
             "{{#root_causes}}<h2>{{kind_label}}</h2>{{/root_causes}}</body></html>");
  FakeHost host(Config{{"template_dir", dir.string()}});
  json c = full_case();
  c["complaint"]["customer"] = "<b>bold</b> 客户";
  const fs::path out = dir / "out.html";
  const auto run = run_export(host, "html", out.string(), "en", c);
  const std::string html = read_file(out);
  EXPECT_NE(html.find("<h1>ACME 8D QC-2025-00042</h1>"), std::string::npos);
  EXPECT_NE(html.find("<p class=site>&lt;b&gt;bold&lt;/b&gt; 客户</p>"), std::string::npos);
  EXPECT_NE(html.find("<h2>Occurrence cause</h2><h2>Escape cause</h2>"), std::string::npos);
  EXPECT_EQ(run.summary["template"], (dir / "8d.html.mustache").string());
}

TEST(TemplateDir, AFileNotInTheDirectoryFallsBackToTheBuiltIn) {
  const fs::path dir = output_dir("site-templates-html-only");
  write_text(dir / "8d.html.mustache", "<p>{{number}}</p>");
  FakeHost host(Config{{"template_dir", dir.string()}});
  const fs::path out = dir / "out.md";
  const auto run = run_export(host, "md", out.string(), "en", full_case());
  EXPECT_EQ(run.summary["template"], "built-in");
  EXPECT_NE(read_file(out).find("# 8D Report"), std::string::npos);
}

TEST(TemplateDir, MarkdownSiteTemplateUsesMarkdownEscaping) {
  const fs::path dir = output_dir("site-templates-md");
  write_text(dir / "8d.md.mustache", "# {{number}}\n\n{{d0}}\n");
  FakeHost host(Config{{"template_dir", dir.string()}});
  json c = full_case();
  c["eight_d"]["d0"] = "*urgent* <b>";
  const fs::path out = dir / "out.md";
  run_export(host, "md", out.string(), "en", c);
  EXPECT_EQ(read_file(out), "# QC-2025-00042\n\n\\*urgent\\* \\<b\\>\n");
}

TEST(TemplateDir, MissingDirectoryIsAClearError) {
  FakeHost host(Config{{"template_dir", "/nonexistent/qloop-templates"}});
  const std::string error = begin_error(host, "html");
  EXPECT_NE(error.find("template_dir '/nonexistent/qloop-templates' is not a directory"), std::string::npos)
      << error;
  EXPECT_NE(begin_error(host, "pdf").find("not a directory"), std::string::npos); // 8d.pdf.json lives there
}

TEST(TemplateDir, BrokenTemplateNamesTheFile) {
  const fs::path dir = output_dir("site-templates-broken");
  write_text(dir / "8d.html.mustache", "<h1>{{number}}</h1>{{#root_causes}}<p>{{kind}}</p>");
  FakeHost host(Config{{"template_dir", dir.string()}});
  const std::string error = begin_error(host, "html");
  EXPECT_NE(error.find((dir / "8d.html.mustache").string()), std::string::npos) << error;
  EXPECT_NE(error.find("root_causes"), std::string::npos) << error;
}

TEST(TemplateDir, RequestOptionOverridesTheConfig) {
  FakeHost host(Config{{"template_dir", "/nonexistent/a"}});
  EXPECT_EQ(begin_error(host, "html", {{"template_dir", ""}}), "");
  EXPECT_NE(begin_error(host, "html", {{"template_dir", "/nonexistent/b"}}).find("/nonexistent/b"),
            std::string::npos);
}

TEST(TemplateDir, PdfStyleFileIsCheckedKeyByKey) {
  const fs::path dir = output_dir("site-templates-pdf-bad");
  FakeHost host(Config{{"template_dir", dir.string()}});
  write_text(dir / "8d.pdf.json", R"({"font_sise": 10})");
  EXPECT_NE(begin_error(host, "pdf").find("unknown key 'font_sise'"), std::string::npos);
  write_text(dir / "8d.pdf.json", R"({"margin_mm": 90})");
  EXPECT_NE(begin_error(host, "pdf").find("'margin_mm' must be between"), std::string::npos);
  write_text(dir / "8d.pdf.json", R"({"sections": ["d1", "d9"]})");
  EXPECT_NE(begin_error(host, "pdf").find("unknown section 'd9'"), std::string::npos);
  write_text(dir / "8d.pdf.json", R"({"header": "{{#number}}"})");
  EXPECT_NE(begin_error(host, "pdf").find("'header'"), std::string::npos);
  write_text(dir / "8d.pdf.json", "{not json");
  EXPECT_NE(begin_error(host, "pdf").find("not valid JSON"), std::string::npos);
}

TEST(TemplateDir, ShippedTemplatesAreTheBuiltInOnes) {
  // A site starts from the files in templates/: they must be what is compiled in.
  EXPECT_EQ(read_file(fs::path(EIGHTD_TEMPLATES_DIR) / "8d.html.mustache"),
            std::string(qloop::eightd::builtin_template(qloop::eightd::TextFormat::html)));
  EXPECT_EQ(read_file(fs::path(EIGHTD_TEMPLATES_DIR) / "8d.md.mustache"),
            std::string(qloop::eightd::builtin_template(qloop::eightd::TextFormat::markdown)));
}
