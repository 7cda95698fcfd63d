// export.8d: one complaint's 8D report as HTML, PDF or Markdown. The host
// calls begin(request), write_batch([case file]) and finish(); the report is
// written in finish(). Configuration and template problems surface in
// begin(), case file problems in write_batch(), before any file is touched.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <qloop/plugin.hpp>

#include "labels.hpp"
#include "pdf_style.hpp"
#include "report_model.hpp"
#include "templates.hpp"

namespace qloop::eightd {

class EightDExporter : public sdk::ExporterPlugin {
public:
  static constexpr const char *id = "export.8d";
  static constexpr const char *name = "8D report";
  static constexpr const char *version = "1.0.0";
  static constexpr const char *vendor = "qloop";
  static constexpr const char *description = "One complaint's 8D report (D0-D8, root causes with 5 Why "
                                             "chains, charts, actions) as HTML, PDF or Markdown";
  static constexpr const char *license = "Apache-2.0";
  static constexpr const char *formats[] = {"html", "pdf", "md", nullptr};
  static constexpr qloop_config_key config_keys[] = {
      sdk::key("template_dir", QLOOP_CONFIG_PATH, nullptr,
               "Directory with site templates (8d.html.mustache, 8d.md.mustache, 8d.pdf.json); "
               "a file found there replaces the built-in one"),
      sdk::key("font_family", QLOOP_CONFIG_STRING, "Noto Sans CJK SC",
               "PDF font; must have Chinese glyphs (Debian: fonts-noto-cjk)"),
      sdk::key("max_text_bytes", QLOOP_CONFIG_INT, "65536",
               "Longest text printed from any one field; longer text is cut with a note"),
  };

  using ExporterPlugin::ExporterPlugin;

  void begin(std::string_view request_json) override;
  void write_batch(std::string_view records_json) override;
  std::string finish() override;

private:
  enum class Format { html, pdf, md };

  std::string option(const nlohmann::json &options, const char *key);

  bool begun_ = false;
  Format format_ = Format::html;
  std::string output_;
  Lang lang_ = Lang::en;
  ModelLimits limits_;
  std::optional<TemplateChoice> template_;
  PdfStyle pdf_style_;
  std::optional<Report> report_;
};

} // namespace qloop::eightd
