// Plain-text tables for terminal output, aligned by display width so Chinese
// text (two columns per character) lines up.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace qloop::cli {

class TextTable {
public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void print(std::ostream &out) const;

private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// Terminal columns taken by UTF-8 text: East Asian wide characters count two.
std::size_t display_width(const std::string &utf8);
// The text cut to at most max_columns, ending in "…" when cut.
std::string truncate_display(const std::string &utf8, std::size_t max_columns);

} // namespace qloop::cli
