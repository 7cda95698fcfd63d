#include "templates.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <qloop/plugin.hpp>

#include "default_templates.hpp"
#include "markdown_escape.hpp"

namespace qloop::eightd {
namespace {

constexpr std::uintmax_t kMaxTemplateBytes = 4u * 1024 * 1024;

[[noreturn]] void config_error(const std::string &message) { throw sdk::Error(QLOOP_ERR_CONFIG, message); }

kainjow::mustache::mustache compile(const TemplateChoice &choice, TextFormat format) {
  kainjow::mustache::mustache tmpl(choice.source);
  if (!tmpl.is_valid())
    config_error("template " + choice.origin + ": " + tmpl.error_message() +
                 " (fix it or remove it to use the built-in " + choice.file_name + ")");
  if (format == TextFormat::markdown)
    tmpl.set_custom_escape([](const std::string &s) { return markdown_escape(s); });
  return tmpl;
}

} // namespace

const char *template_file_name(TextFormat format) {
  return format == TextFormat::html ? "8d.html.mustache" : "8d.md.mustache";
}

std::string_view builtin_template(TextFormat format) {
  return format == TextFormat::html ? kDefaultHtmlTemplate : kDefaultMarkdownTemplate;
}

TemplateChoice choose_template(const std::string &template_dir, TextFormat format) {
  namespace fs = std::filesystem;
  TemplateChoice choice{template_file_name(format), "built-in", std::string(builtin_template(format))};
  if (!template_dir.empty()) {
    std::error_code ec;
    const fs::path dir(template_dir);
    if (!fs::is_directory(dir, ec))
      config_error("[export.8d] template_dir '" + template_dir + "' is not a directory" +
                   (ec ? " (" + ec.message() + ")" : std::string()));
    const fs::path file = dir / choice.file_name;
    if (fs::exists(file, ec)) {
      const auto size = fs::file_size(file, ec);
      if (ec) config_error("template " + file.string() + ": cannot read it (" + ec.message() + ")");
      if (size > kMaxTemplateBytes)
        config_error("template " + file.string() + ": " + std::to_string(size) +
                     " bytes is more than a template needs");
      std::ifstream in(file, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      if (!in) config_error("template " + file.string() + ": cannot read it");
      choice.origin = file.string();
      choice.source = text.str();
    }
  }
  compile(choice, format); // parse errors show now, not after the data is in
  return choice;
}

std::string render_template(const TemplateChoice &choice, const kainjow::mustache::data &data,
                            TextFormat format) {
  auto tmpl = compile(choice, format);
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) config_error("template " + choice.origin + ": " + tmpl.error_message());
  return out;
}

} // namespace qloop::eightd
