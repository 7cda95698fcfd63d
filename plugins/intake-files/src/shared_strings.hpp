// The shared string table of a workbook (xl/sharedStrings.xml). A ledger
// with a distinct description on every row makes it grow with the sheet, so
// its text stays in memory only up to a budget; later strings go to an
// unnamed temporary file and are read back (pread) when a cell names them.
// Each string also costs 8 bytes of index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "input_file.hpp"

namespace qloop::intake_files {

class SharedStrings {
public:
  explicit SharedStrings(std::size_t memory_budget = 32u << 20);

  void expect(std::size_t count); // the table's uniqueCount, to size the index once
  void add(std::string_view text);
  void finish(); // the table is complete: write out what waits
  std::size_t size() const { return ends_.size(); }
  // String `i` (i < size()); sdk::Error(QLOOP_ERR_IO) if the spill file fails.
  std::string operator[](std::size_t i) const;

private:
  std::size_t budget_;
  std::string memory_;               // the text of the first strings
  std::vector<std::uint64_t> ends_;  // where each string ends: in memory_, then past it in the file
  std::unique_ptr<InputFile> spill_; // the text of the strings past the budget
  std::string pending_;              // spilled text not yet written
};

} // namespace qloop::intake_files
