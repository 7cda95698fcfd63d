#include "svg_charts.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <qloop/svg.hpp>

namespace qloop::spc {
namespace {

using svg::num;

constexpr const char *kBlue = "#1f77b4";
constexpr const char *kRed = "#d62728";
constexpr const char *kGreen = "#2ca02c";
constexpr const char *kOrange = "#ff7f0e";
constexpr const char *kZone = "#b0b0b0";
// Markers and rule labels only while points stay distinguishable.
constexpr std::size_t kMaxMarkers = 400;
// Width kept right of a control-chart plot for the UCL/CL/LCL labels.
constexpr double kLabelMargin = 90;

struct Range {
  double lo = HUGE_VAL, hi = -HUGE_VAL;
  void add(double v) {
    if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  }
};

// A horizontal line (constant limits) or a step line (per-point limits).
template <class ValueAt>
void limit_line(svg::Document &doc, const svg::Plot &p, const ChartSeries &s, ValueAt value_at,
                const char *colour, double width, const char *dash) {
  const std::size_t n = s.size();
  const double x0 = static_cast<double>(s.first_number) - 0.5;
  if (s.limits.is_constant()) {
    const double y = p.y(value_at(s.limits.first()));
    doc.line(p.x(x0), y, p.x(x0 + static_cast<double>(n)), y, colour, width, dash);
    return;
  }
  std::string d;
  for (std::size_t i = 0; i < n; ++i) {
    const double y = p.y(value_at(s.limits.at(i)));
    const double xa = p.x(x0 + static_cast<double>(i)), xb = p.x(x0 + static_cast<double>(i) + 1);
    d += (i == 0 ? "M" : "L") + num(xa) + "," + num(y) + "L" + num(xb) + "," + num(y);
  }
  doc.raw("<path d=\"" + d + "\" stroke=\"" + colour + "\" fill=\"none\" stroke-width=\"" + num(width) +
          "\" stroke-dasharray=\"" + dash + "\"/>\n");
}

// Rule labels per flagged point ("1", "2,5", "W4"): from the per-point masks
// when the log kept them (every flagged point), else from the capped lists.
std::map<std::size_t, std::string> flag_labels(const ViolationLog &log, std::size_t points) {
  std::map<std::size_t, std::string> out;
  auto label_of = [](std::uint16_t mask) {
    std::string label;
    for (Rule r : RuleSet(mask).rules())
      label += (label.empty() ? "" : ",") + std::string(rule_info(r).label);
    return label;
  };
  if (log.has_masks()) {
    for (std::size_t i = 0; i < points; ++i)
      if (log.mask(i)) out[i] = label_of(log.mask(i));
    return out;
  }
  std::map<std::size_t, std::uint16_t> masks;
  for (std::size_t k = 0; k < kRuleCount; ++k)
    for (std::size_t i : log.first(rule_at(k))) masks[i] = static_cast<std::uint16_t>(masks[i] | (1u << k));
  for (const auto &[i, m] : masks) out[i] = label_of(m);
  return out;
}

// Point numbers are whole: ticks at "nice" whole steps only.
void integer_ticks(svg::Document &doc, const svg::Plot &p, double lo, double hi) {
  const auto nice = svg::nice_ticks(lo, hi, 8);
  const double step = nice.size() > 1 ? std::max(1.0, std::round(nice[1] - nice[0])) : 1.0;
  for (double t = std::ceil(lo / step) * step; t <= hi; t += step) {
    if (t < lo) continue;
    doc.line(p.x(t), p.bottom, p.x(t), p.bottom + 4, "#333");
    doc.text(p.x(t), p.bottom + 17, num(t, 10), 11, "middle");
  }
}

} // namespace

std::string control_panel_svg(const PanelSpec &spec, double width, double height) {
  const ChartSeries &s = *spec.series;
  const std::size_t n = s.size();
  const double first = static_cast<double>(s.first_number);
  const bool downsample = n > spec.max_points;

  Range yr;
  for (std::size_t i = 0; i < n; ++i) yr.add(s.value(i));
  const std::size_t limit_points = s.limits.is_constant() ? 1 : n;
  for (std::size_t i = 0; i < limit_points; ++i) {
    yr.add(s.limits.at(i).ucl);
    yr.add(s.limits.at(i).lcl);
    yr.add(s.limits.at(i).center);
  }
  if (spec.lsl) yr.add(*spec.lsl);
  if (spec.usl) yr.add(*spec.usl);
  const double pad = (yr.hi - yr.lo) * 0.06 + (yr.hi == yr.lo ? 1 : 0);

  svg::Document doc(width, height);
  // The plot leaves a margin on the right for the limit labels, so that they
  // never sit under the points.
  const double x_lo = first - 0.5, x_hi = first + static_cast<double>(n) - 0.5;
  const svg::Plot p = svg::axes(doc, width - kLabelMargin, height, x_lo, x_hi, yr.lo - pad, yr.hi + pad,
                                spec.title, spec.x_label, spec.title, false);
  integer_ticks(doc, p, x_lo, x_hi);

  // Sigma zones (1 and 2 sigma) where the chart's rules use them.
  if (s.limits.is_constant() && (s.family == ChartFamily::location || s.family == ChartFamily::attribute)) {
    const Zones z = Zones::of(s.limits.first());
    for (double y : {z.up1, z.up2, z.down1, z.down2})
      if (y > yr.lo - pad && y < yr.hi + pad) doc.line(p.left, p.y(y), p.right, p.y(y), kZone, 0.8, "2,4");
  }
  limit_line(
      doc, p, s, [](const ControlLimits &l) { return l.center; }, kGreen, 1.5, "");
  limit_line(
      doc, p, s, [](const ControlLimits &l) { return l.ucl; }, kRed, 1.3, "6,4");
  limit_line(
      doc, p, s, [](const ControlLimits &l) { return l.lcl; }, kRed, 1.3, "6,4");
  // Right-hand labels, nudged apart when two limits are close on screen.
  std::vector<std::pair<double, std::pair<std::string, const char *>>> labels;
  const ControlLimits &last = s.limits.at(n - 1);
  labels.push_back({p.y(last.ucl), {"UCL=" + num(last.ucl, 6), kRed}});
  labels.push_back({p.y(last.center), {"CL=" + num(last.center, 6), kGreen}});
  labels.push_back({p.y(last.lcl), {"LCL=" + num(last.lcl, 6), kRed}});
  for (auto [limit, name] : {std::pair{spec.lsl, "LSL"}, {spec.usl, "USL"}})
    if (limit) {
      doc.line(p.left, p.y(*limit), p.right, p.y(*limit), kOrange, 1.3, "10,3,2,3");
      labels.push_back({p.y(*limit), {std::string(name) + "=" + num(*limit, 6), kOrange}});
    }
  std::sort(labels.begin(), labels.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
  double previous = -HUGE_VAL;
  for (auto &[y, text] : labels) {
    y = std::max(y, previous + 12);
    previous = y;
    doc.text(p.right + 6, y + 4, text.first, 10, "start", text.second);
  }
  if (spec.phase1_prefix > 0 && spec.phase1_prefix < n) {
    const double xb = p.x(first + static_cast<double>(spec.phase1_prefix) - 0.5);
    doc.line(xb, p.top, xb, p.bottom, "#555", 1, "3,3");
    doc.text(xb - 4, p.top - 4, spec.labels.text("Phase I", "第一阶段"), 10, "end", "#555");
    doc.text(xb + 4, p.top - 4, spec.labels.text("Phase II", "第二阶段"), 10, "start", "#555");
  }

  std::vector<std::pair<double, double>> line;
  if (!downsample) {
    line.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
      line.emplace_back(p.x(first + static_cast<double>(i)), p.y(s.value(i)));
    doc.polyline(line, kBlue, 1.2);
    if (n <= kMaxMarkers)
      for (const auto &[x, y] : line) doc.circle(x, y, 2.5, kBlue);
  } else {
    // Min and max per bucket keep every excursion visible at any n; a bucket
    // holding a violation gets a red mark at its extreme point.
    const std::size_t buckets = std::min(kChartBuckets, n);
    const std::vector<std::uint16_t> none;
    const auto &marks = s.violations ? s.violations->bucket_masks() : none;
    line.reserve(2 * buckets);
    for (std::size_t b = 0; b < buckets; ++b) {
      // Point i is in bucket ⌊i·buckets/n⌋, as in ViolationLog.
      const std::size_t from = (b * n + buckets - 1) / buckets, to = ((b + 1) * n + buckets - 1) / buckets;
      if (from >= to) continue;
      Range bucket;
      for (std::size_t i = from; i < to; ++i) bucket.add(s.value(i));
      const double x = p.x(first + static_cast<double>(from + to) / 2.0);
      line.emplace_back(x, p.y(bucket.lo));
      line.emplace_back(x, p.y(bucket.hi));
      if (marks.size() == buckets && marks[b]) {
        const double centre = s.limits.at(from).center;
        const double extreme = bucket.hi - centre >= centre - bucket.lo ? bucket.hi : bucket.lo;
        std::string rules;
        for (Rule r : RuleSet(marks[b]).rules())
          rules += (rules.empty() ? "" : ",") + std::string(rule_info(r).label);
        doc.circle(x, p.y(extreme), 3, kRed,
                   spec.labels.text("points ", "点 ") + std::to_string(s.first_number + from) + "-" +
                       std::to_string(s.first_number + to - 1) + ": " + spec.labels.text("rules ", "规则 ") +
                       rules);
      }
    }
    doc.polyline(line, kBlue, 0.8);
    doc.text(
        p.left + 4, p.top - 4,
        spec.labels.text("downsampled: minimum and maximum of ", "已抽样显示：每组的最小值和最大值，共 ") +
            std::to_string(n) + spec.labels.text(" points in ", " 点，分为 ") + std::to_string(buckets) +
            spec.labels.text(" buckets", " 组"),
        10, "start", "#555");
  }
  if (s.violations) {
    const auto flags = downsample ? std::map<std::size_t, std::string>() : flag_labels(*s.violations, n);
    const bool annotate = flags.size() <= kMaxMarkers;
    if (!flags.empty() || (downsample && s.violations->total() > 0))
      doc.text(width - 8, 22,
               spec.labels.text("red: rule broken (1-8 Nelson, W1-W4 Western Electric)",
                                "红点：违反的判异规则（1-8 Nelson，W1-W4 西电）"),
               10, "end", kRed);
    for (const auto &[i, text] : flags) {
      const double x = p.x(first + static_cast<double>(i)), y = p.y(s.value(i));
      doc.circle(x, y, 4, kRed,
                 spec.labels.text("point ", "点 ") + std::to_string(s.first_number + i) + ": " +
                     spec.labels.text("rules ", "规则 ") + text);
      if (annotate) doc.text(x, y - 7, text, 10, "middle", kRed, 0, true);
    }
  }
  return doc.str();
}

std::string stack_panels(const std::vector<std::string> &panels, double width, double panel_height) {
  svg::Document doc(width, panel_height * static_cast<double>(panels.size()));
  for (std::size_t k = 0; k < panels.size(); ++k)
    doc.raw("<g transform=\"translate(0," + num(panel_height * static_cast<double>(k)) + ")\">\n" +
            panels[k] + "</g>\n");
  return doc.str();
}

std::string capability_histogram_svg(const HistogramSpec &h, double width, double height) {
  const auto &v = *h.values;
  Range xr;
  for (double x : v) xr.add(x);
  const double data_lo = xr.lo, data_hi = xr.hi;
  if (h.spec.lsl) xr.add(*h.spec.lsl);
  if (h.spec.usl) xr.add(*h.spec.usl);
  xr.add(h.mean - 3.5 * h.sigma_overall);
  xr.add(h.mean + 3.5 * h.sigma_overall);
  // A margin so that limit lines and their labels stay clear of the frame.
  const double margin = 0.05 * (xr.hi - xr.lo);
  xr.lo -= margin;
  xr.hi += margin;
  // Sturges' rule for the number of bins, over the data's own range.
  const std::size_t bins =
      std::clamp<std::size_t>(static_cast<std::size_t>(std::ceil(std::log2(double(v.size())) + 1)), 5, 60);
  const double bw = data_hi > data_lo ? (data_hi - data_lo) / double(bins) : 1.0;
  std::vector<std::size_t> counts(bins, 0);
  for (double x : v) ++counts[std::min(bins - 1, static_cast<std::size_t>(std::floor((x - data_lo) / bw)))];
  const double top_count = static_cast<double>(*std::max_element(counts.begin(), counts.end()));
  auto density = [](double x, double m, double s) {
    return std::exp(-0.5 * (x - m) * (x - m) / (s * s)) / (s * std::sqrt(2 * M_PI));
  };
  const double scale = double(v.size()) * bw; // density -> expected count per bin
  const double peak = scale * density(h.mean, h.mean, std::min(h.sigma_within, h.sigma_overall));
  svg::Document doc(width, height);
  const svg::Plot p = svg::axes(doc, width, height, xr.lo, xr.hi, 0, std::max(top_count, peak) * 1.1, h.title,
                                h.x_label, h.labels.text("Frequency", "频数"));
  for (std::size_t b = 0; b < bins; ++b) {
    const double x0 = data_lo + double(b) * bw;
    doc.rect(p.x(x0), p.y(double(counts[b])), p.x(x0 + bw) - p.x(x0), p.y(0) - p.y(double(counts[b])),
             "#9ecae1", "#4a90c2");
  }
  auto curve = [&](double sigma, const char *colour, double widthpx) {
    std::vector<std::pair<double, double>> pts;
    for (int k = 0; k <= 200; ++k) {
      const double x = xr.lo + (xr.hi - xr.lo) * k / 200.0;
      pts.emplace_back(p.x(x), p.y(scale * density(x, h.mean, sigma)));
    }
    doc.polyline(pts, colour, widthpx);
  };
  curve(h.sigma_overall, "#08306b", 1.8);
  curve(h.sigma_within, kRed, 1.4);
  for (auto [limit, name] : {std::pair{h.spec.lsl, "LSL"}, {h.spec.usl, "USL"}, {h.spec.target, "T"}})
    if (limit) {
      doc.line(p.x(*limit), p.top, p.x(*limit), p.bottom, kOrange, 1.5, name[0] == 'T' ? "3,3" : "8,4");
      doc.text(p.x(*limit), p.top - 4, std::string(name) + "=" + num(*limit, 6), 10, "middle", kOrange);
    }
  doc.text(p.right - 4, p.top + 14, h.labels.text("— overall", "— 整体"), 11, "end", "#08306b");
  doc.text(p.right - 4, p.top + 28, h.labels.text("— within", "— 组内"), 11, "end", kRed);
  return doc.str();
}

std::string probability_plot_svg(const std::vector<ProbabilityPoint> &points, double mean, double sd,
                                 const std::string &title, const Labels &labels, double width,
                                 double height) {
  Range xr, yr;
  for (const auto &pt : points) xr.add(pt.value), yr.add(pt.quantile);
  const double px = (xr.hi - xr.lo) * 0.05 + (xr.hi == xr.lo ? 1 : 0);
  // Keep the fitted line inside the plot.
  yr.add((xr.lo - px - mean) / sd);
  yr.add((xr.hi + px - mean) / sd);
  svg::Document doc(width, height);
  const svg::Plot p = svg::axes(doc, width, height, xr.lo - px, xr.hi + px, yr.lo - 0.2, yr.hi + 0.2, title,
                                labels.text("Value", "测量值"), labels.text("Normal quantile", "正态分位数"));
  // The fitted normal: quantile = (x - mean)/sd.
  doc.line(p.x(xr.lo - px), p.y((xr.lo - px - mean) / sd), p.x(xr.hi + px), p.y((xr.hi + px - mean) / sd),
           kRed, 1.3);
  const std::size_t step = std::max<std::size_t>(1, points.size() / 2000);
  for (std::size_t i = 0; i < points.size(); i += step)
    doc.circle(p.x(points[i].value), p.y(points[i].quantile), 2.5, kBlue);
  return doc.str();
}

} // namespace qloop::spc
