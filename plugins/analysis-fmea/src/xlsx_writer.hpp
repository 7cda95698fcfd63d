// Writes the worksheet as an XLSX workbook with libxlsxwriter: a styled,
// frozen, filterable header row, AP cells coloured H/M/L, real dates for due
// dates, and two more sheets with the summary and the findings.
#ifndef QLOOP_FMEA_XLSX_WRITER_HPP
#define QLOOP_FMEA_XLSX_WRITER_HPP

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "evaluate.hpp"
#include "output_table.hpp"

namespace qloop::fmea {

struct XlsxExtras {
  std::vector<std::pair<std::string, nlohmann::json>> summary;
  std::vector<Finding> findings;
};

// Throws qloop::sdk::Error(QLOOP_ERR_IO) when the workbook cannot be written.
void write_xlsx(const std::string &path, const OutputTable &table, const XlsxExtras &extras, Lang lang);

} // namespace qloop::fmea

#endif
