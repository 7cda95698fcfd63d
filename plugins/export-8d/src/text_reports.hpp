// The HTML and Markdown reports: the report model rendered through a
// mustache template (built-in or the site's).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "report_model.hpp"
#include "templates.hpp"

namespace qloop::eightd {

// One self-contained HTML file: charts are <img> elements with base64
// data: URIs, where an SVG can run no script.
std::string render_html(const Report &report, const TemplateChoice &choice);

struct MarkdownReport {
  std::string text;
  std::vector<std::pair<std::string, std::string>> charts; // file name beside the .md, SVG content
};

// Charts are referenced as "<stem>.chart-<n>.svg", files the caller writes
// beside the Markdown file.
MarkdownReport render_markdown(const Report &report, const TemplateChoice &choice, const std::string &stem);

} // namespace qloop::eightd
