#include "charts.hpp"

#include <algorithm>
#include <cmath>

#include <qloop/svg.hpp>

#include "distributions.hpp"

namespace qloop::doe {
namespace {

namespace svg = qloop::svg;

constexpr const char *kPalette[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e",
                                    "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"};
constexpr const char *kAccent = "#d62728";
constexpr const char *kPlain = "#1f77b4";

struct Range {
  double lo = 0, hi = 0;
  void add(double v) {
    if (!std::isfinite(v)) return;
    if (empty) {
      lo = hi = v;
      empty = false;
    } else {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  void pad(double fraction) {
    double span = hi - lo;
    if (span <= 0) span = std::max(1.0, std::fabs(hi)) * 0.1;
    lo -= span * fraction;
    hi += span * fraction;
  }
  bool empty = true;
};

// A small framed panel with y ticks (left panel only) and a title.
struct Panel {
  double left, top, right, bottom;
  svg::Scale x, y;
};

Panel draw_panel(svg::Document &doc, double left, double top, double width, double height, Range yr,
                 const std::string &title, bool y_labels, double x_count) {
  Panel p{left, top, left + width, top + height, {}, {}};
  auto ticks = svg::nice_ticks(yr.lo, yr.hi, 5);
  p.y = svg::Scale{yr.lo, yr.hi, p.bottom, p.top};
  p.x = svg::Scale{-0.5, x_count - 0.5, p.left, p.right};
  for (double t : ticks) {
    if (t < yr.lo || t > yr.hi) continue;
    doc.line(p.left, p.y(t), p.right, p.y(t), "#eeeeee");
    if (y_labels) doc.text(p.left - 6, p.y(t) + 4, svg::num(t, 5), 11, "end");
  }
  doc.rect(p.left, p.top, width, height, "none", "#999999");
  doc.text((p.left + p.right) / 2, p.top - 6, title, 12, "middle", "#111", 0, true);
  return p;
}

} // namespace

std::string effects_probability_plot(const std::vector<NamedValue> &effects, double pse, bool half_normal,
                                     const Labels &l) {
  const double width = 720, height = 480;
  std::vector<NamedValue> sorted = effects;
  if (half_normal)
    for (auto &e : sorted) e.value = std::fabs(e.value);
  std::sort(sorted.begin(), sorted.end(),
            [](const NamedValue &a, const NamedValue &b) { return a.value < b.value; });
  const auto m = static_cast<double>(sorted.size());
  std::vector<double> scores;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const double q = (static_cast<double>(i) + 0.5) / m;
    scores.push_back(half_normal ? normal_quantile(0.5 + 0.5 * q) : normal_quantile(q));
  }
  Range xr, yr;
  for (const auto &e : sorted) xr.add(e.value);
  for (double s : scores) yr.add(s);
  if (half_normal) xr.add(0);
  xr.pad(0.08);
  yr.pad(0.08);
  svg::Document doc(width, height);
  auto plot = svg::axes(
      doc, width, height, xr.lo, xr.hi, yr.lo, yr.hi, half_normal ? l.half_normal_plot : l.normal_plot,
      half_normal ? l.abs_effect : l.effect, half_normal ? l.half_normal_score : l.normal_score);
  if (pse > 0 && std::isfinite(pse)) {
    // Effects that are only noise scatter about effect = PSE * score.
    const double z0 = half_normal ? 0.0 : yr.lo, z1 = yr.hi;
    double x0 = pse * z0, x1 = pse * z1;
    doc.line(plot.x(std::clamp(x0, xr.lo, xr.hi)), plot.y(std::clamp(x0, xr.lo, xr.hi) / pse),
             plot.x(std::clamp(x1, xr.lo, xr.hi)), plot.y(std::clamp(x1, xr.lo, xr.hi) / pse), "#888888", 1,
             "5,4");
  }
  const bool label_all = sorted.size() <= 15;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const auto &e = sorted[i];
    const double px = plot.x(e.value), py = plot.y(scores[i]);
    doc.circle(px, py, 4, e.highlight ? kAccent : kPlain, e.name + " = " + svg::num(e.value));
    if (e.highlight || label_all)
      doc.text(px + 7, py + 4, e.name, 11, "start", e.highlight ? kAccent : "#333333", 0, e.highlight);
  }
  return doc.str();
}

std::string pareto_chart(const std::vector<NamedValue> &bars_in,
                         const std::vector<std::pair<double, std::string>> &lines,
                         const std::string &axis_label, const Labels &l) {
  std::vector<NamedValue> bars = bars_in;
  for (auto &b : bars) b.value = std::fabs(b.value);
  std::sort(bars.begin(), bars.end(),
            [](const NamedValue &a, const NamedValue &b) { return a.value > b.value; });
  const double row = 22, left = 110, right_pad = 40, top = 64;
  const double width = 720, height = top + row * static_cast<double>(bars.size()) + 60;
  Range xr;
  xr.add(0);
  for (const auto &b : bars) xr.add(b.value);
  for (const auto &ln : lines) xr.add(ln.first);
  xr.hi *= 1.08;
  if (xr.hi <= 0) xr.hi = 1;
  svg::Document doc(width, height);
  doc.text(width / 2, 24, l.pareto_chart, 15, "middle", "#111", 0, true);
  const double plot_bottom = top + row * static_cast<double>(bars.size());
  svg::Scale x{0, xr.hi, left, width - right_pad};
  for (double t : svg::nice_ticks(0, xr.hi, 6)) {
    if (t > xr.hi) continue;
    doc.line(x(t), top, x(t), plot_bottom, "#eeeeee");
    doc.text(x(t), plot_bottom + 16, svg::num(t, 5), 11, "middle");
  }
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double y = top + row * static_cast<double>(i);
    doc.rect(left, y + 3, x(bars[i].value) - left, row - 6, bars[i].highlight ? kAccent : kPlain);
    doc.text(left - 6, y + row / 2 + 4, bars[i].name, 11, "end");
  }
  doc.line(left, top, left, plot_bottom, "#333");
  doc.line(left, plot_bottom, width - right_pad, plot_bottom, "#333");
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const double px = x(lines[i].first);
    doc.line(px, top - 4, px, plot_bottom, i == 0 ? "#d62728" : "#ff7f0e", 1.5, "6,3");
    doc.text(px + 3, top - 6 - 12 * static_cast<double>(i),
             lines[i].second + " = " + svg::num(lines[i].first, 4), 11, "start",
             i == 0 ? "#d62728" : "#ff7f0e");
  }
  doc.text((left + width - right_pad) / 2, height - 14, axis_label, 12, "middle");
  doc.text(18, (top + plot_bottom) / 2, l.term, 12, "middle", "#222", -90);
  return doc.str();
}

std::string main_effects_plot(const std::vector<MainEffectPanel> &panels, double grand_mean,
                              std::optional<double> centre_mean, const std::string &response,
                              const Labels &l) {
  const double panel_w =
      std::clamp(620.0 / std::max<double>(1, static_cast<double>(panels.size())), 90.0, 220.0);
  const double left = 70, top = 60, panel_h = 260, gap = 12;
  const double width = left + (panel_w + gap) * static_cast<double>(panels.size()) + 20,
               height = top + panel_h + 70;
  Range yr;
  yr.add(grand_mean);
  if (centre_mean) yr.add(*centre_mean);
  for (const auto &p : panels)
    for (double m : p.means) yr.add(m);
  yr.pad(0.1);
  svg::Document doc(width, height);
  doc.text(width / 2, 24, l.main_effects_plot + " — " + response, 15, "middle", "#111", 0, true);
  for (std::size_t i = 0; i < panels.size(); ++i) {
    const auto &pe = panels[i];
    const double x0 = left + (panel_w + gap) * static_cast<double>(i);
    auto p = draw_panel(doc, x0, top, panel_w, panel_h, yr, pe.factor, i == 0,
                        static_cast<double>(pe.levels.size()));
    doc.line(p.left, p.y(grand_mean), p.right, p.y(grand_mean), "#888888", 1, "4,3");
    std::vector<std::pair<double, double>> pts;
    for (std::size_t j = 0; j < pe.means.size(); ++j) {
      if (!std::isfinite(pe.means[j])) continue;
      pts.emplace_back(p.x(static_cast<double>(j)), p.y(pe.means[j]));
      doc.text(p.x(static_cast<double>(j)), p.bottom + 16, pe.levels[j], 11, "middle");
    }
    doc.polyline(pts, kPlain, 2);
    for (std::size_t j = 0; j < pts.size(); ++j) doc.circle(pts[j].first, pts[j].second, 4, kPlain);
    if (centre_mean && pe.levels.size() == 2) {
      const double cx = (p.left + p.right) / 2, cy = p.y(*centre_mean);
      doc.rect(cx - 4, cy - 4, 8, 8, "#ffffff", kAccent);
    }
  }
  doc.text(18, top + panel_h / 2, l.mean + " (" + response + ")", 12, "middle", "#222", -90);
  std::string legend = l.grand_mean + " ----";
  if (centre_mean) legend += "   □ " + l.centre;
  doc.text(width / 2, height - 14, legend, 11, "middle", "#555555");
  return doc.str();
}

std::string interaction_plot(const std::vector<InteractionPanel> &panels, const std::string &response,
                             const Labels &l) {
  const std::size_t cols = std::min<std::size_t>(3, std::max<std::size_t>(1, panels.size()));
  const std::size_t rows_n = (panels.size() + cols - 1) / cols;
  std::size_t traces = 1;
  for (const auto &p : panels) traces = std::max(traces, p.trace_levels.size());
  // Room under each panel for the x labels and a legend line per trace level.
  const double panel_w = panels.size() == 1 ? 340 : 200, panel_h = panels.size() == 1 ? 260 : 190;
  const double left = 70, top = 60, gap_x = 18;
  const double gap_y = 56 + 13 * static_cast<double>(traces);
  const double width = left + (panel_w + gap_x) * static_cast<double>(cols) + 20;
  const double height = top + (panel_h + gap_y) * static_cast<double>(rows_n) + 10;
  Range yr;
  for (const auto &p : panels)
    for (const auto &tr : p.means)
      for (double m : tr) yr.add(m);
  yr.pad(0.1);
  svg::Document doc(width, height);
  doc.text(width / 2, 24, l.interaction_plot + " — " + response, 15, "middle", "#111", 0, true);
  for (std::size_t i = 0; i < panels.size(); ++i) {
    const auto &pi = panels[i];
    const double x0 = left + (panel_w + gap_x) * static_cast<double>(i % cols);
    const double y0 = top + (panel_h + gap_y) * static_cast<double>(i / cols);
    auto p = draw_panel(doc, x0, y0, panel_w, panel_h, yr, pi.x_factor + " × " + pi.trace_factor,
                        i % cols == 0, static_cast<double>(pi.x_levels.size()));
    for (std::size_t j = 0; j < pi.x_levels.size(); ++j)
      doc.text(p.x(static_cast<double>(j)), p.bottom + 15, pi.x_levels[j], 10, "middle");
    doc.text((p.left + p.right) / 2, p.bottom + 30, pi.x_factor, 11, "middle", "#333");
    for (std::size_t t = 0; t < pi.means.size(); ++t) {
      const char *colour = kPalette[t % 8];
      std::vector<std::pair<double, double>> pts;
      for (std::size_t j = 0; j < pi.means[t].size(); ++j)
        if (std::isfinite(pi.means[t][j])) pts.emplace_back(p.x(static_cast<double>(j)), p.y(pi.means[t][j]));
      doc.polyline(pts, colour, 2);
      for (const auto &pt : pts) doc.circle(pt.first, pt.second, 3.5, colour);
      // Legend under the panel: trace factor = level.
      doc.line(p.left + 4, p.bottom + 43 + 13 * static_cast<double>(t), p.left + 20,
               p.bottom + 43 + 13 * static_cast<double>(t), colour, 2);
      doc.text(p.left + 24, p.bottom + 47 + 13 * static_cast<double>(t),
               pi.trace_factor + " = " + pi.trace_levels[t], 10, "start", colour);
    }
  }
  doc.text(18, top + panel_h / 2, l.mean + " (" + response + ")", 12, "middle", "#222", -90);
  return doc.str();
}

std::string means_plot(const std::vector<GroupInterval> &groups, const std::string &factor,
                       const std::string &response, const Labels &l) {
  const double width = 720, height = 440;
  Range yr;
  for (const auto &g : groups) {
    yr.add(g.low);
    yr.add(g.high);
    yr.add(g.mean);
  }
  yr.pad(0.08);
  svg::Document doc(width, height);
  const double n = static_cast<double>(groups.size());
  auto plot = svg::axes(doc, width, height, -0.5, n - 0.5, yr.lo, yr.hi, l.means_plot, factor,
                        l.mean + " (" + response + ")", false);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto &g = groups[i];
    const double px = plot.x(static_cast<double>(i));
    if (std::isfinite(g.low) && std::isfinite(g.high)) {
      doc.line(px, plot.y(g.low), px, plot.y(g.high), kPlain, 1.5);
      doc.line(px - 6, plot.y(g.low), px + 6, plot.y(g.low), kPlain, 1.5);
      doc.line(px - 6, plot.y(g.high), px + 6, plot.y(g.high), kPlain, 1.5);
    }
    doc.circle(px, plot.y(g.mean), 4.5, kAccent, g.label + ": " + svg::num(g.mean));
    if (groups.size() <= 30) doc.text(px, plot.bottom + 17, g.label, 11, "middle");
  }
  return doc.str();
}

} // namespace qloop::doe
