// The "export.ledger" plugin class: reads its configured defaults, runs one
// LedgerExport per begin()..finish(). Kept out of plugin.cpp so tests drive
// the class itself through begin/write_batch/finish.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <qloop/plugin.hpp>

#include "ledger_export.hpp"

namespace qloop::ledger {

class LedgerExporterPlugin : public sdk::ExporterPlugin {
public:
  static constexpr const char *id = "export.ledger";
  static constexpr const char *name = "Complaint ledger export";
  static constexpr const char *version = "1.0.0";
  static constexpr const char *vendor = "qloop";
  static constexpr const char *description =
      "The complaint ledger (客诉台账) as XLSX (complaints, actions, 8D sheets), CSV or JSON Lines, streamed";
  static constexpr const char *license = "Apache-2.0";
  static constexpr const char *formats[] = {"xlsx", "csv", "jsonl", nullptr};
  static constexpr qloop_config_key config_keys[] = {
      sdk::key("csv_bom", QLOOP_CONFIG_BOOL, "false",
               "CSV: start with a UTF-8 byte order mark so Excel reads UTF-8 (option bom)"),
      sdk::key("csv_injection_guard", QLOOP_CONFIG_BOOL, "true",
               "CSV: prefix ' to text starting with = + - @ TAB CR (option csv_injection_guard)"),
      sdk::key("csv_delimiter", QLOOP_CONFIG_STRING, ",",
               "CSV field separator: , ; | or tab (option delimiter)"),
      sdk::key("utc_offset", QLOOP_CONFIG_STRING, "+00:00",
               "Show times at this UTC offset, e.g. +08:00 (option utc_offset)"),
      sdk::key("jsonl", QLOOP_CONFIG_STRING, "complaint",
               "JSON Lines shape: complaint (flattened row) or casefile (as received) (option jsonl)"),
      sdk::key("tmpdir", QLOOP_CONFIG_PATH, nullptr,
               "XLSX constant-memory temp files; default: the output file's directory"),
      sdk::key("zip64", QLOOP_CONFIG_BOOL, "false", "XLSX: ZIP64 for a sheet over 4 GB uncompressed"),
  };

  using ExporterPlugin::ExporterPlugin;

  void begin(std::string_view request_json) override;
  void write_batch(std::string_view records_json) override;
  std::string finish() override;

private:
  Defaults configured() const;

  std::unique_ptr<LedgerExport> export_;
};

} // namespace qloop::ledger
