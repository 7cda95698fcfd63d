#include "templates.hpp"

#include "default_templates.hpp"
#include "markdown_escape.hpp"

namespace qloop::eightd {
namespace {

reportpdf::Escape escape_for(TextFormat format) {
  if (format == TextFormat::markdown) return [](const std::string &s) { return markdown_escape(s); };
  return {}; // mustache's HTML escaping
}

} // namespace

const char *template_file_name(TextFormat format) {
  return format == TextFormat::html ? "8d.html.mustache" : "8d.md.mustache";
}

std::string_view builtin_template(TextFormat format) {
  return format == TextFormat::html ? kDefaultHtmlTemplate : kDefaultMarkdownTemplate;
}

TemplateChoice choose_template(const std::string &template_dir, TextFormat format) {
  return reportpdf::choose_template(template_dir, template_file_name(format), builtin_template(format),
                                    "export.8d", escape_for(format));
}

std::string render_template(const TemplateChoice &choice, const kainjow::mustache::data &data,
                            TextFormat format) {
  return reportpdf::render_template(choice, data, escape_for(format));
}

} // namespace qloop::eightd
