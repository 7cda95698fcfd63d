// What a file reader hands on: the rows of one sheet or CSV file as they came,
// one at a time, each with its number in the file, its raw bytes (kept for
// the quarantine) and its cells as UTF-8, or the reason it could not be read.
// The readers know nothing about records; mapping and validation come after.
// Rows stream, so a 100 000-row export never sits in memory twice.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace qloop::intake_files {

enum class CellKind { Empty, Text, Number, Date, Error };

struct Cell {
  CellKind kind = CellKind::Empty;
  // UTF-8. Number: shortest decimal text ("12", "0.5"); Date: ISO 8601
  // ("2025-11-03" or "2025-11-03T14:05:00", no offset); Error: "#N/A".
  std::string text;
  double number = 0; // Number and Date: the spreadsheet value (a day serial for Date)
};

struct SourceRow {
  // CSV: the line the row starts on; XLSX: the sheet's row number. 1-based,
  // the number a person sees in a text editor or in Excel.
  std::size_t number = 0;
  // CSV: the row's bytes exactly as in the file; XLSX: a JSON picture of the
  // row's cells ({"sheet", "row", "cells": {"A": ...}}), since a sheet row has
  // no bytes of its own.
  std::string raw;
  std::vector<Cell> cells;
  std::string error; // non-empty: the row could not be read (quoting, encoding)
  std::size_t error_field = static_cast<std::size_t>(-1); // the field the error is in, when one is
};

struct SourceInfo {
  std::string format;    // "csv" or "xlsx"
  std::string encoding;  // what the bytes were read as ("utf-8", "gb18030", ...)
  std::string sheet;     // XLSX: the sheet read
  bool date1904 = false; // XLSX: day serials count from 1904
  // CSV: a row's field count must equal the header's, since a stray delimiter
  // shifts every later field. XLSX cells sit in named columns instead.
  bool fixed_width = false;
};

using RowHandler = std::function<void(SourceRow &&)>;

// An opened file: what it is, then its rows in order.
class RowReader {
public:
  virtual ~RowReader() = default;
  const SourceInfo &info() const { return info_; }
  // Calls `handler` once per row (blank rows included); exceptions from the
  // handler pass through.
  virtual void read(const RowHandler &handler) = 0;

protected:
  SourceInfo info_;
};

inline bool blank(const SourceRow &row) {
  for (const Cell &c : row.cells)
    if (c.kind != CellKind::Empty) return false;
  return row.error.empty();
}

} // namespace qloop::intake_files
