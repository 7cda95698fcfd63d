// Shared by the export.8d tests: a fake host (config section, captured log),
// case files built in the test (hostile text, Chinese, five analyses with
// SVG charts), a driver for the plugin class, and poppler-utils runners.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <qloop/plugin.h>
#include <qloop/svg.hpp>

#include "exporter.hpp"

namespace eightd_test {

using json = nlohmann::json;
namespace fs = std::filesystem;

using Config = std::map<std::string, std::string>;

// A qloop_host whose services read a config map and keep the log.
class FakeHost {
public:
  explicit FakeHost(Config config = {}) : config_(std::move(config)) {
    services_.struct_size = sizeof(services_);
    services_.log = &FakeHost::log;
    services_.config_get = &FakeHost::config_get;
    services_.submit_records = [](qloop_host_ctx *, const char *, size_t) -> qloop_status {
      return QLOOP_ERR_HOST;
    };
    services_.quarantine = [](qloop_host_ctx *, const char *, const char *, size_t,
                              const char *) -> qloop_status { return QLOOP_ERR_HOST; };
    host_.struct_size = sizeof(host_);
    host_.abi_major = QLOOP_ABI_MAJOR;
    host_.abi_minor = QLOOP_ABI_MINOR;
    host_.host_version = "test";
    host_.ctx = reinterpret_cast<qloop_host_ctx *>(this);
    host_.services = &services_;
  }
  FakeHost(const FakeHost &) = delete;
  FakeHost &operator=(const FakeHost &) = delete;

  const qloop_host *raw() const { return &host_; }
  const std::vector<std::string> &logs() const { return logs_; }
  std::map<std::string, std::string> &config() { return config_; }

private:
  static FakeHost *self(qloop_host_ctx *ctx) { return reinterpret_cast<FakeHost *>(ctx); }
  static void log(qloop_host_ctx *ctx, qloop_log_level, const char *msg) {
    self(ctx)->logs_.emplace_back(msg);
  }
  static const char *config_get(qloop_host_ctx *ctx, const char *key) {
    auto &c = self(ctx)->config_;
    if (auto it = c.find(key); it != c.end()) return it->second.c_str();
    // The host applies declared defaults before the plugin sees them.
    for (const auto &k : qloop::eightd::EightDExporter::config_keys)
      if (std::string(k.name) == key) return k.default_value;
    return nullptr;
  }

  std::map<std::string, std::string> config_;
  std::vector<std::string> logs_;
  qloop_host_services services_{};
  qloop_host host_{};
};

inline const char *kScript = "<script>alert('pwned')</script>";
inline const char *kChineseCustomer = "北方重工机械有限公司";
inline const char *kChinesePhenomenon = "焊点虚焊导致整机无法启动";

// A bar chart as the analysis plugins draw it (SDK svg writer, CJK font
// stack), with Chinese labels; `hostile` adds what a forged result could carry.
inline std::string bar_chart(const std::string &title, int bars, bool hostile = false) {
  qloop::svg::Document doc(640, 360);
  auto plot = qloop::svg::axes(doc, 640, 360, 0, bars, 0, 100, title, "类别 category", "数量 count", false);
  for (int i = 0; i < bars; ++i) {
    const double v = 90.0 - i * 70.0 / bars;
    doc.rect(plot.x(i + 0.15), plot.y(v), plot.x(i + 0.85) - plot.x(i + 0.15), plot.y(0) - plot.y(v),
             "#4472c4");
    doc.text(plot.x(i + 0.5), plot.bottom + 16, "缺陷" + std::to_string(i + 1), 11, "middle");
  }
  if (hostile)
    doc.raw("<script>alert('svg')</script><foreignObject><div>x</div></foreignObject>"
            "<image href=\"file:///etc/passwd\" width=\"1\" height=\"1\"/>"
            "<a href=\"javascript:alert(1)\"><text x=\"5\" y=\"350\" onclick=\"alert(2)\">link</text></a>");
  return doc.str();
}

inline json analysis(int id, const std::string &method, const std::string &plugin, const std::string &section,
                     json result) {
  result["method"] = method;
  return {{"id", id},
          {"method", method},
          {"plugin", plugin},
          {"section", section},
          {"request", json::object()},
          {"result", result},
          {"at", "2025-11-28T09:15:00Z"}};
}

inline json five_why_result() {
  json chains = json::array();
  chains.push_back({{"id", "C1"},
                    {"kind", "occurrence"},
                    {"title", "虚焊 cold joint"},
                    {"steps",
                     {{{"why", "为什么整机无法启动?"},
                       {"because", "主板焊点虚焊 (cold solder joint on U7)"},
                       {"evidence", "X-ray 检查"},
                       {"cause_type", nullptr}},
                      {{"why", "Why was the joint cold?"},
                       {"because", "回流焊温度曲线偏低 reflow profile 8 °C low"},
                       {"evidence", "profile log"},
                       {"cause_type", nullptr}},
                      {{"why", "Why was the profile low?"},
                       {"because", "炉温传感器漂移 thermocouple drift"},
                       {"evidence", "calibration record"},
                       {"cause_type", "machine"}},
                      {{"why", "Why was drift not caught?"},
                       {"because", "no calibration interval in the PM plan"},
                       {"evidence", "PM plan rev C"},
                       {"cause_type", "system"}}}}});
  chains.push_back({{"id", "E1"},
                    {"kind", "escape"},
                    {"title", "ICT 未覆盖"},
                    {"steps",
                     {{{"why", "为什么不良品流出?"},
                       {"because", "ICT 测试未覆盖 U7 引脚 (test coverage gap)"},
                       {"evidence", "coverage report"},
                       {"cause_type", nullptr}},
                      {{"why", "Why no coverage?"},
                       {"because", "test program not updated after ECN-221"},
                       {"evidence", "ECN log"},
                       {"cause_type", "system"}}}}});
  return {
      {"summary", {{"problem", "整机无法启动"}, {"chains", 2}}},
      {"charts", {{{"title", "5Why 分析树"}, {"kind", "tree"}, {"svg", bar_chart("5 Why tree 分析树", 3)}}}},
      {"findings", {{{"severity", "info"}, {"rule", "depth"}, {"message", "chain E1 has 2 steps"}}}},
      {"details", {{"chains", chains}}}};
}

// A complete case file: every 8D section, hostile text in free-text fields,
// Chinese and English, five analyses with one chart each.
inline json full_case(bool hostile_chart = false) {
  json c;
  c["complaint"] = {{"id", 7},
                    {"number", "QC-2025-00042"},
                    {"source_key", "mail:42"},
                    {"channel", "email"},
                    {"received_at", "2025-11-25T18:01:27Z"},
                    {"customer", kChineseCustomer},
                    {"contact", "王工 / Mr. Wang"},
                    {"product_model", "PCBA-X100"},
                    {"lot", "L2025-101"},
                    {"order_number", "SO-880001"},
                    {"quantity_affected", 120},
                    {"phenomenon", std::string(kChinesePhenomenon) + " " + kScript},
                    {"reporter", "call-centre"},
                    {"category", "product_quality"},
                    {"subcategory", "soldering"},
                    {"severity", "major"},
                    {"status", "closed"},
                    {"owner", "刘洋"},
                    {"owner_department", "quality"},
                    {"key_complaint", true},
                    {"closed_at", "2025-12-08T01:28:35Z"},
                    {"attachments", {"xray.png", {{"name", "profile.csv"}}}}};
  c["eight_d"] = {
      {"d0", "Customer line stop avoided: 200 spare boards sent 紧急发货 within 4 h."},
      {"d1",
       {{{"name", "刘洋"}, {"department", "quality"}, {"role", "leader"}, {"raci", "A"}},
        {{"name", "Zhang Wei"}, {"department", "production"}, {"role", "member"}, {"raci", "R"}}}},
      {"d2",
       {{"what", kChinesePhenomenon},
        {"why", "customer line stop risk"},
        {"when", "2025-11-25T18:01:27Z"},
        {"where", "customer SMT line 3"},
        {"who", "王工"},
        {"how", "power-on test at customer incoming inspection"},
        {"how_many", "120 pcs of 2000"}}},
      {"d3",
       {{{"description", "Sort suspect lot L2025-101 at the warehouse and in transit 仓库及在途挑选"},
         {"lots", {"L2025-101", "L2025-102"}},
         {"quantity_sorted", 2000},
         {"found_bad", 37},
         {"shipments_stopped", true},
         {"recall", "field service for 3 shipped units"},
         {"owner", "刘洋"},
         {"done_at", "2025-11-26T14:01:27Z"}}}},
      {"d4",
       {{{"kind", "occurrence"},
         {"description", "回流焊炉温传感器漂移 thermocouple drift in reflow oven 2 " + std::string(kScript)},
         {"evidence", "SPC chart, DOE"},
         {"analysis_refs", {1}}},
        {{"kind", "escape"},
         {"description", "ICT program did not cover U7 after ECN-221"},
         {"evidence", "test coverage review"},
         {"analysis_refs", {1}}}}},
      {"d5", {{"action_ids", {2}}, {"rationale", "Calibrate and monitor the oven; extend ICT coverage."}}},
      {"d6",
       {{"implementation", "Done 2025-12-01 on lines 1-3"},
        {"validation", "3 later lots, 0 defects / 6000 pcs"}}},
      {"d7",
       {{"fmea_updated", true},
        {"control_plan_updated", true},
        {"work_instructions_updated", false},
        {"notes", "PM plan rev D adds monthly thermocouple calibration"},
        {"horizontal_deployment",
         {{{"target", "PCBA-X200 line 4 同类产品"},
           {"status", "done"},
           {"owner", "Zhang Wei"},
           {"due", "2025-12-20T00:00:00Z"}},
          {{"target", "Reflow oven 3"},
           {"status", "in_progress"},
           {"owner", "刘洋"},
           {"due", "2026-01-10T00:00:00Z"}}}}}},
      {"d8",
       {{"closed_at", "2025-12-08T01:28:35Z"},
        {"closed_by", "刘洋"},
        {"summary", "closed after verification 验证后结案"}}}};
  c["actions"] = {{{"id", 1},
                   {"type", "temporary"},
                   {"description", "100% inspection of outgoing PCBA-X100 全检"},
                   {"owner", "刘洋"},
                   {"owner_department", "quality"},
                   {"due", "2025-11-27T18:00:00Z"},
                   {"status", "verified"},
                   {"evidence", "inspection records"},
                   {"verification_result", "0 escapes in 2 weeks"},
                   {"verified_by", "QA manager"},
                   {"verified_at", "2025-12-05T10:00:00Z"}},
                  {{"id", 2},
                   {"type", "permanent"},
                   {"description", "Calibrate thermocouples monthly; alarm on drift > 3 °C"},
                   {"owner", "Zhang Wei"},
                   {"owner_department", "production"},
                   {"due", "2025-12-01T18:00:00Z"},
                   {"status", "verified"},
                   {"evidence", "calibration log | " + std::string(kScript)},
                   {"verification_result", "3 later lots without recurrence"},
                   {"verified_by", "QA manager"},
                   {"verified_at", "2025-12-06T10:00:00Z"}},
                  {{"id", 3},
                   {"kind", "preventive"},
                   {"description", "Add U7 to ICT program; review ECN checklist"},
                   {"owner", "Li Na"},
                   {"owner_department", "engineering"},
                   {"due", "2025-12-15T18:00:00Z"},
                   {"status", "done"},
                   {"evidence", "ICT program v12"},
                   {"verification", "coverage 100% on U7"}}};
  c["contacts"] = {{{"id", 1},
                    {"at", "2025-11-25T21:16:47Z"},
                    {"channel", "email"},
                    {"direction", "out"},
                    {"purpose", "first_response"},
                    {"actor", "刘洋"},
                    {"summary", "已确认收到投诉,安排调查 / acknowledged, investigation started"}},
                   {{"id", 2},
                    {"at", "2025-11-30T23:28:35Z"},
                    {"channel", "phone"},
                    {"direction", "out"},
                    {"purpose", "feedback"},
                    {"actor", "刘洋"},
                    {"summary", "8D report sent to the customer"}}};
  c["revisits"] = {{{"id", 1},
                    {"at", "2025-12-08T01:28:35Z"},
                    {"satisfaction", 5},
                    {"comment", "满意 / satisfied"},
                    {"problem_recurred", false},
                    {"waived", false},
                    {"waiver_reason", ""},
                    {"actor", "刘洋"}}};
  json pareto = {
      {"summary", {{"categories", 5}, {"total", 120}}},
      {"tables",
       {{{"title", "Pareto"},
         {"columns", {"defect", "count", "cum %"}},
         {"rows", {{"虚焊", 60, 50.0}, {"短路", 30, 75.0}, {"缺件", 15, 87.5}}}}}},
      {"charts", {{{"title", "柏拉图 Pareto"}, {"svg", bar_chart("Pareto 柏拉图", 5, hostile_chart)}}}}};
  c["analyses"] = {
      analysis(1, "5why", "analysis.5why", "d4", five_why_result()),
      analysis(2, "fishbone", "analysis.fishbone", "d4",
               {{"summary", {{"effect", "无法启动"}, {"causes", 9}}},
                {"charts", {{{"title", "鱼骨图 Fishbone"}, {"svg", bar_chart("Fishbone 鱼骨图", 6)}}}}}),
      analysis(3, "pareto", "analysis.pareto", "d4", pareto),
      analysis(4, "spc", "analysis.spc", "d6",
               {{"summary", {{"chart", "xbar-r"}, {"out_of_control", 0}}},
                {"charts", {{{"title", "X̄-R 控制图"}, {"svg", bar_chart("SPC X-bar 控制图", 8)}}}}}),
      analysis(
          5, "doe.analyze", "analysis.doe", "d4",
          {{"summary", {{"runs", 8}, {"significant", "A, AB"}}},
           {"tables",
            {{{"title", "Effects"},
              {"columns", {"term", "effect", "p"}},
              {"rows", {{"A 温度", 4.2, 0.01}, {"B 速度", 0.3, 0.6}}}}}},
           {"charts", {{{"title", "DOE 主效应图"}, {"svg", bar_chart("DOE main effects 主效应", 4)}}}}})};
  return c;
}

struct ExportRun {
  json summary;
  std::string output;
};

// begin + one batch + finish on a fresh plugin instance, as the host does.
inline ExportRun run_export(FakeHost &host, const std::string &format, const std::string &output,
                            const std::string &lang, const json &case_file,
                            const json &options = json::object()) {
  qloop::eightd::EightDExporter plugin{qloop::sdk::Host(host.raw())};
  json request = {{"format", format}, {"output", output}, {"lang", lang}, {"options", options}};
  plugin.begin(request.dump());
  plugin.write_batch(json::array({case_file}).dump());
  return {json::parse(plugin.finish()), output};
}

inline fs::path output_dir(const std::string &name) {
  fs::path dir = fs::path(EIGHTD_TEST_OUTPUT) / name;
  fs::create_directories(dir);
  return dir;
}

inline std::string read_file(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_text(const fs::path &path, const std::string &text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// Runs a command and returns its standard output (the tests' own tools only).
inline std::string run(const std::string &command, int *status = nullptr) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE *)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe.get())) > 0) out.append(buf, n);
  const int rc = pclose(pipe.release());
  if (status != nullptr) *status = rc;
  return out;
}

inline std::string quoted(const fs::path &p) { return "'" + p.string() + "'"; }

inline std::size_t count(const std::string &haystack, const std::string &needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

} // namespace eightd_test
