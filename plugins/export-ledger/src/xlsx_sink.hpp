// The ledger as an Excel workbook: sheets for complaints, actions and 8D
// summaries plus an "Export" sheet (filters, counts), written with
// libxlsxwriter in constant-memory mode.
//
// Constant-memory mode keeps one row per worksheet in memory and streams
// finished rows to that worksheet's own temporary file, so rows must go out
// in order per sheet; each worksheet has its own row buffer and temp file
// (lxw_worksheet_new creates both per sheet), so the three sheets can be
// written interleaved, case file by case file, with nothing spooled.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include <xlsxwriter.h>

#include "export_settings.hpp"
#include "ledger_rows.hpp"
#include "sink.hpp"

namespace qloop::ledger {

struct XlsxOptions {
  bool zip64 = false;               // ZIP64 for parts over 4 GB
  lxw_row_t max_rows = LXW_ROW_MAX; // rows per sheet, header included (tests lower it)
};

class XlsxSink : public Sink {
public:
  XlsxSink(const Settings &settings, const std::string &path, XlsxOptions options = {});
  ~XlsxSink() override;
  XlsxSink(const XlsxSink &) = delete;
  XlsxSink &operator=(const XlsxSink &) = delete;

  void write(const nlohmann::json &case_file) override;
  void finish(nlohmann::json &summary) override;

private:
  // One table; a full sheet continues on a new one named "Actions (2)".
  struct Sheet {
    Table table;
    lxw_worksheet *current = nullptr;
    int parts = 0;
    lxw_row_t next_row = 0;
    std::size_t rows = 0; // data rows over all parts
  };

  void set_up(); // formats and sheets
  lxw_worksheet *add_worksheet(const std::string &name);
  void start_part(Sheet &sheet);
  void end_part(Sheet &sheet);
  void write_row(Sheet &sheet, const Row &row);
  void write_text(lxw_worksheet *ws, const std::string &sheet, lxw_row_t r, lxw_col_t c,
                  const std::string &text, lxw_format *format);
  void write_info(const nlohmann::json &summary);
  void check(lxw_error err, const std::string &where) const;
  void abandon() noexcept;

  Settings settings_;
  XlsxOptions options_;
  RowBuilder builder_;
  lxw_workbook *workbook_ = nullptr;
  std::vector<lxw_worksheet *> worksheets_;
  lxw_format *header_ = nullptr;
  lxw_format *date_ = nullptr;
  lxw_format *days_ = nullptr;
  lxw_format *wrap_ = nullptr;
  std::array<Sheet, 3> sheets_{Sheet{Table::Complaints}, Sheet{Table::Actions}, Sheet{Table::EightD}};
  lxw_worksheet *info_ = nullptr;
  std::string info_name_;
  std::size_t truncated_ = 0;
};

} // namespace qloop::ledger
