// How a site shapes the PDF without recompiling: an optional 8d.pdf.json in
// the template directory (README.md documents every key). Unknown keys and
// out-of-range values are errors naming the file and the key, so a typo
// does not silently fall back to the default.
#pragma once

#include <string>
#include <vector>

#include "report_pdf/pdf_canvas.hpp"

namespace qloop::eightd {

using reportpdf::PageSetup;

struct PdfStyle {
  PageSetup page;
  std::string title;                                // replaces the "8D Report" label when set
  std::string header = "{{number}} · {{customer}}"; // mustache, plain text
  std::string footer = "{{generated_at}}";
  std::vector<std::string> sections; // order of the report parts; all by default
};

// The ids usable in "sections", in the default order.
const std::vector<std::string> &pdf_section_ids();

// Reads <template_dir>/8d.pdf.json when template_dir is set and the file
// exists; defaults otherwise. Throws qloop::sdk::Error(QLOOP_ERR_CONFIG).
PdfStyle load_pdf_style(const std::string &template_dir);

} // namespace qloop::eightd
