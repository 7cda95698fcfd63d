// Reads one sheet of an XLSX workbook (Office Open XML, ECMA-376): libzip
// reads the package from the file, pugixml the small parts (workbook,
// styles), and expat streams the sheet and its shared strings, so memory does
// not grow with the sheet. Shared and inline strings become text, numbers
// stay numbers, numbers in a date style become ISO dates, error cells stay
// errors (so "#N/A" never passes for a name).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "input_file.hpp"
#include "source_table.hpp"

namespace qloop::intake_files {

// `sheet` empty: the first sheet. `file` must outlive the reader. Throws
// sdk::InvalidInput naming the problem when the file is not a usable
// workbook or the sheet is missing; the sheet is checked to be complete,
// well-formed XML here, before any row is read.
std::unique_ptr<RowReader> open_xlsx(const InputFile &file, const std::string &sheet);

// Excel day serial -> "YYYY-MM-DD", with "THH:MM:SS" when not a whole day.
std::string excel_serial_to_iso(double serial, bool date1904);

// "A" -> 0, "AB12" -> 27; and back.
std::size_t column_index(std::string_view cell_reference);
std::string column_letters(std::size_t index);

} // namespace qloop::intake_files
