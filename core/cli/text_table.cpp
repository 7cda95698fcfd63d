#include "core/cli/text_table.hpp"

#include <algorithm>
#include <ostream>

#include <qloop/text.hpp>

namespace qloop::cli {
std::size_t display_width(const std::string &utf8) { return static_cast<std::size_t>(text::width(utf8)); }

std::string truncate_display(const std::string &utf8, std::size_t max_columns) {
  if (display_width(utf8) <= max_columns) return utf8;
  return text::with_ellipsis(utf8, static_cast<int>(max_columns));
}

void TextTable::print(std::ostream &out) const {
  std::vector<std::size_t> widths(header_.size(), 0);
  auto measure = [&](const std::vector<std::string> &row) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
      widths[i] = std::max(widths[i], display_width(row[i]));
  };
  measure(header_);
  for (const auto &row : rows_) measure(row);
  auto line = [&](const std::vector<std::string> &row) {
    for (std::size_t i = 0; i < widths.size(); ++i) {
      const std::string cell = i < row.size() ? row[i] : "";
      out << cell;
      if (i + 1 < widths.size()) out << std::string(widths[i] - display_width(cell) + 2, ' ');
    }
    out << '\n';
  };
  line(header_);
  std::vector<std::string> rule;
  for (auto w : widths) rule.push_back(std::string(w, '-'));
  line(rule);
  for (const auto &row : rows_) line(row);
}

} // namespace qloop::cli
