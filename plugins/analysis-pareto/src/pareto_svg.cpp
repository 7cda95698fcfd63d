#include "pareto_svg.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <qloop/svg.hpp>

#include "text_width.hpp"

namespace qloop::pareto {
namespace {

constexpr double kLeft = 78, kRight = 70, kTop = 70, kPlotHeight = 300, kLabelSize = 11;
constexpr double kLabelAngle = 40; // degrees, when category names do not fit under their bars
constexpr int kLabelColumns = 24;  // longer names are cut with "…" (full name in the tooltip)
constexpr const char *kVital = "#1f5f99", *kTrivial = "#9ecae1", *kOther = "#bdbdbd", *kLine = "#d62728";

std::string percent_text(double v) { return svg::num(v, v >= 10 ? 3 : 2) + "%"; }

} // namespace

std::string pareto_svg(const Pareto &p, double threshold, const ChartText &t) {
  const auto n = static_cast<double>(p.shown.size());
  const double plot_width = std::clamp(n * 48, 360.0, 1000.0), slot = plot_width / n;
  std::vector<std::string> labels;
  double widest = 0;
  for (const auto &b : p.shown) {
    auto cut = text::wrap(b.name, kLabelColumns, 1);
    labels.push_back(cut.empty() ? "" : cut.front());
    widest = std::max(widest, text::pixels(labels.back(), kLabelSize));
  }
  const bool rotate = widest > slot - 4;
  const double label_depth = rotate ? widest * std::sin(kLabelAngle * std::numbers::pi / 180) + 16 : 20;
  const double width = kLeft + plot_width + kRight, bottom = kTop + kPlotHeight;
  const double height = bottom + 12 + label_depth + 34;
  svg::Document doc(width, height);

  // One scale for both axes: 0..total on the left is 0..100% on the right.
  const svg::Scale y{0, p.total, bottom, kTop};
  const svg::Scale pct{0, 100, bottom, kTop};
  auto x_center = [&](std::size_t i) { return kLeft + (static_cast<double>(i) + 0.5) * slot; };

  doc.text(width / 2, 24, t.title, 15, "middle", "#111", 0, true);
  // Legend under the title.
  double lx = kLeft;
  auto legend = [&](const std::string &label, const char *colour, bool line) {
    if (line)
      doc.line(lx, 45, lx + 16, 45, colour, 2, colour == std::string(kLine) ? "" : "5 3");
    else
      doc.rect(lx, 39, 12, 12, colour);
    doc.text(lx + 20, 49, label, 11, "start", "#333");
    lx += 20 + text::pixels(label, 11) + 18;
  };
  legend(t.zh ? "关键少数" : "Vital few", kVital, false);
  legend(t.zh ? "其余" : "Others", kTrivial, false);
  legend(t.zh ? "累计百分比" : "Cumulative %", kLine, true);
  legend((t.zh ? "阈值 " : "Threshold ") + percent_text(threshold), "#555", true);

  for (double tick : svg::nice_ticks(0, p.total)) {
    if (tick > p.total * (1 + 1e-9)) continue;
    doc.line(kLeft, y(tick), kLeft + plot_width, y(tick), "#eeeeee");
    doc.text(kLeft - 6, y(tick) + 4, svg::num(tick, 6), 11, "end");
  }
  for (int tick = 0; tick <= 100; tick += 20)
    doc.text(kLeft + plot_width + 6, pct(tick) + 4, std::to_string(tick) + "%", 11, "start");

  for (std::size_t i = 0; i < p.shown.size(); ++i) {
    const Bar &b = p.shown[i];
    const double x = x_center(i) - slot * 0.4, top = y(b.value);
    doc.raw("<g><title>" +
            svg::escape(b.name + ": " + svg::num(b.value, 10) + " (" + percent_text(b.percent) + ")") +
            "</title>\n");
    doc.rect(x, top, slot * 0.8, bottom - top, b.other ? kOther : b.vital ? kVital : kTrivial);
    doc.raw("</g>\n");
    // Inside a tall bar: above it, the label would sit on the cumulative line,
    // which starts at the first bar's top.
    if (slot >= 22 && bottom - top >= 18)
      doc.text(x_center(i), top + 13, svg::num(b.value, 6), 10, "middle",
               b.vital && !b.other ? "#ffffff" : "#222");
    else if (slot >= 22)
      doc.text(x_center(i), top - 4, svg::num(b.value, 6), 10, "middle", "#333");
    if (rotate)
      doc.text(x_center(i) + 4, bottom + 14, labels[i], kLabelSize, "end", "#222", -kLabelAngle);
    else
      doc.text(x_center(i), bottom + 16, labels[i], kLabelSize, "middle", "#222");
  }
  // Divider after the last vital bar, when the vital few are all shown.
  std::size_t vital_shown = 0;
  for (const auto &b : p.shown) vital_shown += b.vital ? 1 : 0;
  if (vital_shown > 0 && vital_shown < p.shown.size()) {
    const double x = kLeft + static_cast<double>(vital_shown) * slot;
    doc.line(x, kTop, x, bottom, "#555", 1, "2 3");
  }
  doc.line(kLeft, pct(threshold), kLeft + plot_width, pct(threshold), "#555", 1.2, "5 3");

  std::vector<std::pair<double, double>> points;
  for (std::size_t i = 0; i < p.shown.size(); ++i)
    points.emplace_back(x_center(i), pct(p.shown[i].cumulative_percent));
  doc.polyline(points, kLine, 2);
  for (std::size_t i = 0; i < p.shown.size(); ++i) {
    doc.circle(points[i].first, points[i].second, 3, kLine,
               p.shown[i].name + ": " + percent_text(p.shown[i].cumulative_percent));
    if (p.shown.size() <= 15 && slot >= 34)
      doc.text(points[i].first, points[i].second - 7, percent_text(p.shown[i].cumulative_percent), 9,
               "middle", kLine);
  }

  // Axes and their titles.
  doc.line(kLeft, kTop, kLeft, bottom, "#333");
  doc.line(kLeft + plot_width, kTop, kLeft + plot_width, bottom, "#333");
  doc.line(kLeft, bottom, kLeft + plot_width, bottom, "#333");
  doc.text(18, (kTop + bottom) / 2, t.value_axis, 12, "middle", "#222", -90);
  doc.text(width - 16, (kTop + bottom) / 2, t.zh ? "累计百分比" : "Cumulative %", 12, "middle", "#222", 90);
  doc.text(kLeft + plot_width / 2, height - 12, t.category_axis, 12, "middle");
  return doc.str();
}

} // namespace qloop::pareto
