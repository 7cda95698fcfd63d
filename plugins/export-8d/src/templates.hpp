// Site templates for the HTML and Markdown reports: mustache files in the
// directory named by the `template_dir` key. A file present there replaces
// the built-in one of the same name (8d.html.mustache, 8d.md.mustache); the
// checks and the errors are the shared ones (report_pdf/site_template.hpp).
#pragma once

#include <string>
#include <string_view>

#include <kainjow/mustache.hpp>

#include "report_pdf/site_template.hpp"

namespace qloop::eightd {

enum class TextFormat { html, markdown };

using reportpdf::TemplateChoice;

// The built-in template of `format` (compiled in from templates/).
std::string_view builtin_template(TextFormat format);
const char *template_file_name(TextFormat format);

// Picks and checks the template. Throws qloop::sdk::Error(QLOOP_ERR_CONFIG).
TemplateChoice choose_template(const std::string &template_dir, TextFormat format);

// Renders with the format's escaping ({{x}} escapes, {{{x}}} does not).
// Throws qloop::sdk::Error(QLOOP_ERR_CONFIG) when the template fails.
std::string render_template(const TemplateChoice &choice, const kainjow::mustache::data &data,
                            TextFormat format);

} // namespace qloop::eightd
