// export.review: the CQE's period review (the KPIs against the previous
// period, type distribution, Pareto by product and by defect, the monthly
// trend, with charts) as HTML, PDF or XLSX. The host (`qloop export review`)
// calls begin(request), write_batch([the KPI report]) and finish(); the file
// is written in finish(), under a temporary name beside the target and
// renamed into place. Configuration problems (template, font) surface in
// begin(), report problems in write_batch(), before any file is touched.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <qloop/plugin.hpp>

#include "labels.hpp"
#include "report_pdf/pdf_canvas.hpp"
#include "report_pdf/site_template.hpp"
#include "review_model.hpp"

namespace qloop::review {

class ReviewExporter : public sdk::ExporterPlugin {
public:
  static constexpr const char *id = "export.review";
  static constexpr const char *name = "Period review";
  static constexpr const char *version = "1.0.0";
  static constexpr const char *vendor = "qloop";
  static constexpr const char *description =
      "The CQE's period review: KPIs against the previous period, type "
      "distribution, Pareto by product and defect, monthly trend, with "
      "charts, as HTML, PDF or XLSX";
  static constexpr const char *license = "Apache-2.0";
  static constexpr const char *formats[] = {"html", "pdf", "xlsx", nullptr};
  static constexpr qloop_config_key config_keys[] = {
      sdk::key("template_dir", QLOOP_CONFIG_PATH, nullptr,
               "Directory with a site template review.html.mustache that replaces the built-in one"),
      sdk::key("company", QLOOP_CONFIG_STRING, nullptr,
               "Company or site name printed with the title and in the page header"),
      sdk::key("font_family", QLOOP_CONFIG_STRING, "Noto Sans CJK SC",
               "PDF font; must have Chinese glyphs (Debian: fonts-noto-cjk)"),
  };

  using ExporterPlugin::ExporterPlugin;

  void begin(std::string_view request_json) override;
  void write_batch(std::string_view records_json) override;
  std::string finish() override;

private:
  enum class Format { html, pdf, xlsx };

  std::string option(const nlohmann::json &options, const char *key);

  bool begun_ = false;
  Format format_ = Format::html;
  std::string output_;
  Lang lang_ = Lang::en;
  std::string company_;
  std::optional<reportpdf::TemplateChoice> template_;
  reportpdf::PageSetup page_;
  std::optional<Review> review_;
};

} // namespace qloop::review
