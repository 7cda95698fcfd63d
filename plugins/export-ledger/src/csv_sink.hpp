// The ledger as CSV: one table (complaints by default, or actions or 8D
// summaries with option table=...), UTF-8, RFC 4180 quoting and CRLF line
// ends, optional BOM so Excel reads UTF-8, the OWASP injection guard on text.
#pragma once

#include <cstddef>
#include <string>

#include "export_settings.hpp"
#include "file_writer.hpp"
#include "ledger_rows.hpp"
#include "sink.hpp"

namespace qloop::ledger {

// A cell as CSV text before quoting: dates "YYYY-MM-DD HH:MM:SS" at the
// offset, cycle days with two decimals, whole numbers without a point,
// booleans TRUE/FALSE (what Excel writes and reads).
std::string csv_value(const Cell &cell, const Column &column, int utc_offset_minutes);

class CsvSink : public Sink {
public:
  CsvSink(const Settings &settings, const std::string &path);
  void write(const nlohmann::json &case_file) override;
  void finish(nlohmann::json &summary) override;

private:
  void write_row(const Row &row);

  Settings settings_;
  RowBuilder builder_;
  FileWriter out_;
  std::string line_;
  std::size_t rows_ = 0;
  std::size_t guarded_ = 0;
};

} // namespace qloop::ledger
