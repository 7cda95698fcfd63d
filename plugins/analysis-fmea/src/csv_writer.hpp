// Writes the worksheet table as CSV (RFC 4180: CRLF, fields quoted when they
// hold a comma, quote or line break), UTF-8 with a byte-order mark so that
// spreadsheet programs open Chinese text correctly.
#ifndef QLOOP_FMEA_CSV_WRITER_HPP
#define QLOOP_FMEA_CSV_WRITER_HPP

#include <string>

#include "output_table.hpp"

namespace qloop::fmea {

std::string csv_text(const OutputTable &table);
// Throws qloop::sdk::Error(QLOOP_ERR_IO) when the file cannot be written.
void write_csv(const std::string &path, const OutputTable &table);

} // namespace qloop::fmea

#endif
