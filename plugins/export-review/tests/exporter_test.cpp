// The plugin class as the host drives it: the request, one KPI report, the
// summary; errors with the right status before any file is touched; the
// output written atomically.
#include "test_support.hpp"

using namespace review_test;
using qloop::review::ReviewExporter;

namespace {

// The status and message of `call`, or QLOOP_OK.
template <class Call> std::pair<qloop_status, std::string> outcome(Call call) {
  try {
    call();
  } catch (const qloop::sdk::Error &e) {
    return {e.status(), e.what()};
  }
  return {QLOOP_OK, ""};
}

json request(const std::string &format, const fs::path &out, json options = json::object()) {
  return {{"format", format}, {"output", out.string()}, {"lang", "en"}, {"options", options}};
}

} // namespace

TEST(Exporter, SummaryOfEachFormat) {
  FakeHost host;
  const fs::path dir = output_dir("summary");
  for (const std::string format : {"html", "pdf", "xlsx"}) {
    const fs::path out = dir / ("review." + format);
    const auto run = run_export(host, format, out, "en", sample());
    EXPECT_EQ(run.summary["output"], out.string());
    EXPECT_EQ(run.summary["format"], format);
    EXPECT_EQ(run.summary["report"], "review");
    EXPECT_EQ(run.summary["period"], (json{{"from", "2026-01-01"}, {"to", "2026-12-31"}}));
    EXPECT_EQ(run.summary["previous_period"], (json{{"from", "2025-01-01"}, {"to", "2025-12-31"}}));
    EXPECT_EQ(run.summary["kpis"], 12);
    EXPECT_TRUE(fs::exists(out)) << format;
  }
  for (const auto &entry : fs::directory_iterator(dir))
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path(); // nothing left behind
  bool logged = false;
  for (const auto &line : host.logs())
    logged = logged || line.find("export.review: wrote") != std::string::npos;
  EXPECT_TRUE(logged);
}

TEST(Exporter, BadRequestsFailInBegin) {
  FakeHost host;
  ReviewExporter plugin{qloop::sdk::Host(host.raw())};
  const fs::path out = output_dir("requests") / "r.html";
  auto begin = [&](const json &r) { return outcome([&] { plugin.begin(r.dump()); }); };
  EXPECT_EQ(begin(request("md", out)).first, QLOOP_ERR_UNSUPPORTED);
  EXPECT_NE(begin(request("md", out)).second.find("html, pdf or xlsx"), std::string::npos);
  EXPECT_EQ(begin(json{{"format", "html"}}).first, QLOOP_ERR_INVALID_INPUT);
  json bad_lang = request("html", out);
  bad_lang["lang"] = "fr";
  EXPECT_NE(begin(bad_lang).second.find("'lang'"), std::string::npos);
  const auto other = begin(request("html", out, {{"report", "ledger"}}));
  EXPECT_EQ(other.first, QLOOP_ERR_UNSUPPORTED);
  EXPECT_NE(other.second.find("not the 'ledger' report"), std::string::npos);
  EXPECT_EQ(outcome([&] { plugin.write_batch("[]"); }).first, QLOOP_ERR_INVALID_INPUT); // begin failed
  EXPECT_EQ(begin(request("html", out, {{"report", "review"}})).first, QLOOP_OK);
}

TEST(Exporter, BadBatchesFailInWriteBatch) {
  FakeHost host;
  ReviewExporter plugin{qloop::sdk::Host(host.raw())};
  const fs::path out = output_dir("batches") / "r.html";
  fs::remove(out);
  plugin.begin(request("html", out).dump());
  EXPECT_EQ(outcome([&] { plugin.write_batch("{}"); }).first, QLOOP_ERR_INVALID_INPUT);
  const auto case_file = outcome([&] { plugin.write_batch(R"([{"complaint": {"number": "QC-1"}}])"); });
  EXPECT_EQ(case_file.first, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(case_file.second.find("kpis"), std::string::npos);
  const auto two = outcome([&] { plugin.write_batch(json::array({sample(), sample()}).dump()); });
  EXPECT_EQ(two.first, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(two.second.find("second"), std::string::npos);
  EXPECT_FALSE(fs::exists(out));
}

TEST(Exporter, FinishWithoutAReportIsAnError) {
  FakeHost host;
  ReviewExporter plugin{qloop::sdk::Host(host.raw())};
  const fs::path out = output_dir("finish") / "r.pdf";
  fs::remove(out);
  plugin.begin(request("pdf", out).dump());
  plugin.write_batch("[]");
  const auto r = outcome([&] { plugin.finish(); });
  EXPECT_EQ(r.first, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(r.second.find("no KPI report"), std::string::npos);
  EXPECT_FALSE(fs::exists(out));
}

TEST(Exporter, AnUnwritableOutputIsAnIoErrorAndLeavesNothing) {
  FakeHost host;
  const fs::path dir = output_dir("unwritable");
  for (const std::string format : {"html", "pdf", "xlsx"}) {
    ReviewExporter plugin{qloop::sdk::Host(host.raw())};
    const fs::path out = dir / "no-such-dir" / ("r." + format);
    plugin.begin(request(format, out).dump());
    plugin.write_batch(json::array({sample()}).dump());
    const auto r = outcome([&] { plugin.finish(); });
    EXPECT_EQ(r.first, QLOOP_ERR_IO) << format << ": " << r.second;
    EXPECT_NE(r.second.find(out.parent_path().string()), std::string::npos) << r.second;
  }
  EXPECT_FALSE(fs::exists(dir / "no-such-dir"));
}

TEST(Exporter, UnknownOptionsAreWarnedAbout) {
  FakeHost host;
  const fs::path out = output_dir("options") / "r.html";
  run_export(host, "html", out, "en", sample(), {{"colour", "blue"}});
  bool warned = false;
  for (const auto &line : host.logs())
    warned = warned || line.find("unknown option 'colour'") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(Exporter, TheDescriptorDeclaresFormatsAndKeys) {
  EXPECT_STREQ(ReviewExporter::id, "export.review");
  std::vector<std::string> formats;
  for (const char *const *f = ReviewExporter::formats; *f != nullptr; ++f) formats.emplace_back(*f);
  EXPECT_EQ(formats, (std::vector<std::string>{"html", "pdf", "xlsx"}));
  std::vector<std::string> keys;
  for (const auto &k : ReviewExporter::config_keys) keys.emplace_back(k.name);
  EXPECT_EQ(keys, (std::vector<std::string>{"template_dir", "company", "font_family"}));
}
