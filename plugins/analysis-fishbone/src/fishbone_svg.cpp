#include "fishbone_svg.hpp"

#include <algorithm>

#include <qloop/svg.hpp>

#include "fishbone_parse.hpp"
#include "text_width.hpp"

namespace qloop::fishbone {
namespace {

constexpr double kMargin = 24, kRatio = 0.45; // bone slant: dx per dy
constexpr double kCauseSize = 12, kSubSize = 11, kLabelSize = 13, kLineFactor = 1.3;
constexpr double kMarkerGap = 16; // between a label's end and the bone (the marker sits there)
constexpr double kTwig = 26;      // how far left of the bone a sub-cause twig drops
constexpr double kSpineGap = 14, kRowGap = 5, kBoneGap = 36, kLabelHeight = 24, kMinBone = 80;
constexpr int kCauseColumns = 30, kSubColumns = 26, kMaxLines = 2;

struct Style {
  const char *colour;
  bool strike;
};

Style style(Status s) {
  switch (s) {
  case Status::verified: return {"#c62828", false};
  case Status::ruled_out: return {"#9e9e9e", true};
  default: return {"#ef6c00", false};
  }
}

// One line of text on a bone: a cause or a sub-cause.
struct Row {
  const Cause *cause = nullptr;
  bool sub = false;
  std::vector<std::string> lines;
  std::string suffix; // link references, drawn small after the last line
  double text_width = 0, height = 0;
  double line_y = 0, dy = 0; // set by layout: the branch line and its distance from the spine
};

struct Bone {
  Category category;
  bool top = true;
  std::vector<Row> rows;
  double rows_height = 0, reach = 0, spine_x = 0;
  std::string label;
  double label_width = 0;
};

std::string links_text(const Cause &c) {
  std::string out;
  for (const auto &l : c.links)
    out += (out.empty() ? "" : ", ") + std::string(l.method == "doe" ? "DOE " : "5Why ") + l.ref;
  // A no-break space: renderers drop an ordinary one at the start of a tspan.
  return out.empty() ? out : "\u00A0[" + out + "]";
}

Row make_row(const Cause &c, bool sub) {
  Row r{&c, sub, {}, links_text(c), 0, 0, 0, 0};
  const double size = sub ? kSubSize : kCauseSize;
  r.lines = text::wrap(c.text, sub ? kSubColumns : kCauseColumns, kMaxLines);
  if (r.lines.empty()) r.lines.push_back("");
  const double max_px = text::pixels(std::string(sub ? kSubColumns : kCauseColumns, 'x'), size);
  if (!r.suffix.empty() && text::pixels(r.lines.back(), size) + text::pixels(r.suffix, size - 2) > max_px)
    r.lines.push_back("");
  for (std::size_t i = 0; i < r.lines.size(); ++i) {
    double w =
        text::pixels(r.lines[i], size) + (i + 1 == r.lines.size() ? text::pixels(r.suffix, size - 2) : 0);
    r.text_width = std::max(r.text_width, w);
  }
  r.height = static_cast<double>(r.lines.size()) * size * kLineFactor + kRowGap;
  return r;
}

class FishboneDrawing {
public:
  FishboneDrawing(const Diagram &d, bool zh) : d_(d), zh_(zh) {
    for (Category c : kCategories) {
      Bone b{c, index(c) < 3, {}, 0, 0, 0, label(c, zh), 0};
      for (const auto &cause : d.bones[index(c)]) {
        b.rows.push_back(make_row(cause, false));
        for (const auto &sub : cause.sub_causes) b.rows.push_back(make_row(sub, true));
      }
      for (const auto &r : b.rows) b.rows_height += r.height;
      b.label_width = text::pixels(b.label, kLabelSize) + 20;
      bones_.push_back(std::move(b));
    }
  }

  std::string draw() {
    layout();
    svg::Document doc(width_, height_);
    doc.text(width_ / 2, 26, zh_ ? "鱼骨图(人机料法环测)" : "Fishbone diagram (6M)", 16, "middle", "#111", 0,
             true);
    draw_spine_and_head(doc);
    for (const auto &b : bones_) draw_bone(doc, b);
    draw_legend(doc);
    return doc.str();
  }

private:
  double bone_x(const Bone &b, double dy) const { return b.spine_x - dy * kRatio; }

  void layout() {
    for (bool top : {true, false}) {
      double h = kMinBone;
      for (const auto &b : bones_)
        if (b.top == top) h = std::max(h, kSpineGap + b.rows_height + 12);
      (top ? top_height_ : bottom_height_) = h;
    }
    spine_y_ = 44 + kLabelHeight + 4 + top_height_;
    for (auto &b : bones_) place_rows(b);
    // Columns left to right; each takes the widest of its upper and lower bone.
    double x = kMargin;
    for (std::size_t column = 0; column < 3; ++column) {
      Bone &up = bones_[column], &down = bones_[column + 3];
      const double reach = std::max(up.reach, down.reach);
      up.spine_x = down.spine_x = x + reach;
      x = up.spine_x + kBoneGap;
    }
    head_lines_ = text::wrap(d_.effect, text::columns_in(200, kLabelSize), 6);
    head_width_ = 24;
    for (const auto &l : head_lines_) head_width_ = std::max(head_width_, text::pixels(l, kLabelSize) + 24);
    head_height_ = static_cast<double>(head_lines_.size()) * kLabelSize * kLineFactor + 18;
    head_x_ = bones_[2].spine_x + 40;
    width_ = std::max(head_x_ + head_width_ + kMargin, 560.0);
    legend_y_ = spine_y_ + bottom_height_ + 4 + kLabelHeight + 30;
    height_ = std::max(legend_y_ + 20, spine_y_ + head_height_ / 2 + kMargin);
  }

  // Rows stack in reading order, close to the spine on both sides.
  void place_rows(Bone &b) {
    double top = b.top ? spine_y_ - kSpineGap - b.rows_height : spine_y_ + kSpineGap;
    for (auto &r : b.rows) {
      r.line_y = top + r.height - 2;
      r.dy = std::abs(spine_y_ - r.line_y);
      top += r.height;
    }
    const double length = b.top ? top_height_ : bottom_height_;
    b.reach = length * kRatio + b.label_width / 2;
    for (std::size_t i = 0; i < b.rows.size(); ++i) {
      const Row &r = b.rows[i];
      if (!r.sub) {
        b.reach = std::max(b.reach, text_dy(b, r) * kRatio + kMarkerGap + r.text_width + 4);
      } else {
        b.reach = std::max(b.reach, twig_offset(b, i) + kMarkerGap + r.text_width + 4);
      }
    }
  }

  // Above the spine a label's top is further from the spine than its line,
  // and the slanting bone closer to it: align the label to the bone there.
  static double text_dy(const Bone &b, const Row &r) { return b.top ? r.dy + r.height - kRowGap : r.dy; }

  // Distance from the spine attachment to the twig of the sub-cause group
  // that row `i` belongs to: left of the bone at every row of the group.
  double twig_offset(const Bone &b, std::size_t i) const {
    std::size_t first = i;
    while (first > 0 && b.rows[first].sub) --first;
    double dy = b.rows[first].dy;
    for (std::size_t k = first + 1; k < b.rows.size() && b.rows[k].sub; ++k) dy = std::max(dy, b.rows[k].dy);
    return dy * kRatio + kTwig;
  }

  void draw_spine_and_head(svg::Document &doc) {
    doc.line(kMargin - 6, spine_y_, head_x_ - 10, spine_y_, "#37474f", 3);
    doc.path("M" + svg::num(head_x_ - 12) + "," + svg::num(spine_y_ - 7) + " L" + svg::num(head_x_) + "," +
                 svg::num(spine_y_) + " L" + svg::num(head_x_ - 12) + "," + svg::num(spine_y_ + 7) + " Z",
             "#37474f", "#37474f");
    const double top = spine_y_ - head_height_ / 2;
    doc.raw("<g><title>" + svg::escape(d_.effect) + "</title>\n");
    doc.raw("<rect x=\"" + svg::num(head_x_) + "\" y=\"" + svg::num(top) + "\" width=\"" +
            svg::num(head_width_) + "\" height=\"" + svg::num(head_height_) +
            "\" rx=\"10\" fill=\"#263238\"/>\n");
    double y = top + 9;
    for (const auto &l : head_lines_) {
      doc.text(head_x_ + 12, y + kLabelSize, l, kLabelSize, "start", "#ffffff", 0, true);
      y += kLabelSize * kLineFactor;
    }
    doc.raw("</g>\n");
  }

  void draw_bone(svg::Document &doc, const Bone &b) {
    const double length = b.top ? top_height_ : bottom_height_;
    const double far_y = b.top ? spine_y_ - length : spine_y_ + length, far_x = bone_x(b, length);
    doc.line(far_x, far_y, b.spine_x, spine_y_, "#37474f", 2);
    const double label_top = b.top ? far_y - 4 - kLabelHeight : far_y + 4;
    doc.raw("<rect x=\"" + svg::num(far_x - b.label_width / 2) + "\" y=\"" + svg::num(label_top) +
            "\" width=\"" + svg::num(b.label_width) + "\" height=\"" + svg::num(kLabelHeight) +
            "\" rx=\"4\" fill=\"#37474f\"/>\n");
    doc.text(far_x, label_top + 17, b.label, kLabelSize, "middle", "#ffffff", 0, true);
    for (std::size_t i = 0; i < b.rows.size(); ++i) draw_row(doc, b, i);
  }

  void draw_row(svg::Document &doc, const Bone &b, std::size_t i) {
    const Row &r = b.rows[i];
    const Style st = style(r.cause->status);
    const double size = r.sub ? kSubSize : kCauseSize;
    // A cause branches off the bone; a sub-cause off its cause's twig.
    const double end_x = r.sub ? b.spine_x - twig_offset(b, i) : bone_x(b, r.dy);
    const double text_end = (r.sub ? end_x : bone_x(b, text_dy(b, r))) - kMarkerGap;
    const double start_x = text_end - r.text_width - 4;
    std::string tip = r.cause->text + " — " + label(r.cause->status, zh_) + links_text(*r.cause);
    doc.raw("<g><title>" + svg::escape(tip) + "</title>\n");
    doc.line(start_x, r.line_y, end_x, r.line_y, st.colour, r.sub ? 1 : 1.4, st.strike ? "4 3" : "");
    if (r.sub) { // the twig from the cause's line down (or up) to this row
      std::size_t cause_row = i;
      while (cause_row > 0 && b.rows[cause_row].sub) --cause_row;
      doc.line(end_x, b.rows[cause_row].line_y, end_x, r.line_y, "#90a4ae", 1);
    }
    marker(doc, text_end + kMarkerGap / 2, r.line_y - size * 0.45, r.cause->status);
    double baseline = r.line_y - 4 - static_cast<double>(r.lines.size() - 1) * size * kLineFactor;
    for (std::size_t k = 0; k < r.lines.size(); ++k) {
      const bool last = k + 1 == r.lines.size();
      std::string markup = "<text x=\"" + svg::num(text_end) + "\" y=\"" + svg::num(baseline) +
                           "\" font-size=\"" + svg::num(size) + "\" text-anchor=\"end\" fill=\"" + st.colour +
                           "\"";
      if (st.strike) markup += " text-decoration=\"line-through\"";
      if (!r.sub) markup += " font-weight=\"bold\"";
      markup += ">" + svg::escape(r.lines[k]);
      if (last && !r.suffix.empty())
        markup += "<tspan fill=\"#78909c\" font-weight=\"normal\" font-size=\"" + svg::num(size - 2) + "\">" +
                  svg::escape(r.suffix) + "</tspan>";
      doc.raw(markup + "</text>\n");
      baseline += size * kLineFactor;
    }
    doc.raw("</g>\n");
  }

  static void marker(svg::Document &doc, double x, double y, Status s) {
    const Style st = style(s);
    if (s == Status::verified) {
      doc.raw("<circle cx=\"" + svg::num(x) + "\" cy=\"" + svg::num(y) + "\" r=\"4.5\" fill=\"" + st.colour +
              "\"/>\n");
    } else if (s == Status::suspected) {
      doc.raw("<circle cx=\"" + svg::num(x) + "\" cy=\"" + svg::num(y) +
              "\" r=\"4\" fill=\"#ffffff\" stroke=\"" + st.colour + "\" stroke-width=\"1.8\"/>\n");
    } else {
      doc.line(x - 4, y - 4, x + 4, y + 4, st.colour, 1.8);
      doc.line(x - 4, y + 4, x + 4, y - 4, st.colour, 1.8);
    }
  }

  void draw_legend(svg::Document &doc) {
    double x = kMargin;
    doc.text(x, legend_y_ + 4, zh_ ? "状态:" : "Status:", 12, "start", "#37474f", 0, true);
    x += text::pixels(zh_ ? "状态:" : "Status:", 12) + 14;
    for (Status s : kStatuses) {
      marker(doc, x, legend_y_, s);
      const std::string name = label(s, zh_);
      doc.text(x + 10, legend_y_ + 4, name, 12, "start", style(s).colour);
      x += 10 + text::pixels(name, 12) + 22;
    }
  }

  const Diagram &d_;
  bool zh_;
  std::vector<Bone> bones_;
  double top_height_ = 0, bottom_height_ = 0, spine_y_ = 0;
  std::vector<std::string> head_lines_;
  double head_x_ = 0, head_width_ = 0, head_height_ = 0;
  double width_ = 0, height_ = 0, legend_y_ = 0;
};

} // namespace

std::string fishbone_svg(const Diagram &d, bool zh) { return FishboneDrawing(d, zh).draw(); }

} // namespace qloop::fishbone
