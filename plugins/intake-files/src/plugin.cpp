// Plugin entry for intake.files: CSV and XLSX exports (call centres, online
// service desks, Excel ledgers) from a watched drop folder, or one file.
//   run({})                 -> import what waits in drop_dir, move to done/ or failed/
//   run({"file": PATH})     -> import PATH once, leave it where it is
//   run({"payload_file": PATH}) (qloop intake submit) -> the same as "file"
#include <string>

#include <nlohmann/json.hpp>
#include <qloop/plugin.hpp>

#include "drop_folder.hpp"
#include "file_import.hpp"
#include "settings.hpp"

namespace {

using qloop::intake_files::Settings;
using qloop::sdk::key;

// Hands rows to the host through the services table.
class HostSink : public qloop::intake_files::Sink {
public:
  explicit HostSink(const qloop::sdk::Host &host) : host_(host) {}
  void submit(std::string_view records_json) override { host_.submit_records(records_json); }
  void quarantine(const std::string &source_key, std::string_view raw, const std::string &reason) override {
    host_.quarantine(source_key, raw, reason);
  }
  void log(qloop_log_level level, const std::string &message) override { host_.log(level, message); }

private:
  const qloop::sdk::Host &host_;
};

class FilesIntake : public qloop::sdk::IntakePlugin {
public:
  static constexpr const char *id = "intake.files";
  static constexpr const char *name = "File intake (CSV, XLSX)";
  static constexpr const char *version = "1.1.0";
  static constexpr const char *vendor = "qloop";
  static constexpr const char *description =
      "CSV and XLSX exports from call centres, online service and Excel (UTF-8, BOM, GBK/GB18030) from a "
      "watched drop folder or one file; bad rows quarantined, every row imported once";
  static constexpr const char *license = "Apache-2.0";
  static constexpr qloop_config_key config_keys[] = {
      key("drop_dir", QLOOP_CONFIG_PATH, nullptr,
          "Watched folder: scheduled runs import its *.csv and *.xlsx files (needed for scheduled runs)"),
      key("done_dir", QLOOP_CONFIG_PATH, "", "Where imported files go (empty: <drop_dir>/done)"),
      key("failed_dir", QLOOP_CONFIG_PATH, "",
          "Where unusable files go, with NAME.reason.txt (empty: <drop_dir>/failed)"),
      key("encoding", QLOOP_CONFIG_STRING, "auto",
          "CSV encoding: auto, utf-8, gb18030 or gbk (a BOM always wins)"),
      key("delimiter", QLOOP_CONFIG_STRING, "auto", "CSV delimiter: auto, ',', ';', tab or '|'"),
      key("timezone_offset", QLOOP_CONFIG_STRING, "+08:00",
          "UTC offset of date-times in files that carry none"),
      key("mapping", QLOOP_CONFIG_STRING, "", "Header mappings: '客户全称=customer; 机型=product_model'"),
      key("mapping_file", QLOOP_CONFIG_PATH, "",
          "INI (header = field) or JSON {\"header\": \"field\"} mappings"),
      key("channel", QLOOP_CONFIG_STRING, "file", "Channel of records whose file has no channel column"),
      key("sheet", QLOOP_CONFIG_STRING, "", "XLSX sheet to read (empty: the first)"),
      key("batch_size", QLOOP_CONFIG_INT, "500", "Records per submit_records call"),
      key("max_field_bytes", QLOOP_CONFIG_INT, "1048576", "A row with a longer cell is quarantined"),
      key("max_file_bytes", QLOOP_CONFIG_INT, "1073741824",
          "A larger file fails as a whole (files stream, so memory does not grow with the size)"),
      key("key_columns", QLOOP_CONFIG_STRING, "",
          "Headers or record fields whose values key a row ('工单号' or 'order_number; line'): a cumulative "
          "export or re-saved workbook then brings in only new rows (empty: the file hash and row number)"),
      key("settle_seconds", QLOOP_CONFIG_INT, "2",
          "Files changed less than this many seconds ago wait for the next run (still being copied)"),
  };

  using IntakePlugin::IntakePlugin;

  // Paths in the summary may hold bytes that are not UTF-8.
  static std::string dump(const nlohmann::json &j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }

  std::string run(std::string_view request_json) override {
    nlohmann::json request = nlohmann::json::object();
    if (!request_json.empty()) {
      request = nlohmann::json::parse(request_json, nullptr, false);
      if (request.is_discarded() || !request.is_object())
        throw qloop::sdk::InvalidInput("request: not a JSON object");
    }
    const Settings settings =
        qloop::intake_files::read_settings([this](const char *k) { return host().config(k); });
    HostSink sink(host());
    for (const char *field : {"file", "payload_file"}) {
      if (!request.contains(field)) continue;
      if (!request[field].is_string() || request[field].get<std::string>().empty())
        throw qloop::sdk::InvalidInput(std::string("field '") + field + "': must be a file path");
      return dump(qloop::intake_files::run_one_file(request[field].get<std::string>(), settings, sink));
    }
    return dump(qloop::intake_files::run_drop_folder(settings, sink));
  }
};

} // namespace

QLOOP_PLUGIN(FilesIntake)
