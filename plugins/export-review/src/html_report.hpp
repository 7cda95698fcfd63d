// The review as one self-contained HTML file: the report parts rendered
// through a mustache template (the built-in templates/review.html.mustache,
// or the site's own from template_dir). Charts are <img> elements with
// base64 data: URIs, where an SVG can run no script.
#pragma once

#include <string>

#include "report_parts.hpp"
#include "report_pdf/site_template.hpp"

namespace qloop::review {

inline constexpr const char *kHtmlTemplateName = "review.html.mustache";

// The built-in template, compiled in from templates/.
extern const char *const kDefaultHtmlTemplate;

// Picks and checks the template. Throws qloop::sdk::Error(QLOOP_ERR_CONFIG).
reportpdf::TemplateChoice choose_html_template(const std::string &template_dir);

// The variables a template sees (README.md lists them).
kainjow::mustache::data template_data(const ReportParts &parts);

std::string render_html(const ReportParts &parts, const reportpdf::TemplateChoice &choice);

} // namespace qloop::review
