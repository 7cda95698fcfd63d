#include "html_report.hpp"

#include "report_pdf/html_text.hpp"

namespace qloop::review {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::list;
using kainjow::mustache::object;

data flag(bool value) { return data(value ? data::type::bool_true : data::type::bool_false); }

// An optional text: false when empty, so {{#x}}...{{/x}} can test it (a
// missing key would be looked up in the enclosing contexts instead).
data text_or_false(const std::string &text) { return text.empty() ? flag(false) : data(text); }

data item_table(const ItemTable &t, const ReportParts &parts) {
  list rows;
  for (const auto &r : t.rows)
    rows.push_back(object{{"rank", r.rank},
                          {"key", r.key},
                          {"code", r.code},
                          {"count", r.count},
                          {"share", r.share},
                          {"cumulative", r.cumulative},
                          {"vital", flag(r.vital)}});
  object o{{"title", t.title},
           {"chart", reportpdf::svg_data_uri(t.chart)},
           {"rows", rows},
           {"has_rows", flag(!t.rows.empty())},
           {"vital_count", std::to_string(t.vital)},
           {"vital_note", vital_note(t, parts)},
           {"omitted", t.omitted > 0
                           ? data(with_number(label(parts.lang, "rows_omitted"), std::to_string(t.omitted)))
                           : flag(false)}};
  return o;
}

// "page {n} / {m}" as a CSS content value with page counters.
std::string css_page_footer(Lang lang) {
  const std::string format = label(lang, "page_footer");
  const auto n = format.find("{n}"), m = format.find("{m}");
  return reportpdf::css_string(format.substr(0, n)) + " counter(page) " +
         reportpdf::css_string(format.substr(n + 3, m - n - 3)) + " counter(pages) " +
         reportpdf::css_string(format.substr(m + 3));
}

} // namespace

reportpdf::TemplateChoice choose_html_template(const std::string &template_dir) {
  return reportpdf::choose_template(template_dir, kHtmlTemplateName, kDefaultHtmlTemplate, "export.review");
}

data template_data(const ReportParts &p) {
  object labels_obj;
  for (const auto &[k, v] : labels(p.lang)) labels_obj[k] = v;
  list kpis, months;
  for (const auto &k : p.kpis)
    kpis.push_back(object{{"id", k.id},
                          {"label", k.label},
                          {"unit", k.unit},
                          {"current", k.current},
                          {"previous", k.previous},
                          {"change", k.change},
                          {"trend", direction_name(k.trend)},
                          {"basis", k.basis},
                          {"previous_basis", k.previous_basis}});
  for (const auto &m : p.trend)
    months.push_back(object{{"month", m.month}, {"received", m.received}, {"closed", m.closed}});
  const std::string header = (p.company.empty() ? std::string() : p.company + " \xC2\xB7 ") + p.title;
  return object{{"lang", lang_code(p.lang)},
                {"labels", labels_obj},
                {"title", p.title},
                {"company", text_or_false(p.company)},
                {"period", p.period},
                {"previous_period", p.previous},
                {"as_of", p.as_of},
                {"time_zone", p.time_zone},
                {"generated_at", p.generated_at},
                {"threshold", p.threshold},
                {"css_header", reportpdf::css_string(header)},
                {"css_footer", css_page_footer(p.lang)},
                {"kpis", kpis},
                {"distribution", item_table(p.distribution, p)},
                {"pareto_product", item_table(p.product, p)},
                {"pareto_defect", item_table(p.defect, p)},
                {"trend", object{{"chart", reportpdf::svg_data_uri(p.trend_chart)},
                                 {"rows", months},
                                 {"has_rows", flag(!months.empty())}}}};
}

std::string render_html(const ReportParts &parts, const reportpdf::TemplateChoice &choice) {
  return reportpdf::render_template(choice, template_data(parts));
}

} // namespace qloop::review
