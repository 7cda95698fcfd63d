// The review as an Excel workbook (libxlsxwriter): one sheet per part, the
// figures as real numbers with Excel number formats (shares as 0.0%, counts
// whole, days and scores with decimals, changes signed), bold filled header
// rows that stay in view (frozen panes), and native Excel charts over the
// sheets' own cells:
//  - KPIs: the table, period, previous period, as-of time;
//  - by type: a bar chart;
//  - Pareto by product and by defect: a column chart of the counts with the
//    vital few in a dark colour, and a line chart of the cumulative share
//    with the threshold. Debian 12's libxlsxwriter (1.1.4) cannot combine a
//    column and a line chart on two axes, so the one Pareto chart of the
//    HTML and PDF is two charts here, side by side with the same categories;
//  - monthly trend: a column chart of received and closed.
// Every text from the data is written as a string cell, so a key such as
// "=HYPERLINK(...)" stays text and is never a formula.
#pragma once

#include <string>
#include <vector>

#include "report_parts.hpp"
#include "review_model.hpp"

namespace qloop::review {

// Categories a Pareto chart shows in the workbook (the sheet lists all).
inline constexpr std::size_t kMaxXlsxChartRows = 30;

struct XlsxResult {
  std::vector<std::string> sheets;
  int charts = 0;
};

// Writes `path` (the caller makes it atomic). Throws qloop::sdk::Error(IO)
// when the workbook cannot be written.
XlsxResult write_xlsx(const Review &review, const ReportParts &parts, const std::string &path);

// Text for a string cell: cleaned, and a literal "_xHHHH_" kept literal
// (Excel would read it as an escaped character).
std::string xlsx_text(const std::string &text);

} // namespace qloop::review
