// The sorted worksheet as one table: the same columns and cells go into the
// result's table, the CSV file and the XLSX file.
#ifndef QLOOP_FMEA_OUTPUT_TABLE_HPP
#define QLOOP_FMEA_OUTPUT_TABLE_HPP

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "columns.hpp"
#include "evaluate.hpp"

namespace qloop::fmea {

enum class ColumnKind { Text, Integer, Date, Ap };

struct OutputColumn {
  Field field;
  std::string header;
  ColumnKind kind;
  double width; // in characters, for XLSX
};

struct OutputTable {
  std::vector<OutputColumn> columns;
  std::vector<std::vector<nlohmann::json>> rows; // strings, integers, numbers or null
};

OutputTable worksheet_table(const Evaluation &ev, Lang lang);

} // namespace qloop::fmea

#endif
