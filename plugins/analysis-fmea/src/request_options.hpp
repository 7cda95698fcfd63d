// The request of the "fmea" method: where the worksheet comes from, its type,
// the options of the checks and where to write the worksheet file.
#ifndef QLOOP_FMEA_REQUEST_OPTIONS_HPP
#define QLOOP_FMEA_REQUEST_OPTIONS_HPP

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "columns.hpp"
#include "evaluate.hpp"

namespace qloop::fmea {

enum class OutputFormat { None, Xlsx, Csv };

struct FmeaRequest {
  FmeaType type = FmeaType::Process;
  Lang lang = Lang::En;
  EvaluateOptions evaluate;
  std::string output_path;
  OutputFormat output = OutputFormat::None;
  std::string xlsx_path, sheet; // read the worksheet from this workbook
  std::vector<std::string> warnings;
};

// Validates options and type; the rows are read separately (see load_worksheet).
FmeaRequest parse_fmea_request(const nlohmann::json &request);

// Where the rows are: options.xlsx, else data (object with rows, or an array), else table.
struct LoadedWorksheet {
  Worksheet worksheet;
  std::string source; // "options.xlsx", "data.rows", "data" or "table"
  std::string sheet;  // for XLSX input
};
LoadedWorksheet load_worksheet(const nlohmann::json &request, const FmeaRequest &options);

} // namespace qloop::fmea

#endif
