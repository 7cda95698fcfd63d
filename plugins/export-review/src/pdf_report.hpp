// Lays the review out on A4 pages with the shared page flow
// (report_pdf/pdf_canvas.hpp) and writes the PDF: a title block with the
// period, the previous period and the as-of time; the KPI table; the four
// charts (drawn from their SVG by librsvg) each with its table; a running
// header (company, title) and a "page N / M" footer on every page.
#pragma once

#include <string>

#include "report_parts.hpp"
#include "report_pdf/pdf_canvas.hpp"

namespace qloop::review {

struct PdfResult {
  int pages = 0;
  int charts_drawn = 0;
  int charts_failed = 0;
};

// `page` is the font and margins (the font already checked for Chinese
// glyphs). Throws qloop::sdk::Error(IO) when the file cannot be written.
PdfResult write_pdf(const ReportParts &parts, const reportpdf::PageSetup &page, const std::string &path);

} // namespace qloop::review
