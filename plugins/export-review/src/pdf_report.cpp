#include "pdf_report.hpp"

namespace qloop::review {
namespace {

using reportpdf::PageDecoration;
using reportpdf::PdfCanvas;
using reportpdf::Rgb;
using reportpdf::TableSpec;
using reportpdf::TextStyle;

constexpr PangoAlignment kLeft = PANGO_ALIGN_LEFT, kRight = PANGO_ALIGN_RIGHT;
const TextStyle kNote{0.82, false, false, Rgb{0.35, 0.35, 0.35}};
// A section bar with its spacing, and the space under a chart: what a
// chart section needs besides the chart itself.
constexpr double kHeadingAndCaption = 70;

class Writer {
public:
  Writer(const ReportParts &p, PdfCanvas &c, PdfResult &result) : p_(p), c_(c), result_(result) {}

  std::string L(const std::string &key) const { return label(p_.lang, key); }

  void title() {
    const std::string subtitle =
        L("period") + ": " + p_.period + "    " + L("previous_period") + ": " + p_.previous;
    const std::string meta = L("as_of") + ": " + p_.as_of + "    " + L("time_zone") + ": " + p_.time_zone;
    c_.title_block(p_.company.empty() ? p_.title : p_.company + " \xC2\xB7 " + p_.title, subtitle, meta);
  }

  void kpis() {
    c_.heading(L("kpis"), 1);
    TableSpec t;
    t.headers = {L("kpi"), L("this_period"), L("previous"), L("change"), L("basis")};
    t.weights = {0.3, 0.14, 0.14, 0.17, 0.25};
    t.align = {kLeft, kRight, kRight, kRight, kLeft};
    for (const auto &k : p_.kpis) t.rows.push_back({k.label, k.current, k.previous, k.change, k.basis});
    c_.table(t);
    c_.paragraph(L("kpi_note"), kNote);
  }

  // A section that opens with a chart starts on a new page unless the
  // heading and the whole chart fit on this one.
  void chart_section(const std::string &title, const std::string &svg) {
    c_.keep(kHeadingAndCaption + c_.svg_height(svg));
    c_.heading(title, 1);
    chart(svg, "");
  }

  void chart(const std::string &svg, const std::string &caption) {
    std::string problem;
    if (c_.svg(svg, caption, problem)) {
      ++result_.charts_drawn;
    } else {
      ++result_.charts_failed;
      c_.paragraph(problem, TextStyle{0.9, false, true, Rgb{0.65, 0, 0}});
    }
  }

  void distribution() {
    const ItemTable &d = p_.distribution;
    chart_section(d.title, d.chart);
    if (d.rows.empty()) return none();
    TableSpec t;
    t.headers = {L("type"), L("count"), L("share")};
    t.weights = {0.6, 0.2, 0.2};
    t.align = {kLeft, kRight, kRight};
    for (const auto &r : d.rows) t.rows.push_back({r.key, r.count, r.share});
    c_.table(t);
  }

  void pareto(const ItemTable &table, const std::string &key_heading) {
    chart_section(table.title, table.chart);
    if (table.rows.empty()) return none();
    c_.paragraph(vital_note(table, p_), kNote);
    TableSpec t;
    t.headers = {L("rank"), key_heading, L("count"), L("share"), L("cumulative"), L("vital")};
    t.weights = {0.07, 0.43, 0.12, 0.12, 0.13, 0.13};
    t.align = {kRight, kLeft, kRight, kRight, kRight, kLeft};
    for (const auto &r : table.rows) {
      t.rows.push_back({r.rank, r.key, r.count, r.share, r.cumulative, r.vital ? "\xE2\x9C\x93" : ""});
      t.shaded_rows.push_back(r.vital);
    }
    c_.table(t);
    if (table.omitted > 0) c_.paragraph(with_number(L("rows_omitted"), std::to_string(table.omitted)), kNote);
  }

  void trend() {
    chart_section(L("trend"), p_.trend_chart);
    if (p_.trend.empty()) return;
    TableSpec t;
    t.headers = {L("month"), L("received"), L("closed")};
    t.weights = {0.4, 0.3, 0.3};
    t.align = {kLeft, kRight, kRight};
    for (const auto &m : p_.trend) t.rows.push_back({m.month, m.received, m.closed});
    c_.table(t);
  }

private:
  void none() { c_.paragraph(L("none"), TextStyle{0.95, false, true, Rgb{0.45, 0.45, 0.45}}); }

  const ReportParts &p_;
  PdfCanvas &c_;
  PdfResult &result_;
};

} // namespace

PdfResult write_pdf(const ReportParts &parts, const reportpdf::PageSetup &page, const std::string &path) {
  PdfCanvas canvas(page);
  PdfResult result;
  Writer w(parts, canvas, result);
  w.title();
  w.kpis();
  w.distribution();
  w.pareto(parts.product, label(parts.lang, "product"));
  w.pareto(parts.defect, label(parts.lang, "defect"));
  w.trend();

  const std::string header_left = parts.company.empty() ? label(parts.lang, "title") : parts.company;
  const std::string footer_left = label(parts.lang, "generated") + ": " + parts.generated_at;
  const std::string page_format = label(parts.lang, "page_footer");
  canvas.write(
      path, parts.title,
      [&](int n, int total) {
        std::string footer_right = page_format;
        footer_right.replace(footer_right.find("{n}"), 3, std::to_string(n));
        footer_right.replace(footer_right.find("{m}"), 3, std::to_string(total));
        return PageDecoration{header_left, parts.title, footer_left, footer_right};
      },
      "qloop export.review");
  result.pages = canvas.pages();
  return result;
}

} // namespace qloop::review
