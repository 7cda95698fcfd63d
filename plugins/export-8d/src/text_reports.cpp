#include "text_reports.hpp"

#include "markdown_escape.hpp"
#include "report_pdf/html_text.hpp"
#include "template_data.hpp"

namespace qloop::eightd {

std::string render_html(const Report &report, const TemplateChoice &choice) {
  auto source = [](const Chart &chart) { return reportpdf::svg_data_uri(chart.svg); };
  return render_template(choice, template_data(report, source), TextFormat::html);
}

MarkdownReport render_markdown(const Report &report, const TemplateChoice &choice, const std::string &stem) {
  MarkdownReport out;
  auto source = [&](const Chart &chart) {
    std::string name = stem + ".chart-" + std::to_string(chart.number) + ".svg";
    out.charts.emplace_back(name, chart.svg);
    return link_target(name);
  };
  out.text = render_template(choice, template_data(report, source), TextFormat::markdown);
  return out;
}

} // namespace qloop::eightd
