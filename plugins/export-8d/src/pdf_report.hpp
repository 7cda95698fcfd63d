// Lays the 8D report model out on A4 pages (pdf_canvas.hpp) and writes the
// PDF: running header with complaint number and customer, "page N / M"
// footer, D0–D8 with tables for the team, containment, 5 Why chains,
// actions, horizontal deployment, contacts and revisits, and the analysis
// charts drawn from their SVG by librsvg.
#pragma once

#include <string>

#include "pdf_style.hpp"
#include "report_model.hpp"

namespace qloop::eightd {

struct PdfResult {
  int pages = 0;
  int charts_drawn = 0;
  int charts_failed = 0;
};

// Throws qloop::sdk::Error(IO) when the file cannot be written.
PdfResult write_pdf(const Report &report, const PdfStyle &style, const std::string &path);

} // namespace qloop::eightd
