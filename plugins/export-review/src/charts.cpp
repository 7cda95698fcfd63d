#include "charts.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <qloop/svg.hpp>
#include <qloop/text.hpp>

namespace qloop::review {
namespace {

constexpr const char *kVital = "#1f5f99", *kTrivial = "#9ecae1", *kRest = "#bdbdbd", *kLine = "#d62728";
constexpr const char *kReceived = "#4472c4", *kClosed = "#ed7d31", *kBar = "#4472c4";
constexpr double kLabelSize = 11;
constexpr double kLabelAngle = 40; // degrees, when the names do not fit under their bars
constexpr int kLabelColumns = 24;  // longer names are cut with "…" (the full name is in the tooltip)

std::string cut(const std::string &text, int columns) {
  auto lines = qloop::text::wrap(text, columns, 1);
  return lines.empty() ? std::string() : lines.front();
}

std::string count_text(std::int64_t n) { return std::to_string(n); }

// Axis ticks for counts: whole numbers only (no "7.5 complaints").
std::vector<double> count_ticks(double top) {
  std::vector<double> ticks;
  for (double t : svg::nice_ticks(0, top))
    if (t == std::floor(t)) ticks.push_back(t);
  return ticks;
}

// A chart with nothing to show still says why, at the size of a small chart.
std::string empty_chart(const std::string &title, Lang lang) {
  svg::Document doc(640, 140);
  doc.text(320, 24, title, 15, "middle", "#111", 0, true);
  doc.text(320, 84, label(lang, "none"), 13, "middle", "#777");
  return doc.str();
}

// Names under a row of bars: level when they fit their slot, else slanted.
struct AxisLabels {
  std::vector<std::string> text;
  bool rotate = false;
  double depth = 20; // pixels below the axis they need
};

AxisLabels axis_labels(const std::vector<std::string> &names, double slot) {
  AxisLabels out;
  double widest = 0;
  for (const auto &n : names) {
    out.text.push_back(cut(n, kLabelColumns));
    widest = std::max(widest, qloop::text::pixels(out.text.back(), kLabelSize));
  }
  out.rotate = widest > slot - 4;
  if (out.rotate) out.depth = widest * std::sin(kLabelAngle * std::numbers::pi / 180) + 16;
  return out;
}

void draw_axis_labels(svg::Document &doc, const AxisLabels &labels, double first_center, double slot,
                      double bottom) {
  for (std::size_t i = 0; i < labels.text.size(); ++i) {
    const double x = first_center + static_cast<double>(i) * slot;
    if (labels.rotate)
      doc.text(x + 4, bottom + 14, labels.text[i], kLabelSize, "end", "#222", -kLabelAngle);
    else
      doc.text(x, bottom + 16, labels.text[i], kLabelSize, "middle", "#222");
  }
}

// A legend entry: a square (bars) or a short line (series), then its name.
class Legend {
public:
  Legend(svg::Document &doc, double x, double y) : doc_(doc), x_(x), y_(y) {}
  void box(const std::string &name, const char *colour) {
    doc_.rect(x_, y_ - 10, 12, 12, colour);
    label(name);
  }
  void line(const std::string &name, const char *colour, const char *dash = "") {
    doc_.line(x_, y_ - 4, x_ + 16, y_ - 4, colour, 2, dash);
    label(name);
  }

private:
  void label(const std::string &name) {
    doc_.text(x_ + 20, y_, name, 11, "start", "#333");
    x_ += 20 + qloop::text::pixels(name, 11) + 18;
  }
  svg::Document &doc_;
  double x_, y_;
};

struct Bar {
  std::string name;
  std::int64_t count = 0;
  double cumulative = 0; // 0..1
  bool vital = false, rest = false;
};

// The first kMaxBars items, and the rest summed into one bar.
std::vector<Bar> bars_of(const std::vector<Item> &items, ItemKind kind, Lang lang) {
  std::vector<Bar> bars;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item &it = items[i];
    if (i < kMaxBars) {
      bars.push_back({item_label(kind, it.key, lang), it.count, it.cumulative, it.vital, false});
    } else {
      if (i == kMaxBars) bars.push_back({label(lang, "other_items"), 0, 0, false, true});
      bars.back().count += it.count;
      bars.back().cumulative = it.cumulative;
    }
  }
  return bars;
}

} // namespace

std::string distribution_svg(const std::vector<Item> &items, Lang lang) {
  const std::string title = label(lang, "distribution");
  std::int64_t max_count = 0;
  for (const auto &it : items) max_count = std::max(max_count, it.count);
  if (items.empty() || max_count == 0) return empty_chart(title, lang);

  constexpr double kWidth = 640, kTop = 52, kRow = 26, kBarHeight = 16, kTextSize = 12;
  std::vector<std::string> names;
  double label_width = 60;
  for (const auto &it : items) {
    names.push_back(cut(item_label(ItemKind::category, it.key, lang), 28));
    label_width = std::max(label_width, qloop::text::pixels(names.back(), kTextSize));
  }
  label_width = std::min(label_width, 200.0);
  const double x0 = 16 + label_width + 10, x1 = kWidth - 120;
  const double height = kTop + kRow * static_cast<double>(items.size()) + 24;
  svg::Document doc(kWidth, height);
  doc.text(kWidth / 2, 24, title, 15, "middle", "#111", 0, true);
  const svg::Scale x{0, static_cast<double>(max_count), x0, x1};
  for (double tick : count_ticks(static_cast<double>(max_count))) {
    if (tick > static_cast<double>(max_count)) continue;
    doc.line(x(tick), kTop - 6, x(tick), height - 20, "#eeeeee");
    doc.text(x(tick), height - 6, svg::num(tick, 6), 10, "middle", "#555");
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const double y = kTop + kRow * static_cast<double>(i);
    doc.text(x0 - 8, y + kBarHeight - 3, names[i], kTextSize, "end", "#222");
    doc.raw("<g><title>" + svg::escape(names[i] + ": " + count_text(items[i].count)) + "</title>\n");
    doc.rect(x0, y, x(static_cast<double>(items[i].count)) - x0, kBarHeight, kBar);
    doc.raw("</g>\n");
    doc.text(x(static_cast<double>(items[i].count)) + 6, y + kBarHeight - 3,
             count_text(items[i].count) + " (" + percent_text(items[i].share) + ")", 11, "start", "#333");
  }
  doc.line(x0, kTop - 6, x0, height - 20, "#333");
  return doc.str();
}

std::string pareto_svg(const std::vector<Item> &items, ItemKind kind, double threshold,
                       const std::string &title, Lang lang) {
  std::int64_t total = 0;
  for (const auto &it : items) total += it.count;
  if (items.empty() || total == 0) return empty_chart(title, lang);

  const std::vector<Bar> bars = bars_of(items, kind, lang);
  constexpr double kLeft = 70, kRight = 64, kTop = 70, kPlotHeight = 280;
  const auto n = static_cast<double>(bars.size());
  const double plot_width = std::clamp(n * 48, 360.0, 900.0), slot = plot_width / n;
  std::vector<std::string> names;
  for (const auto &b : bars) names.push_back(b.name);
  const AxisLabels under = axis_labels(names, slot);
  const double width = kLeft + plot_width + kRight, bottom = kTop + kPlotHeight;
  const double height = bottom + 12 + under.depth + 30;
  svg::Document doc(width, height);

  // One scale for both axes: 0..total on the left is 0..100% on the right,
  // so the cumulative line ends on the top of the stacked bars.
  const svg::Scale y{0, static_cast<double>(total), bottom, kTop};
  const svg::Scale pct{0, 100, bottom, kTop};
  auto center = [&](std::size_t i) { return kLeft + (static_cast<double>(i) + 0.5) * slot; };

  doc.text(width / 2, 24, title, 15, "middle", "#111", 0, true);
  Legend legend(doc, kLeft, 50);
  legend.box(label(lang, "vital"), kVital);
  legend.box(label(lang, "others"), kTrivial);
  legend.line(label(lang, "cumulative_percent"), kLine);
  legend.line(label(lang, "threshold") + " " + percent_text(threshold), "#555", "5 3");

  for (double tick : count_ticks(static_cast<double>(total))) {
    if (tick > static_cast<double>(total) * (1 + 1e-9)) continue;
    doc.line(kLeft, y(tick), kLeft + plot_width, y(tick), "#eeeeee");
    doc.text(kLeft - 6, y(tick) + 4, svg::num(tick, 6), 11, "end");
  }
  for (int tick = 0; tick <= 100; tick += 20)
    doc.text(kLeft + plot_width + 6, pct(tick) + 4, std::to_string(tick) + "%", 11, "start");

  std::size_t vital_bars = 0;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar &b = bars[i];
    vital_bars += b.vital ? 1 : 0;
    const double x = center(i) - slot * 0.4, top = y(static_cast<double>(b.count));
    doc.raw("<g><title>" + svg::escape(b.name + ": " + count_text(b.count)) + "</title>\n");
    doc.rect(x, top, slot * 0.8, bottom - top, b.rest ? kRest : b.vital ? kVital : kTrivial);
    doc.raw("</g>\n");
    // Inside a tall bar (above it the number would sit on the cumulative line).
    if (slot >= 22 && bottom - top >= 18)
      doc.text(center(i), top + 13, count_text(b.count), 10, "middle", b.vital ? "#ffffff" : "#222");
    else if (slot >= 22)
      doc.text(center(i), top - 4, count_text(b.count), 10, "middle", "#333");
  }
  draw_axis_labels(doc, under, center(0), slot, bottom);
  // The vital few end here, when they end before the last bar.
  if (vital_bars > 0 && vital_bars < bars.size()) {
    const double x = kLeft + static_cast<double>(vital_bars) * slot;
    doc.line(x, kTop, x, bottom, "#555", 1, "2 3");
  }
  doc.line(kLeft, pct(threshold * 100), kLeft + plot_width, pct(threshold * 100), "#555", 1.2, "5 3");

  std::vector<std::pair<double, double>> points;
  for (std::size_t i = 0; i < bars.size(); ++i) points.emplace_back(center(i), pct(bars[i].cumulative * 100));
  doc.polyline(points, kLine, 2);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    doc.circle(points[i].first, points[i].second, 3, kLine,
               bars[i].name + ": " + percent_text(bars[i].cumulative));
    if (bars.size() <= 15 && slot >= 34)
      doc.text(points[i].first, points[i].second - 7, percent_text(bars[i].cumulative), 9, "middle", kLine);
  }

  doc.line(kLeft, kTop, kLeft, bottom, "#333");
  doc.line(kLeft + plot_width, kTop, kLeft + plot_width, bottom, "#333");
  doc.line(kLeft, bottom, kLeft + plot_width, bottom, "#333");
  doc.text(18, (kTop + bottom) / 2, label(lang, "count"), 12, "middle", "#222", -90);
  doc.text(width - 14, (kTop + bottom) / 2, label(lang, "cumulative_percent"), 12, "middle", "#222", 90);
  return doc.str();
}

std::string trend_svg(const std::vector<Month> &months, Lang lang) {
  const std::string title = label(lang, "trend");
  if (months.empty()) return empty_chart(title, lang);
  std::int64_t peak = 0;
  for (const auto &m : months) peak = std::max({peak, m.received, m.closed});

  constexpr double kLeft = 60, kRight = 24, kTop = 64, kPlotHeight = 240;
  const auto n = static_cast<double>(months.size());
  const double plot_width = std::clamp(n * 56, 400.0, 900.0), slot = plot_width / n;
  std::vector<std::string> names;
  for (const auto &m : months) names.push_back(m.month);
  const AxisLabels under = axis_labels(names, slot);
  const double width = kLeft + plot_width + kRight, bottom = kTop + kPlotHeight;
  const double height = bottom + 12 + under.depth + 16;
  svg::Document doc(width, height);
  const double top_value = std::max<double>(static_cast<double>(peak), 1);
  const auto nice = svg::nice_ticks(0, top_value);
  const svg::Scale y{0, std::max(top_value, nice.empty() ? top_value : nice.back()), bottom, kTop};
  const auto ticks = count_ticks(top_value);
  auto center = [&](std::size_t i) { return kLeft + (static_cast<double>(i) + 0.5) * slot; };

  doc.text(width / 2, 24, title, 15, "middle", "#111", 0, true);
  Legend legend(doc, kLeft, 48);
  legend.box(label(lang, "received"), kReceived);
  legend.box(label(lang, "closed"), kClosed);
  for (double tick : ticks) {
    doc.line(kLeft, y(tick), kLeft + plot_width, y(tick), "#eeeeee");
    doc.text(kLeft - 6, y(tick) + 4, svg::num(tick, 6), 11, "end");
  }
  const double bar = slot * 0.36;
  for (std::size_t i = 0; i < months.size(); ++i) {
    const Month &m = months[i];
    const double received_top = y(static_cast<double>(m.received)),
                 closed_top = y(static_cast<double>(m.closed));
    doc.raw("<g><title>" +
            svg::escape(m.month + ": " + label(lang, "received") + " " + count_text(m.received) + ", " +
                        label(lang, "closed") + " " + count_text(m.closed)) +
            "</title>\n");
    doc.rect(center(i) - bar, received_top, bar, bottom - received_top, kReceived);
    doc.rect(center(i), closed_top, bar, bottom - closed_top, kClosed);
    doc.raw("</g>\n");
    if (slot >= 40) {
      doc.text(center(i) - bar / 2, received_top - 3, count_text(m.received), 9, "middle", "#333");
      doc.text(center(i) + bar / 2, closed_top - 3, count_text(m.closed), 9, "middle", "#333");
    }
  }
  draw_axis_labels(doc, under, center(0), slot, bottom);
  doc.line(kLeft, kTop, kLeft, bottom, "#333");
  doc.line(kLeft, bottom, kLeft + plot_width, bottom, "#333");
  doc.text(16, (kTop + bottom) / 2, label(lang, "count"), 12, "middle", "#222", -90);
  return doc.str();
}

} // namespace qloop::review
