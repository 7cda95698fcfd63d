#include "five_why_svg.hpp"

#include <algorithm>
#include <map>

#include <qloop/svg.hpp>

#include "five_why_parse.hpp"
#include "text_width.hpp"

namespace qloop::fivewhy {
namespace {

constexpr double kBoxWidth = 240, kPad = 8, kColumnGap = 28, kRowGap = 44, kMargin = 24;
constexpr double kHeaderSize = 10, kQuestionSize = 11, kAnswerSize = 12.5, kEvidenceSize = 10.5;
constexpr double kLineFactor = 1.3, kChipHeight = 18, kSeparator = 7;
constexpr int kMaxLines = 6;

struct Labels {
  const char *title, *problem, *why, *evidence, *no_evidence, *root_cause, *untyped, *occurrence, *escape;
};
constexpr Labels kEnglish{"5 Why analysis", "Problem",          "Why",
                          "Evidence: ",     "No evidence",      "Root cause",
                          "no cause type",  "Occurrence cause", "Escape cause"};
constexpr Labels kChinese{"5Why 分析", "问题",       "为什么",   "证据:",   "无证据",
                          "根本原因",  "未标注类型", "发生原因", "流出原因"};

// Text laid out in a box of the standard width, and the height it needs.
struct BoxText {
  std::string header;
  std::vector<std::string> question, answer, evidence;
  bool evidence_missing = false;
  std::string chip, chip_fill;
  std::string tooltip;
  double height = 0;
};

struct Placed {
  int column = 0, depth = 0;
  double x = 0, y = 0;
  BoxText text;
};

double line_height(double size) { return size * kLineFactor; }

std::vector<std::string> wrap_px(const std::string &s, double width, double size, int max_lines = kMaxLines) {
  return text::wrap(s, text::columns_in(width, size), max_lines);
}

std::string join(const std::vector<std::string> &items, const char *separator) {
  std::string out;
  for (const auto &item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

const char *chip_colour(std::optional<CauseType> type) {
  if (!type || *type == CauseType::man) return "#c62828";
  if (*type == CauseType::method || *type == CauseType::system || *type == CauseType::management)
    return "#2e7d32";
  return "#1565c0";
}

class TreeDrawing {
public:
  TreeDrawing(const Analysis &a, const Tree &t, const std::vector<Finding> &f, bool zh)
      : a_(a), t_(t), l_(zh ? kChinese : kEnglish), zh_(zh) {
    placed_.resize(a.chains.size());
    for (std::size_t c = 0; c < a.chains.size(); ++c) placed_[c].resize(a.chains[c].steps.size());
    for (const auto &finding : f) mark(finding);
  }

  std::string draw() {
    for (const auto &root : t_.roots()) assign(root, 1);
    layout();
    svg::Document doc(width_, height_);
    doc.text(width_ / 2, 26, l_.title, 16, "middle", "#111", 0, true);
    draw_bands(doc);
    draw_problem(doc);
    for (const auto &root : t_.roots()) draw_subtree(doc, root);
    return doc.str();
  }

private:
  Placed &at(StepRef r) { return placed_[r.chain][r.step]; }

  void mark(const Finding &f) {
    if (!f.where.is_object() || !f.where.contains("chain") || !f.where.contains("step")) return;
    for (std::size_t c = 0; c < a_.chains.size(); ++c)
      if (a_.chains[c].id == f.where["chain"]) {
        auto key = std::make_pair(c, f.where["step"].get<std::size_t>() - 1);
        auto &severity = flags_[key];
        if (severity != "error") severity = f.severity;
      }
  }

  // Leaves take the next free column; a step sits above its first child, so
  // a chain runs straight down and its branches open to the right.
  void assign(StepRef r, int depth) {
    Placed &p = at(r);
    p.depth = depth;
    p.text = box_text(r, depth);
    const auto &children = t_.children(r);
    if (children.empty()) {
      p.column = columns_++;
    } else {
      for (const auto &child : children) assign(child, depth + 1);
      p.column = at(children.front()).column;
    }
    depth_ = std::max(depth_, depth);
  }

  BoxText box_text(StepRef r, int depth) const {
    const Chain &chain = t_.chain(r);
    const Step &step = t_.step(r);
    const double inner = kBoxWidth - 2 * kPad;
    BoxText b;
    std::string header = std::string(l_.why) + " " + std::to_string(depth);
    if (r.step == 0) header = (chain.title.empty() ? chain.id : chain.title) + " · " + header;
    auto header_lines = wrap_px(header, inner, kHeaderSize, 1);
    b.header = header_lines.empty() ? "" : header_lines.front();
    b.question = wrap_px(step.why, inner, kQuestionSize);
    b.answer = wrap_px(step.because, inner, kAnswerSize);
    b.evidence_missing = step.evidence.empty();
    b.evidence = b.evidence_missing
                     ? std::vector<std::string>{l_.no_evidence}
                     : wrap_px(l_.evidence + join(step.evidence, zh_ ? ";" : "; "), inner, kEvidenceSize, 4);
    const bool leaf = t_.children(r).empty();
    if (step.cause_type || leaf) {
      b.chip = step.cause_type ? cause_type_label(*step.cause_type, zh_) : l_.untyped;
      if (leaf) b.chip = std::string(l_.root_cause) + " · " + b.chip;
      b.chip_fill = chip_colour(step.cause_type);
    }
    b.tooltip =
        step.why + "\n" + step.because + (step.evidence.empty() ? "" : "\n" + join(step.evidence, "\n"));
    b.height = kPad + line_height(kHeaderSize) +
               static_cast<double>(b.question.size()) * line_height(kQuestionSize) + kSeparator +
               static_cast<double>(b.answer.size()) * line_height(kAnswerSize) +
               static_cast<double>(b.evidence.size()) * line_height(kEvidenceSize) +
               (b.chip.empty() ? 0 : kChipHeight + 4) + kPad;
    return b;
  }

  double column_x(int column) const { return kMargin + column * (kBoxWidth + kColumnGap); }

  void layout() {
    const int columns = std::max(1, columns_);
    width_ = std::max(2 * kMargin + columns * kBoxWidth + (columns - 1) * kColumnGap, 520.0);
    const double content = columns * kBoxWidth + (columns - 1) * kColumnGap;
    problem_width_ = std::clamp(content, kBoxWidth, 2 * kBoxWidth + kColumnGap);
    problem_x_ = kMargin + (content - problem_width_) / 2;
    problem_lines_ = wrap_px(a_.problem.empty() ? "—" : a_.problem, problem_width_ - 2 * kPad, kAnswerSize);
    problem_height_ = 2 * kPad + line_height(kHeaderSize) +
                      static_cast<double>(problem_lines_.size()) * line_height(kAnswerSize);
    band_top_ = problem_top_ + problem_height_ + 26;
    std::vector<double> row_height(static_cast<std::size_t>(depth_) + 1, 0.0);
    for (auto &chain : placed_)
      for (auto &p : chain) row_height[p.depth] = std::max(row_height[p.depth], p.text.height);
    std::vector<double> row_top(row_height.size(), band_top_ + 24);
    for (std::size_t d = 2; d < row_top.size(); ++d)
      row_top[d] = row_top[d - 1] + row_height[d - 1] + kRowGap;
    for (auto &chain : placed_)
      for (auto &p : chain) {
        p.x = column_x(p.column);
        p.y = row_top[p.depth];
      }
    band_bottom_ = row_top.back() + row_height.back() + 14;
    height_ = band_bottom_ + kMargin;
  }

  void draw_bands(svg::Document &doc) {
    for (ChainKind kind : {ChainKind::occurrence, ChainKind::escape}) {
      int first = columns_, last = -1;
      for (std::size_t c = 0; c < a_.chains.size(); ++c)
        if (a_.chains[c].kind == kind)
          for (const auto &p : placed_[c]) first = std::min(first, p.column), last = std::max(last, p.column);
      if (last < 0) continue;
      const double x = column_x(first) - 10, w = column_x(last) + kBoxWidth + 10 - x;
      doc.raw("<rect x=\"" + svg::num(x) + "\" y=\"" + svg::num(band_top_) + "\" width=\"" + svg::num(w) +
              "\" height=\"" + svg::num(band_bottom_ - band_top_) + "\" rx=\"8\" fill=\"" +
              (kind == ChainKind::occurrence ? "#eef4fb" : "#fdf3e7") + "\"/>\n");
      doc.text(x + 10, band_top_ + 16, kind == ChainKind::occurrence ? l_.occurrence : l_.escape, 12, "start",
               kind == ChainKind::occurrence ? "#1f4e79" : "#8a4b08", 0, true);
    }
  }

  void draw_problem(svg::Document &doc) {
    doc.raw("<rect x=\"" + svg::num(problem_x_) + "\" y=\"" + svg::num(problem_top_) + "\" width=\"" +
            svg::num(problem_width_) + "\" height=\"" + svg::num(problem_height_) +
            "\" rx=\"6\" fill=\"#263238\" stroke=\"#263238\"/>\n");
    double top = problem_top_ + kPad;
    doc.text(problem_x_ + kPad, top + kHeaderSize, l_.problem, kHeaderSize, "start", "#cfd8dc", 0, true);
    top += line_height(kHeaderSize);
    for (const auto &line : problem_lines_) {
      doc.text(problem_x_ + kPad, top + kAnswerSize, line, kAnswerSize, "start", "#ffffff", 0, true);
      top += line_height(kAnswerSize);
    }
    for (const auto &root : t_.roots())
      arrow(doc, problem_x_ + problem_width_ / 2, problem_top_ + problem_height_, at(root));
  }

  // An elbow arrow from (x, y) down to the top centre of box `to`.
  void arrow(svg::Document &doc, double x, double y, const Placed &to) {
    const double tx = to.x + kBoxWidth / 2, ty = to.y, mid = y + std::min(14.0, (ty - y) / 2);
    doc.path("M" + svg::num(x) + "," + svg::num(y) + " V" + svg::num(mid) + " H" + svg::num(tx) + " V" +
                 svg::num(ty - 6),
             "#607d8b", "none", 1.4);
    doc.path("M" + svg::num(tx - 5) + "," + svg::num(ty - 7) + " L" + svg::num(tx + 5) + "," +
                 svg::num(ty - 7) + " L" + svg::num(tx) + "," + svg::num(ty) + " Z",
             "#607d8b", "#607d8b", 1);
  }

  void draw_subtree(svg::Document &doc, StepRef r) {
    const Placed &p = at(r);
    draw_box(doc, r, p);
    for (const auto &child : t_.children(r)) {
      arrow(doc, p.x + kBoxWidth / 2, p.y + p.text.height, at(child));
      draw_subtree(doc, child);
    }
  }

  void draw_box(svg::Document &doc, StepRef r, const Placed &p) {
    const BoxText &b = p.text;
    auto flag = flags_.find({r.chain, r.step});
    const bool flagged = flag != flags_.end() && flag->second != "info";
    const std::string stroke = !flagged ? "#4a6fa5" : flag->second == "error" ? "#c62828" : "#e67e22";
    doc.raw("<g><title>" + svg::escape(b.tooltip) + "</title>\n");
    doc.raw("<rect x=\"" + svg::num(p.x) + "\" y=\"" + svg::num(p.y) + "\" width=\"" + svg::num(kBoxWidth) +
            "\" height=\"" + svg::num(b.height) + "\" rx=\"5\" fill=\"#ffffff\" stroke=\"" + stroke +
            "\" stroke-width=\"" + (flagged ? "2.2" : "1.2") + "\"/>\n");
    if (flagged) {
      doc.circle(p.x + kBoxWidth - 2, p.y + 2, 8, stroke);
      doc.text(p.x + kBoxWidth - 2, p.y + 6, "!", 11, "middle", "#ffffff", 0, true);
    }
    const double x = p.x + kPad;
    double top = p.y + kPad;
    auto lines = [&](const std::vector<std::string> &text, double size, const char *fill, bool bold) {
      for (const auto &line : text) {
        doc.text(x, top + size, line, size, "start", fill, 0, bold);
        top += line_height(size);
      }
    };
    lines({b.header}, kHeaderSize, "#78909c", true);
    lines(b.question, kQuestionSize, "#455a64", false);
    doc.line(x, top + kSeparator / 2, p.x + kBoxWidth - kPad, top + kSeparator / 2, "#e0e0e0");
    top += kSeparator;
    lines(b.answer, kAnswerSize, "#111111", true);
    lines(b.evidence, kEvidenceSize, b.evidence_missing ? "#d35400" : "#2e7d32", false);
    if (!b.chip.empty()) {
      top += 4;
      const double w = std::min(kBoxWidth - 2 * kPad, text::pixels(b.chip, 11) + 14);
      doc.raw("<rect x=\"" + svg::num(x) + "\" y=\"" + svg::num(top) + "\" width=\"" + svg::num(w) +
              "\" height=\"" + svg::num(kChipHeight) + "\" rx=\"9\" fill=\"" + b.chip_fill + "\"/>\n");
      doc.text(x + 7, top + 13, b.chip, 11, "start", "#ffffff", 0, true);
    }
    doc.raw("</g>\n");
  }

  const Analysis &a_;
  const Tree &t_;
  const Labels &l_;
  bool zh_;
  std::vector<std::vector<Placed>> placed_;
  std::map<std::pair<std::size_t, std::size_t>, std::string> flags_;
  int columns_ = 0, depth_ = 1;
  double width_ = 0, height_ = 0;
  double problem_x_ = 0, problem_top_ = 44, problem_width_ = 0, problem_height_ = 0;
  std::vector<std::string> problem_lines_;
  double band_top_ = 0, band_bottom_ = 0;
};

} // namespace

std::string tree_svg(const Analysis &analysis, const Tree &tree, const std::vector<Finding> &findings,
                     bool zh) {
  return TreeDrawing(analysis, tree, findings, zh).draw();
}

} // namespace qloop::fivewhy
