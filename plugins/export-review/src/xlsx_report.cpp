#include "xlsx_report.hpp"

#include <algorithm>

#include <qloop/plugin.hpp>
#include <xlsxwriter.h>

#include "report_pdf/text_clean.hpp"

namespace qloop::review {
namespace {

constexpr lxw_color_t kHeaderFill = 0xDDEBF7, kAccent = 0x1F4E79;
constexpr lxw_color_t kVital = 0x1F5F99, kTrivial = 0x9ECAE1, kLine = 0xD62728;
constexpr lxw_color_t kReceived = 0x4472C4, kClosed = 0xED7D31;
constexpr lxw_row_t kKpiHeaderRow = 6; // rows above it: title, period, previous, as of, time zone, blank

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Seconds since the epoch as an Excel date serial (days since 1899-12-30).
double excel_serial(std::chrono::sys_seconds t) {
  return static_cast<double>(t.time_since_epoch().count()) / 86400.0 + 25569.0;
}

// Display width in Excel character units: CJK characters take two.
double display_width(const std::string &s) {
  double w = 0;
  for (unsigned char b : s) w += b < 0x80 ? 1 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0; // continuation bytes: 0
  return w;
}

class Book {
public:
  Book(const std::string &path, Lang lang) : lang_(lang), path_(path) {
    workbook_ = workbook_new(path.c_str());
    if (workbook_ == nullptr) throw sdk::Error(QLOOP_ERR_IO, "xlsx: cannot create " + path);
    header_ = format([](lxw_format *f) {
      format_set_bold(f);
      format_set_bg_color(f, kHeaderFill);
      format_set_border(f, LXW_BORDER_THIN);
      format_set_text_wrap(f);
      format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    });
    title_ = format([](lxw_format *f) {
      format_set_bold(f);
      format_set_font_size(f, 14);
      format_set_font_color(f, kAccent);
    });
    bold_ = format([](lxw_format *f) { format_set_bold(f); });
    note_ = format([](lxw_format *f) {
      format_set_italic(f);
      format_set_font_color(f, 0x555555);
    });
    count_ = number_format("0");
    days_ = number_format("0.0");
    score_ = number_format("0.00");
    share_ = number_format("0.0%");
    date_ = number_format("yyyy-mm-dd hh:mm");
    change_count_ = number_format("+0.0%;-0.0%;0.0%");
    const std::string pt = label(lang, "pt");
    change_share_ = number_format("+0.0\" " + pt + "\";-0.0\" " + pt + "\";0.0\" " + pt + "\"");
    change_days_ = number_format("+0.0;-0.0;0.0");
    change_score_ = number_format("+0.00;-0.00;0.00");
  }
  ~Book() {
    if (workbook_ != nullptr) lxw_workbook_free(workbook_); // abandoned: nothing is written
  }
  Book(const Book &) = delete;
  Book &operator=(const Book &) = delete;

  lxw_worksheet *sheet(const std::string &name) {
    lxw_worksheet *ws = workbook_add_worksheet(workbook_, name.c_str());
    if (ws == nullptr) throw sdk::Error(QLOOP_ERR_IO, "xlsx: cannot add sheet '" + name + "'");
    result_.sheets.push_back(name);
    return ws;
  }

  lxw_chart *chart(uint8_t type) {
    lxw_chart *c = workbook_add_chart(workbook_, type);
    if (c == nullptr) throw sdk::Error(QLOOP_ERR_NO_MEMORY, "xlsx: cannot add a chart");
    return c;
  }

  void insert(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_chart *c, double x_scale = 1.0) {
    lxw_chart_options options{};
    options.x_scale = x_scale;
    options.y_scale = 1.0;
    check(worksheet_insert_chart_opt(ws, row, col, c, &options), "chart");
    ++result_.charts;
  }

  // Always a string cell, whatever the text looks like.
  void text(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const std::string &s, lxw_format *f = nullptr) {
    const std::string safe = xlsx_text(s);
    if (safe.empty()) return;
    check(worksheet_write_string(ws, r, c, safe.c_str(), f), "text cell");
  }
  void number(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v, lxw_format *f = nullptr) {
    check(worksheet_write_number(ws, r, c, v, f), "number cell");
  }
  void boolean(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, bool v) {
    check(worksheet_write_boolean(ws, r, c, v ? 1 : 0, nullptr), "boolean cell");
  }

  // A header row, and columns at least as wide as their headings.
  void header_row(lxw_worksheet *ws, lxw_row_t r, const std::vector<std::string> &headings,
                  const std::vector<double> &widths) {
    for (std::size_t i = 0; i < headings.size(); ++i) {
      const auto c = static_cast<lxw_col_t>(i);
      const double width = std::max(i < widths.size() ? widths[i] : 12.0, display_width(headings[i]) + 2);
      check(worksheet_set_column(ws, c, c, width, nullptr), "column width");
      text(ws, r, c, headings[i], header_);
    }
    worksheet_freeze_panes(ws, r + 1, 0);
  }

  void check(lxw_error err, const char *what) const {
    if (err != LXW_NO_ERROR)
      throw sdk::Error(QLOOP_ERR_INTERNAL, std::string("xlsx: ") + what + ": " + lxw_strerror(err));
  }

  XlsxResult close() {
    lxw_workbook *wb = workbook_;
    workbook_ = nullptr; // workbook_close frees it whatever happens
    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR)
      throw sdk::Error(QLOOP_ERR_IO, "xlsx: cannot write " + path_ + ": " + lxw_strerror(err));
    return result_;
  }

  Lang lang() const { return lang_; }
  lxw_format *header_ = nullptr, *title_ = nullptr, *bold_ = nullptr, *note_ = nullptr, *count_ = nullptr,
             *days_ = nullptr, *score_ = nullptr, *share_ = nullptr, *date_ = nullptr,
             *change_count_ = nullptr, *change_share_ = nullptr, *change_days_ = nullptr,
             *change_score_ = nullptr;

private:
  template <class Setup> lxw_format *format(Setup setup) {
    lxw_format *f = workbook_add_format(workbook_);
    if (f == nullptr) throw sdk::Error(QLOOP_ERR_NO_MEMORY, "xlsx: cannot add a format");
    setup(f);
    return f;
  }
  lxw_format *number_format(const std::string &code) {
    return format([&](lxw_format *f) { format_set_num_format(f, code.c_str()); });
  }

  Lang lang_;
  std::string path_;
  lxw_workbook *workbook_ = nullptr;
  XlsxResult result_;
};

std::string L(const Book &b, const std::string &key) { return label(b.lang(), key); }

lxw_format *value_format(Book &b, const std::string &unit) {
  if (unit == "share") return b.share_;
  if (unit == "count") return b.count_;
  if (unit == "days") return b.days_;
  return b.score_;
}

void kpi_sheet(Book &b, const Review &review, const ReportParts &parts) {
  lxw_worksheet *ws = b.sheet(L(b, "kpis"));
  b.text(ws, 0, 0, parts.company.empty() ? parts.title : parts.company + " \xC2\xB7 " + parts.title,
         b.title_);
  b.text(ws, 1, 0, L(b, "period"), b.bold_);
  b.text(ws, 1, 1, parts.period);
  b.text(ws, 2, 0, L(b, "previous_period"), b.bold_);
  b.text(ws, 2, 1, parts.previous);
  b.text(ws, 3, 0, L(b, "as_of") + " (UTC)", b.bold_);
  if (const auto t = parse_time(review.as_of))
    b.number(ws, 3, 1, excel_serial(*t), b.date_);
  else
    b.text(ws, 3, 1, review.as_of);
  b.text(ws, 4, 0, L(b, "time_zone"), b.bold_);
  b.text(ws, 4, 1, review.time_zone);

  b.header_row(ws, kKpiHeaderRow,
               {L(b, "kpi"), L(b, "kpi_id"), L(b, "unit"), L(b, "this_period"), L(b, "previous"),
                L(b, "change"), L(b, "numerator"), L(b, "denominator"), L(b, "pending"),
                L(b, "previous_numerator"), L(b, "previous_denominator"), L(b, "previous_pending")},
               {30, 26, 12, 14, 16, 14, 12, 12, 10, 14, 14, 12});
  lxw_row_t r = kKpiHeaderRow + 1;
  for (const auto &k : review.kpis) {
    b.text(ws, r, 0, kpi_label(b.lang(), k.id));
    b.text(ws, r, 1, k.id);
    const std::string unit_word = label(b.lang(), "unit_" + k.unit);
    b.text(ws, r, 2, unit_word == "unit_" + k.unit ? k.unit : unit_word);
    lxw_format *f = value_format(b, k.unit);
    if (k.current.value) b.number(ws, r, 3, *k.current.value, f);
    if (k.previous.value) b.number(ws, r, 4, *k.previous.value, f);
    if (k.change) {
      // A share's change in percentage points (3.0 pt), a count's relative (-20.0%).
      if (k.unit == "share")
        b.number(ws, r, 5, *k.change * 100, b.change_share_);
      else
        b.number(ws, r, 5, *k.change,
                 k.unit == "count"  ? b.change_count_
                 : k.unit == "days" ? b.change_days_
                                    : b.change_score_);
    }
    b.number(ws, r, 6, static_cast<double>(k.current.numerator));
    b.number(ws, r, 7, static_cast<double>(k.current.denominator));
    b.number(ws, r, 8, static_cast<double>(k.current.pending));
    b.number(ws, r, 9, static_cast<double>(k.previous.numerator));
    b.number(ws, r, 10, static_cast<double>(k.previous.denominator));
    b.number(ws, r, 11, static_cast<double>(k.previous.pending));
    ++r;
  }
  b.text(ws, r + 1, 0, L(b, "kpi_note"), b.note_);
}

// Columns of a distribution or Pareto sheet.
enum Col : lxw_col_t { kRank, kName, kCode, kCount, kShare, kCumulative, kVitalCol, kThreshold };

void item_rows(Book &b, lxw_worksheet *ws, const std::vector<Item> &items, ItemKind kind,
               const std::string &name, double threshold, bool pareto) {
  std::vector<std::string> headings = {L(b, "rank"),  name,          L(b, "code"),
                                       L(b, "count"), L(b, "share"), L(b, "cumulative")};
  if (pareto) {
    headings.push_back(L(b, "vital"));
    headings.push_back(L(b, "threshold"));
  }
  b.header_row(ws, 0, headings, {6, 34, 26, 12, 10, 12, 12, 10});
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item &it = items[i];
    const auto r = static_cast<lxw_row_t>(i + 1);
    b.number(ws, r, kRank, static_cast<double>(i + 1));
    b.text(ws, r, kName, item_label(kind, it.key, b.lang()));
    b.text(ws, r, kCode, it.key);
    b.number(ws, r, kCount, static_cast<double>(it.count), b.count_);
    b.number(ws, r, kShare, it.share, b.share_);
    b.number(ws, r, kCumulative, it.cumulative, b.share_);
    if (pareto) {
      b.boolean(ws, r, kVitalCol, it.vital);
      b.number(ws, r, kThreshold, threshold, b.share_); // a column, so the chart can draw it as a line
    }
  }
}

void series_colour(lxw_chart_series *s, lxw_color_t colour) {
  lxw_chart_fill fill{colour, 0, 0};
  chart_series_set_fill(s, &fill);
}

void distribution_sheet(Book &b, const Review &review, const ReportParts &parts) {
  const std::string sheet = L(b, "distribution");
  lxw_worksheet *ws = b.sheet(sheet);
  item_rows(b, ws, review.by_category, ItemKind::category, L(b, "type"), review.threshold, false);
  if (review.by_category.empty()) return;
  const auto last = static_cast<lxw_row_t>(review.by_category.size());
  lxw_chart *c = b.chart(LXW_CHART_BAR);
  lxw_chart_series *s = chart_add_series(c, nullptr, nullptr);
  chart_series_set_categories(s, sheet.c_str(), 1, kName, last, kName);
  chart_series_set_values(s, sheet.c_str(), 1, kCount, last, kCount);
  chart_series_set_name(s, L(b, "count").c_str());
  series_colour(s, kReceived);
  chart_series_set_labels(s);
  chart_title_set_name(c, parts.distribution.title.c_str());
  chart_legend_set_position(c, LXW_CHART_LEGEND_NONE);
  chart_axis_set_reverse(c->x_axis); // largest at the top, as in the table
  b.insert(ws, 1, kCumulative + 2, c);
}

void pareto_sheet(Book &b, const std::vector<Item> &items, ItemKind kind, const std::string &title,
                  const std::string &name_heading, double threshold) {
  lxw_worksheet *ws = b.sheet(title);
  item_rows(b, ws, items, kind, name_heading, threshold, true);
  if (items.empty()) return;
  const std::string sheet = title;
  const auto shown = std::min(items.size(), kMaxXlsxChartRows);
  const auto last = static_cast<lxw_row_t>(shown);

  // Counts, the vital few dark.
  lxw_chart *bars = b.chart(LXW_CHART_COLUMN);
  lxw_chart_series *s = chart_add_series(bars, nullptr, nullptr);
  chart_series_set_categories(s, sheet.c_str(), 1, kName, last, kName);
  chart_series_set_values(s, sheet.c_str(), 1, kCount, last, kCount);
  chart_series_set_name(s, L(b, "count").c_str());
  std::vector<lxw_chart_fill> fills(shown);
  std::vector<lxw_chart_point> points(shown);
  std::vector<lxw_chart_point *> point_list;
  for (std::size_t i = 0; i < shown; ++i) {
    fills[i] = lxw_chart_fill{items[i].vital ? kVital : kTrivial, 0, 0};
    points[i] = lxw_chart_point{nullptr, &fills[i], nullptr};
    point_list.push_back(&points[i]);
  }
  point_list.push_back(nullptr);
  b.check(chart_series_set_points(s, point_list.data()), "chart points");
  chart_title_set_name(bars, (title + " \xC2\xB7 " + L(b, "count")).c_str());
  chart_legend_set_position(bars, LXW_CHART_LEGEND_NONE);
  b.insert(ws, 1, kThreshold + 2, bars, 1.3);

  // The cumulative share and the threshold, on the same categories.
  lxw_chart *line = b.chart(LXW_CHART_LINE);
  lxw_chart_series *cum = chart_add_series(line, nullptr, nullptr);
  chart_series_set_categories(cum, sheet.c_str(), 1, kName, last, kName);
  chart_series_set_values(cum, sheet.c_str(), 1, kCumulative, last, kCumulative);
  chart_series_set_name(cum, L(b, "cumulative_percent").c_str());
  lxw_chart_line cum_line{kLine, 0, 2.25, LXW_CHART_LINE_DASH_SOLID, 0};
  chart_series_set_line(cum, &cum_line);
  chart_series_set_marker_type(cum, LXW_CHART_MARKER_CIRCLE);
  lxw_chart_series *limit = chart_add_series(line, nullptr, nullptr);
  chart_series_set_categories(limit, sheet.c_str(), 1, kName, last, kName);
  chart_series_set_values(limit, sheet.c_str(), 1, kThreshold, last, kThreshold);
  chart_series_set_name(limit, L(b, "threshold").c_str());
  lxw_chart_line dashed{0x555555, 0, 1.5, LXW_CHART_LINE_DASH_DASH, 0};
  chart_series_set_line(limit, &dashed);
  chart_series_set_marker_type(limit, LXW_CHART_MARKER_NONE);
  chart_title_set_name(line, (title + " \xC2\xB7 " + L(b, "cumulative_chart")).c_str());
  chart_axis_set_min(line->y_axis, 0);
  chart_axis_set_max(line->y_axis, 1);
  chart_axis_set_num_format(line->y_axis, "0%");
  chart_legend_set_position(line, LXW_CHART_LEGEND_BOTTOM);
  b.insert(ws, 17, kThreshold + 2, line, 1.3);
}

void trend_sheet(Book &b, const Review &review) {
  const std::string title = L(b, "trend");
  lxw_worksheet *ws = b.sheet(title);
  b.header_row(ws, 0, {L(b, "month"), L(b, "received"), L(b, "closed")}, {12, 12, 12});
  for (std::size_t i = 0; i < review.trend.size(); ++i) {
    const auto r = static_cast<lxw_row_t>(i + 1);
    b.text(ws, r, 0, review.trend[i].month);
    b.number(ws, r, 1, static_cast<double>(review.trend[i].received), b.count_);
    b.number(ws, r, 2, static_cast<double>(review.trend[i].closed), b.count_);
  }
  if (review.trend.empty()) return;
  const auto last = static_cast<lxw_row_t>(review.trend.size());
  lxw_chart *c = b.chart(LXW_CHART_COLUMN);
  const std::pair<lxw_col_t, lxw_color_t> series[] = {{1, kReceived}, {2, kClosed}};
  for (const auto &[col, colour] : series) {
    lxw_chart_series *s = chart_add_series(c, nullptr, nullptr);
    chart_series_set_categories(s, title.c_str(), 1, 0, last, 0);
    chart_series_set_values(s, title.c_str(), 1, col, last, col);
    chart_series_set_name(s, L(b, col == 1 ? "received" : "closed").c_str());
    series_colour(s, colour);
  }
  chart_title_set_name(c, title.c_str());
  chart_legend_set_position(c, LXW_CHART_LEGEND_BOTTOM);
  b.insert(ws, 1, 4, c, 1.4);
}

} // namespace

std::string xlsx_text(const std::string &text) {
  const std::string clean = reportpdf::clean(text, 32000);
  std::string out;
  out.reserve(clean.size());
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const bool escape_like = i + 7 <= clean.size() && clean[i] == '_' && clean[i + 1] == 'x' &&
                             is_hex(clean[i + 2]) && is_hex(clean[i + 3]) && is_hex(clean[i + 4]) &&
                             is_hex(clean[i + 5]) && clean[i + 6] == '_';
    out += escape_like ? std::string("_x005F_") : std::string(1, clean[i]);
  }
  return out;
}

XlsxResult write_xlsx(const Review &review, const ReportParts &parts, const std::string &path) {
  Book book(path, parts.lang);
  kpi_sheet(book, review, parts);
  distribution_sheet(book, review, parts);
  pareto_sheet(book, review.by_product, ItemKind::product, label(parts.lang, "pareto_product"),
               label(parts.lang, "product"), review.threshold);
  pareto_sheet(book, review.by_defect, ItemKind::defect, label(parts.lang, "pareto_defect"),
               label(parts.lang, "defect"), review.threshold);
  trend_sheet(book, review);
  return book.close();
}

} // namespace qloop::review
