// qloop plugin SDK: a small header-only SVG writer for charts, so every
// analysis plugin draws with the same fonts, escaping and axis rules.
// Text is UTF-8; the font stack names Noto CJK so Chinese renders wherever
// Debian's fonts-noto-cjk (or any CJK font) is installed.
#ifndef QLOOP_SVG_HPP
#define QLOOP_SVG_HPP

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qloop::svg {

inline constexpr const char *kFontFamily =
    "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','WenQuanYi Micro Hei',sans-serif";

// Escapes text for SVG/XML content and attribute values.
inline std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default:
      if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') out += c;
    }
  }
  return out;
}

// A number as short text (up to `digits` significant digits).
inline std::string num(double v, int digits = 6) {
  if (!std::isfinite(v)) return "0";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

// Maps a data interval onto a pixel interval (reversed for y by giving
// pixel_from > pixel_to).
struct Scale {
  double d0 = 0, d1 = 1, p0 = 0, p1 = 1;
  double operator()(double v) const {
    return d1 == d0 ? (p0 + p1) / 2 : p0 + (v - d0) * (p1 - p0) / (d1 - d0);
  }
};

// "Nice" tick values covering [lo, hi] (about `count` of them).
inline std::vector<double> nice_ticks(double lo, double hi, int count = 5) {
  if (!(hi > lo)) {
    double pad = lo == 0 ? 1 : std::fabs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  double raw = (hi - lo) / std::max(1, count);
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * mag >= raw) {
      step = m * mag;
      break;
    }
  std::vector<double> ticks;
  for (double t = std::ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
    ticks.push_back(std::fabs(t) < step * 1e-9 ? 0.0 : t);
  return ticks;
}

class Document {
public:
  Document(double width, double height) : width_(width), height_(height) {}

  Document &line(double x1, double y1, double x2, double y2, std::string_view stroke = "#333",
                 double width = 1, std::string_view dash = "") {
    body_ += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) +
             "\" stroke=\"" + escape(stroke) + "\" stroke-width=\"" + num(width) + "\"";
    if (!dash.empty()) body_ += " stroke-dasharray=\"" + escape(dash) + "\"";
    body_ += "/>\n";
    return *this;
  }
  Document &rect(double x, double y, double w, double h, std::string_view fill,
                 std::string_view stroke = "none") {
    body_ += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(std::max(0.0, w)) +
             "\" height=\"" + num(std::max(0.0, h)) + "\" fill=\"" + escape(fill) + "\" stroke=\"" +
             escape(stroke) + "\"/>\n";
    return *this;
  }
  Document &circle(double cx, double cy, double r, std::string_view fill, std::string_view title = "") {
    body_ += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\" fill=\"" +
             escape(fill) + "\">";
    if (!title.empty()) body_ += "<title>" + escape(title) + "</title>";
    body_ += "</circle>\n";
    return *this;
  }
  // Points as (x, y) pixel pairs.
  Document &polyline(const std::vector<std::pair<double, double>> &points,
                     std::string_view stroke = "#1f77b4", double width = 1.5) {
    body_ += "<polyline fill=\"none\" stroke=\"" + escape(stroke) + "\" stroke-width=\"" + num(width) +
             "\" points=\"";
    for (const auto &[x, y] : points) body_ += num(x) + "," + num(y) + " ";
    body_ += "\"/>\n";
    return *this;
  }
  Document &path(std::string_view d, std::string_view stroke = "#333", std::string_view fill = "none",
                 double width = 1) {
    body_ += "<path d=\"" + escape(d) + "\" stroke=\"" + escape(stroke) + "\" fill=\"" + escape(fill) +
             "\" stroke-width=\"" + num(width) + "\"/>\n";
    return *this;
  }
  // anchor: start, middle or end. rotate: degrees about (x, y).
  Document &text(double x, double y, std::string_view content, double size = 12,
                 std::string_view anchor = "start", std::string_view fill = "#222", double rotate = 0,
                 bool bold = false) {
    body_ += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"" + num(size) +
             "\" text-anchor=\"" + escape(anchor) + "\" fill=\"" + escape(fill) + "\"";
    if (bold) body_ += " font-weight=\"bold\"";
    if (rotate != 0) body_ += " transform=\"rotate(" + num(rotate) + " " + num(x) + " " + num(y) + ")\"";
    body_ += ">" + escape(content) + "</text>\n";
    return *this;
  }
  // Raw SVG markup (already escaped by the caller).
  Document &raw(std::string_view markup) {
    body_ += markup;
    return *this;
  }

  std::string str() const {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width_) + "\" height=\"" +
           num(height_) + "\" viewBox=\"0 0 " + num(width_) + " " + num(height_) + "\" font-family=\"" +
           escape(kFontFamily) + "\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n" + body_ +
           "</svg>\n";
  }

private:
  double width_, height_;
  std::string body_;
};

// A plot area with axes, ticks, grid and labels; returns the scales.
struct Plot {
  Scale x, y;
  double left, top, right, bottom;
};

inline Plot axes(Document &doc, double width, double height, double xmin, double xmax, double ymin,
                 double ymax, std::string_view title, std::string_view xlabel, std::string_view ylabel,
                 bool x_ticks = true) {
  Plot p{{}, {}, 70, 40, width - 30, height - 55};
  auto yt = nice_ticks(ymin, ymax);
  if (!yt.empty()) {
    ymin = std::min(ymin, yt.front());
    ymax = std::max(ymax, yt.back());
  }
  p.x = Scale{xmin, xmax, p.left, p.right};
  p.y = Scale{ymin, ymax, p.bottom, p.top};
  doc.text(width / 2, 22, title, 15, "middle", "#111", 0, true);
  for (double t : yt) {
    double py = p.y(t);
    doc.line(p.left, py, p.right, py, "#e5e5e5");
    doc.text(p.left - 6, py + 4, num(t, 5), 11, "end");
  }
  if (x_ticks)
    for (double t : nice_ticks(xmin, xmax, 8)) {
      if (t < xmin || t > xmax) continue;
      double px = p.x(t);
      doc.line(px, p.bottom, px, p.bottom + 4, "#333");
      doc.text(px, p.bottom + 17, num(t, 5), 11, "middle");
    }
  doc.line(p.left, p.bottom, p.right, p.bottom, "#333");
  doc.line(p.left, p.top, p.left, p.bottom, "#333");
  doc.text((p.left + p.right) / 2, height - 12, xlabel, 12, "middle");
  doc.text(16, (p.top + p.bottom) / 2, ylabel, 12, "middle", "#222", -90);
  return p;
}

} // namespace qloop::svg

#endif // QLOOP_SVG_HPP
