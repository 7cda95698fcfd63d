#include "report_pdf/site_template.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <qloop/plugin.hpp>

namespace qloop::reportpdf {
namespace {

constexpr std::uintmax_t kMaxTemplateBytes = 4u * 1024 * 1024;

[[noreturn]] void config_error(const std::string &message) { throw sdk::Error(QLOOP_ERR_CONFIG, message); }

kainjow::mustache::mustache compile(const TemplateChoice &choice, const Escape &escape) {
  kainjow::mustache::mustache tmpl(choice.source);
  if (!tmpl.is_valid())
    config_error("template " + choice.origin + ": " + tmpl.error_message() +
                 " (fix it or remove it to use the built-in " + choice.file_name + ")");
  if (escape) tmpl.set_custom_escape(escape);
  return tmpl;
}

} // namespace

TemplateChoice choose_template(const std::string &template_dir, const std::string &file_name,
                               std::string_view builtin, const std::string &section, const Escape &escape) {
  namespace fs = std::filesystem;
  TemplateChoice choice{file_name, "built-in", std::string(builtin)};
  if (!template_dir.empty()) {
    std::error_code ec;
    const fs::path dir(template_dir);
    if (!fs::is_directory(dir, ec))
      config_error("[" + section + "] template_dir '" + template_dir + "' is not a directory" +
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
  compile(choice, escape); // parse errors show now, not after the data is in
  return choice;
}

std::string render_template(const TemplateChoice &choice, const kainjow::mustache::data &data,
                            const Escape &escape) {
  auto tmpl = compile(choice, escape);
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) config_error("template " + choice.origin + ": " + tmpl.error_message());
  return out;
}

} // namespace qloop::reportpdf
