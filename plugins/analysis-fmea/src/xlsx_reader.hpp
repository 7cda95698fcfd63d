// Reads one sheet of an XLSX workbook (Office Open XML, ECMA-376) into the
// same {"columns", "rows"} table the host makes from a CSV file: libzip opens
// the package, pugixml parses the parts (workbook, relationships, shared
// strings, styles, the sheet). Numbers stay numbers; cells formatted as dates
// become "YYYY-MM-DD" text; empty cells are null.
#ifndef QLOOP_FMEA_XLSX_READER_HPP
#define QLOOP_FMEA_XLSX_READER_HPP

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace qloop::fmea {

struct XlsxSheet {
  std::string sheet_name;
  nlohmann::json table;                 // {"columns": [...], "rows": [[...], ...]}
  std::vector<std::size_t> row_numbers; // the spreadsheet row number (1-based) of each table row
};

// Says whether a row's texts are the header row (FMEA forms often carry a
// title block above it).
using HeaderTest = std::function<bool(const std::vector<std::string> &cells)>;

// The first sheet, or the sheet named `sheet`. `field` names the request
// field for messages (e.g. "options.xlsx"). The header is the first of the
// first 50 non-empty rows that passes `is_header`, else the first non-empty
// row; rows above it are skipped. Throws qloop::sdk::Error (QLOOP_ERR_IO when
// the file cannot be read, QLOOP_ERR_INVALID_INPUT when it is not a usable workbook).
XlsxSheet read_xlsx(const std::string &path, const std::string &sheet, const std::string &field,
                    const HeaderTest &is_header = nullptr);

// "A" -> 0, "AB" -> 27, from a cell reference such as "AB12".
std::size_t column_index_of(const std::string &cell_reference);
std::string column_letters(std::size_t index);

// Excel serial day number -> "YYYY-MM-DD" (with "THH:MM:SS" when not whole).
std::string excel_serial_to_iso(double serial, bool date1904);

} // namespace qloop::fmea

#endif
