// The rows of a worksheet and its shared strings, parsed as the XML streams
// out of the package (expat SAX), so memory holds one row and the string
// table, never the sheet. Cells come out as the DOM reader made them: shared
// and inline strings as text, numbers as numbers, numbers in a date style as
// ISO dates, error cells as errors.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared_strings.hpp"
#include "source_table.hpp"
#include "xlsx_package.hpp"
#include "xml_stream.hpp"

namespace qloop::intake_files {

// xl/sharedStrings.xml (or wherever the workbook points); empty when `part`
// is empty or missing. Throws sdk::InvalidInput when it is not XML.
SharedStrings read_shared_strings(const Package &pkg, const std::string &part);

// What the cells of one sheet need to become values.
struct SheetContext {
  std::string sheet;         // its name, for the raw row picture
  bool date1904 = false;     // day serials count from 1904
  std::vector<bool> is_date; // per cell style (cellXfs index): a date format
  SharedStrings shared;
};

// Turns <worksheet><sheetData><row><c> events into SourceRows.
class SheetRows : public XmlHandler {
public:
  explicit SheetRows(const SheetContext &context) : ctx_(context) {}
  // Rows completed since the caller last emptied it, in sheet order.
  std::vector<SourceRow> &ready() { return ready_; }

  void start(std::string_view name, const char **attributes) override;
  void end(std::string_view name) override;
  void text(std::string_view data) override;

private:
  enum class Tag { Other, Worksheet, SheetData, Row, Cell, Value, Inline, Text, Run, RunText };
  void begin_row(const char **attributes);
  void finish_row();
  void begin_cell(const char **attributes);
  void finish_cell();
  Cell make_cell();

  const SheetContext &ctx_;
  std::vector<Tag> stack_;
  bool seen_sheet_data_ = false;
  std::vector<SourceRow> ready_;
  // The row being read.
  SourceRow row_;
  nlohmann::json picture_; // the row's cells by column, for its raw picture
  std::size_t next_row_ = 1, next_col_ = 0;
  // The cell being read.
  std::size_t col_ = 0;
  std::string type_, style_, value_, inline_;
  bool has_value_ = false, has_inline_ = false, run_has_text_ = false;
  std::string capture_; // text of the <v> or <t> being read
  std::string runs_;    // text of the <is> being read
};

} // namespace qloop::intake_files
