// The exporter contract: begin() checks the request and configuration,
// write_batch() takes exactly one case file, finish() writes the report
// atomically and returns a summary.
#include "test_support.hpp"

using namespace eightd_test;
using qloop::eightd::EightDExporter;

namespace {

json request(const std::string &format, const std::string &output, const json &extra = json::object()) {
  json r = {{"format", format}, {"output", output}};
  r.update(extra);
  return r;
}

template <class Fn> std::pair<qloop_status, std::string> failure(Fn &&fn) {
  try {
    fn();
  } catch (const qloop::sdk::Error &e) {
    return {e.status(), e.what()};
  }
  return {QLOOP_OK, ""};
}

} // namespace

TEST(Exporter, DescribesItself) {
  EXPECT_STREQ(EightDExporter::id, "export.8d");
  EXPECT_STREQ(EightDExporter::formats[0], "html");
  EXPECT_STREQ(EightDExporter::formats[1], "pdf");
  EXPECT_STREQ(EightDExporter::formats[2], "md");
  EXPECT_EQ(EightDExporter::formats[3], nullptr);
}

TEST(Exporter, BeginRejectsBadRequests) {
  FakeHost host;
  EightDExporter p{qloop::sdk::Host(host.raw())};
  auto [s1, m1] = failure([&] { p.begin(request("docx", "/tmp/x").dump()); });
  EXPECT_EQ(s1, QLOOP_ERR_UNSUPPORTED);
  EXPECT_NE(m1.find("'docx'"), std::string::npos);
  auto [s2, m2] = failure([&] { p.begin(request("pdf", "/tmp/x", {{"lang", "fr"}}).dump()); });
  EXPECT_EQ(s2, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(m2.find("'lang'"), std::string::npos);
  auto [s3, m3] = failure([&] { p.begin(json{{"format", "html"}}.dump()); });
  EXPECT_NE(m3.find("'output'"), std::string::npos);
  auto [s4, m4] = failure([&] { p.begin("{not json"); });
  EXPECT_EQ(s4, QLOOP_ERR_INVALID_INPUT);
  auto [s5, m5] = failure([&] { p.write_batch("[]"); });
  EXPECT_NE(m5.find("begin()"), std::string::npos);
}

TEST(Exporter, ExactlyOneCaseFile) {
  FakeHost host;
  const fs::path out = output_dir("exporter") / "one.html";
  EightDExporter p{qloop::sdk::Host(host.raw())};
  p.begin(request("html", out.string()).dump());
  p.write_batch("[]"); // an empty batch is fine
  json second = full_case();
  second["complaint"]["number"] = "QC-2025-00043";
  auto [status, message] = failure([&] { p.write_batch(json::array({full_case(), second}).dump()); });
  EXPECT_EQ(status, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(message.find("exactly one complaint"), std::string::npos);
  EXPECT_NE(message.find("QC-2025-00043"), std::string::npos);

  EightDExporter q{qloop::sdk::Host(host.raw())};
  q.begin(request("html", out.string()).dump());
  auto [s2, m2] = failure([&] { q.finish(); });
  EXPECT_EQ(s2, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(m2.find("no case file"), std::string::npos);
  auto [s3, m3] = failure([&] { q.write_batch("{\"complaint\":{}}"); });
  EXPECT_NE(m3.find("JSON array"), std::string::npos);
}

TEST(Exporter, CaseFileErrorsSurfaceInWriteBatchAndNothingIsWritten) {
  FakeHost host;
  const fs::path out = output_dir("exporter") / "never.pdf";
  fs::remove(out);
  EightDExporter p{qloop::sdk::Host(host.raw())};
  p.begin(request("pdf", out.string()).dump());
  json c = full_case();
  c["eight_d"]["d1"] = "the usual team";
  auto [status, message] = failure([&] { p.write_batch(json::array({c}).dump()); });
  EXPECT_EQ(status, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(message.find("'eight_d.d1' must be an array"), std::string::npos);
  EXPECT_FALSE(fs::exists(out));
}

TEST(Exporter, UnwritableOutputIsAnIoErrorAndLeavesNoTemporaryFile) {
  FakeHost host;
  const fs::path dir = output_dir("exporter-readonly");
  for (const char *format : {"pdf", "html"}) {
    const fs::path out = dir / "missing-subdir" / (std::string("x.") + format);
    EightDExporter p{qloop::sdk::Host(host.raw())};
    p.begin(request(format, out.string()).dump());
    p.write_batch(json::array({full_case()}).dump());
    auto [status, message] = failure([&] { p.finish(); });
    EXPECT_EQ(status, QLOOP_ERR_IO) << format;
    EXPECT_NE(message.find("cannot write"), std::string::npos) << message;
  }
  EXPECT_TRUE(fs::is_empty(dir));
}

TEST(Exporter, ReplacesAnExistingReportAtomically) {
  FakeHost host;
  const fs::path dir = output_dir("exporter-replace");
  const fs::path out = dir / "8d.html";
  write_text(out, "old report");
  run_export(host, "html", out.string(), "en", full_case());
  EXPECT_NE(read_file(out).find("QC-2025-00042"), std::string::npos);
  int files = 0;
  for (const auto &entry : fs::directory_iterator(dir)) files += entry.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 1); // no temporary left beside it
}

TEST(Exporter, MaxTextBytesCutsHugeFields) {
  FakeHost host(Config{{"max_text_bytes", "1000"}});
  json c = full_case();
  c["eight_d"]["d0"] = std::string(10 * 1024 * 1024, 'x'); // 10 MB of text
  const fs::path out = output_dir("exporter") / "huge.html";
  run_export(host, "html", out.string(), "en", c);
  const std::string html = read_file(out);
  EXPECT_LT(html.size(), 200000u);
  EXPECT_NE(html.find("[truncated, 10485760 bytes]"), std::string::npos);
  FakeHost bad(Config{{"max_text_bytes", "10"}});
  EightDExporter p{qloop::sdk::Host(bad.raw())};
  auto [status, message] = failure([&] { p.begin(request("html", out.string()).dump()); });
  EXPECT_EQ(status, QLOOP_ERR_CONFIG);
}

TEST(Exporter, TheHostSampleRendersInEveryFormat) {
  FakeHost host;
  const json sample = json::parse(read_file(fs::path(EIGHTD_TEST_DATA) / "casefile-sample.json"));
  const fs::path dir = output_dir("sample");
  for (const char *format : {"html", "pdf", "md"}) {
    const fs::path out = dir / (std::string("QC-2025-00001.") + format);
    const auto run = run_export(host, format, out.string(), "zh-CN", sample);
    EXPECT_TRUE(fs::file_size(out) > 1000) << format;
    EXPECT_EQ(run.summary["complaint"], "QC-2025-00001");
    EXPECT_EQ(run.summary["actions"], 2);
  }
}
