#include "report_parts.hpp"

#include "charts.hpp"
#include "report_pdf/text_clean.hpp"
#include "report_pdf/time_text.hpp"

namespace qloop::review {
namespace {

constexpr const char *kEnDash = " \xE2\x80\x93 "; // " – "

std::string range_text(const DateRange &r) { return r.from + kEnDash + r.to; }

ItemTable item_table(const std::vector<Item> &items, ItemKind kind, const std::string &title, Lang lang,
                     std::string chart) {
  ItemTable t;
  t.title = title;
  t.chart = std::move(chart);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item &it = items[i];
    t.vital += it.vital ? 1 : 0;
    if (i >= kMaxTableRows) {
      ++t.omitted;
      continue;
    }
    t.rows.push_back({std::to_string(i + 1), item_label(kind, it.key, lang), it.key, std::to_string(it.count),
                      percent_text(it.share), percent_text(it.cumulative), it.vital});
  }
  return t;
}

} // namespace

ReportParts report_parts(const Review &review, Lang lang, const std::string &company,
                         const std::string &generated_at) {
  ReportParts p;
  p.lang = lang;
  p.period = range_text(review.period);
  p.previous = range_text(review.previous);
  p.title = label(lang, "title") + " " + p.period;
  p.company = reportpdf::clean_line(company, 200);
  p.as_of = reportpdf::display_time(review.as_of);
  p.time_zone = review.time_zone;
  p.generated_at = reportpdf::display_time(generated_at);
  p.threshold = percent_text(review.threshold);
  p.kpis = kpi_rows(review, lang);
  p.distribution = item_table(review.by_category, ItemKind::category, label(lang, "distribution"), lang,
                              distribution_svg(review.by_category, lang));
  // The distribution lists every type; "vital" means nothing there.
  p.distribution.vital = 0;
  for (auto &row : p.distribution.rows) row.vital = false;
  const std::string product = label(lang, "pareto_product"), defect = label(lang, "pareto_defect");
  p.product = item_table(review.by_product, ItemKind::product, product, lang,
                         pareto_svg(review.by_product, ItemKind::product, review.threshold, product, lang));
  p.defect = item_table(review.by_defect, ItemKind::defect, defect, lang,
                        pareto_svg(review.by_defect, ItemKind::defect, review.threshold, defect, lang));
  p.trend_chart = trend_svg(review.trend, lang);
  for (const auto &m : review.trend)
    p.trend.push_back({m.month, std::to_string(m.received), std::to_string(m.closed)});
  return p;
}

std::string vital_note(const ItemTable &table, const ReportParts &parts) {
  std::string note = with_number(label(parts.lang, "vital_note"), std::to_string(table.vital));
  const auto at = note.find("{t}");
  if (at != std::string::npos) note.replace(at, 3, parts.threshold);
  return note;
}

} // namespace qloop::review
