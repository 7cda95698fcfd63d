// The plugin class as the host drives it (begin / write_batch / finish), with
// a fake host for config and logs, and once through the C ABI table to see
// that errors become statuses and messages, never exceptions.
#include <gtest/gtest.h>
#include <qloop/plugin.hpp>

#include "ledger_plugin.hpp"
#include "test_support.hpp"

using namespace qloop::ledger;
using namespace ledger_test;

namespace {

json request(const std::string &format, const std::filesystem::path &out, json options = json::object(),
             const std::string &lang = "en") {
  return {{"format", format}, {"output", out.string()}, {"lang", lang}, {"options", std::move(options)}};
}

template <class Fn> std::string error_of(Fn &&fn, qloop_status expected) {
  try {
    fn();
  } catch (const qloop::sdk::Error &e) {
    EXPECT_EQ(e.status(), expected) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no error";
  return {};
}

} // namespace

TEST(Plugin, DrivesAnXlsxExportAndEchoesFilters) {
  const auto dir = temp_dir();
  FakeHost host;
  LedgerExporterPlugin plugin{qloop::sdk::Host(host.get())};
  const json filters = {{"status", "archived"}, {"from", "2025-01-01"}};
  plugin.begin(request("xlsx", dir / "l.xlsx", {{"report", "ledger"}, {"filters", filters}}).dump());
  json batch = json::array();
  for (int i = 0; i < 3; ++i) batch.push_back(sample_case());
  plugin.write_batch(batch.dump());
  plugin.write_batch(json::array({hostile_case(), bare_case("QC-9")}).dump());
  const json summary = json::parse(plugin.finish());
  EXPECT_EQ(summary["output"], (dir / "l.xlsx").string());
  EXPECT_EQ(summary["format"], "xlsx");
  EXPECT_EQ(summary["complaints"], 5);
  EXPECT_EQ(summary["actions"], 8);
  EXPECT_EQ(summary["filters"], filters);
  EXPECT_TRUE(std::filesystem::exists(dir / "l.xlsx"));
  EXPECT_EQ(read_back("xlsx", dir / "l.xlsx")["sheets"][0]["rows"].size(), 6u);
  ASSERT_FALSE(host.messages().empty());
  EXPECT_NE(host.messages().back().find("5 complaints"), std::string::npos);
}

TEST(Plugin, ConfigDefaultsAndOptionsOverThem) {
  const auto dir = temp_dir();
  FakeHost host(std::map<std::string, std::string>{
      {"csv_bom", "true"}, {"utc_offset", "+08:00"}, {"csv_injection_guard", "true"}});
  LedgerExporterPlugin plugin{qloop::sdk::Host(host.get())};

  plugin.begin(request("csv", dir / "a.csv").dump());
  plugin.write_batch(json::array({sample_case()}).dump());
  json s = json::parse(plugin.finish());
  EXPECT_TRUE(s["bom"].get<bool>());
  EXPECT_EQ(s["utc_offset"], "UTC+08:00");
  EXPECT_EQ(read_text((dir / "a.csv").string()).substr(0, 3), "\xEF\xBB\xBF");

  // --option bom=false arrives as JSON false, utc_offset=-5 as a number, a
  // string "false" is accepted too.
  plugin.begin(
      request("csv", dir / "b.csv",
              {{"bom", false}, {"utc_offset", -5}, {"csv_injection_guard", "false"}, {"colour", "red"}})
          .dump());
  plugin.write_batch(json::array({hostile_case()}).dump());
  s = json::parse(plugin.finish());
  EXPECT_FALSE(s["bom"].get<bool>());
  EXPECT_EQ(s["utc_offset"], "UTC-05:00");
  EXPECT_EQ(s["guarded_cells"], 0);
  EXPECT_EQ(s["ignored_options"], json({"colour"}));
  bool warned = false;
  for (const auto &m : host.messages()) warned = warned || m.find("'colour'") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(Plugin, RequestErrorsNameTheField) {
  const auto dir = temp_dir();
  FakeHost host;
  LedgerExporterPlugin plugin{qloop::sdk::Host(host.get())};
  EXPECT_NE(error_of([&] { plugin.begin(request("pdf", dir / "x.pdf").dump()); }, QLOOP_ERR_UNSUPPORTED)
                .find("'format'"),
            std::string::npos);
  EXPECT_NE(
      error_of([&] { plugin.begin(request("csv", dir / "x.csv", {}, "fr").dump()); }, QLOOP_ERR_INVALID_INPUT)
          .find("'lang'"),
      std::string::npos);
  EXPECT_NE(error_of([&] { plugin.begin(request("csv", "relative.csv").dump()); }, QLOOP_ERR_INVALID_INPUT)
                .find("'output'"),
            std::string::npos);
  EXPECT_NE(error_of(
                [&] {
                  plugin.begin(request("csv", dir / "x.csv", {{"bom", "perhaps"}}).dump());
                },
                QLOOP_ERR_INVALID_INPUT)
                .find("'bom'"),
            std::string::npos);
  EXPECT_NE(error_of(
                [&] {
                  plugin.begin(request("csv", dir / "x.csv", {{"utc_offset", "Mars"}}).dump());
                },
                QLOOP_ERR_INVALID_INPUT)
                .find("utc_offset"),
            std::string::npos);
  EXPECT_NE(error_of(
                [&] {
                  plugin.begin(request("csv", dir / "x.csv", {{"table", "contacts"}}).dump());
                },
                QLOOP_ERR_INVALID_INPUT)
                .find("'table'"),
            std::string::npos);
  error_of([&] { plugin.begin(request("xlsx", dir / "missing-dir" / "x.xlsx").dump()); }, QLOOP_ERR_IO);
  error_of([&] { plugin.write_batch("[]"); }, QLOOP_ERR_INVALID_INPUT); // no begin
  error_of([&] { plugin.finish(); }, QLOOP_ERR_INVALID_INPUT);

  FakeHost bad_config(std::map<std::string, std::string>{{"utc_offset", "Asia/Shanghai"}});
  LedgerExporterPlugin configured{qloop::sdk::Host(bad_config.get())};
  EXPECT_NE(error_of([&] { configured.begin(request("csv", dir / "x.csv").dump()); }, QLOOP_ERR_CONFIG)
                .find("[export.ledger] utc_offset"),
            std::string::npos);
}

TEST(Plugin, BadBatchesNameTheRecordAndNothingIsWritten) {
  const auto dir = temp_dir();
  FakeHost host;
  LedgerExporterPlugin plugin{qloop::sdk::Host(host.get())};
  const auto out = dir / "bad.jsonl";

  plugin.begin(request("jsonl", out).dump());
  EXPECT_NE(
      error_of([&] { plugin.write_batch("{\"complaint\":{}}"); }, QLOOP_ERR_INVALID_INPUT).find("batch 1"),
      std::string::npos);

  plugin.begin(request("jsonl", out).dump());
  EXPECT_NE(error_of([&] { plugin.write_batch("[{\"complaint\":"); }, QLOOP_ERR_INVALID_INPUT)
                .find("not valid JSON"),
            std::string::npos);

  plugin.begin(request("jsonl", out).dump());
  plugin.write_batch(json::array({sample_case()}).dump());
  json broken = json::array({sample_case(), sample_case(), {{"number", "QC-7"}}});
  broken[1]["complaint"]["number"] = "QC-6";
  const std::string msg = error_of([&] { plugin.write_batch(broken.dump()); }, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(msg.find("batch 2, record 3"), std::string::npos) << msg;
  EXPECT_NE(msg.find("'complaint'"), std::string::npos) << msg;
  // The export is now incomplete: it refuses to finish and leaves no file.
  error_of([&] { plugin.finish(); }, QLOOP_ERR_INVALID_INPUT);
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_FALSE(std::filesystem::exists(out.string() + ".part"));
}

TEST(Plugin, ThroughTheCAbi) {
  const auto dir = temp_dir();
  FakeHost host;
  const qloop_plugin_descriptor *d = qloop::sdk::detail::Adapter<LedgerExporterPlugin>::entry(host.get());
  ASSERT_NE(d, nullptr);
  EXPECT_STREQ(d->id, "export.ledger");
  EXPECT_EQ(d->kind, QLOOP_KIND_EXPORTER);
  const auto *api = static_cast<const qloop_exporter_api *>(d->kind_api);
  EXPECT_STREQ(api->formats[0], "xlsx");
  EXPECT_STREQ(api->formats[1], "csv");
  EXPECT_STREQ(api->formats[2], "jsonl");
  EXPECT_EQ(api->formats[3], nullptr);
  EXPECT_EQ(api->write_columns, nullptr); // case files are nested: JSON only

  qloop_instance *inst = nullptr;
  ASSERT_EQ(d->create(host.get(), &inst), QLOOP_OK);
  const std::string bad = request("docx", dir / "x.docx").dump();
  EXPECT_EQ(api->begin(inst, bad.data(), bad.size()), QLOOP_ERR_UNSUPPORTED);
  EXPECT_NE(std::string(d->last_error(inst)).find("docx"), std::string::npos);

  const std::string ok = request("csv", dir / "abi.csv").dump();
  ASSERT_EQ(api->begin(inst, ok.data(), ok.size()), QLOOP_OK);
  const std::string batch = json::array({sample_case()}).dump();
  ASSERT_EQ(api->write_batch(inst, batch.data(), batch.size()), QLOOP_OK);
  const char *result = nullptr;
  std::size_t len = 0;
  ASSERT_EQ(api->finish(inst, &result, &len), QLOOP_OK);
  EXPECT_EQ(json::parse(std::string(result, len))["complaints"], 1);
  d->destroy(inst);
}
