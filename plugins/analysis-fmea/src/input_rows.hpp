// Turning request input into worksheet rows: JSON row objects (data.rows) or a
// table of columns and rows (the host's CSV `table`, or a sheet read from XLSX).
#ifndef QLOOP_FMEA_INPUT_ROWS_HPP
#define QLOOP_FMEA_INPUT_ROWS_HPP

#include <cstddef>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "worksheet.hpp"

namespace qloop::fmea {

// "design"/"dfmea", "process"/"pfmea", "msr"/"fmea-msr" (any case).
FmeaType parse_type(const nlohmann::json &v, const std::string &path);

// data.rows: an array of objects keyed by column names (see columns.hpp).
Worksheet read_json_rows(const nlohmann::json &rows, FmeaType type, const std::string &path);

// Names one cell for messages: (row index in table.rows, column index) -> "table.rows[3].O".
using CellNamer = std::function<std::string(std::size_t row, std::size_t column)>;

// {"columns": [...], "rows": [[...], ...]}. Rows whose cells are all blank are skipped.
Worksheet read_table(const nlohmann::json &table, FmeaType type, const std::string &path,
                     const CellNamer &namer = nullptr);

// Complaints given as a count, a list of ids ("C-1; C-2"), a list of
// {"id","date"} objects, or an object {"count"|"items", "exposure", "period_from", "period_to"}.
void parse_complaints(const nlohmann::json &v, const std::string &path, FieldEvidence &out);

} // namespace qloop::fmea

#endif
