#include "risk_matrix.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>
#include <vector>

#include <qloop/svg.hpp>

namespace qloop::fmea {
namespace {

struct Texts {
  std::string title, x_label, y_label, legend_title, background, background_note, markers, markers_note;
};

Texts texts(FmeaType type, Lang lang) {
  const bool msr = type == FmeaType::Msr;
  if (lang == Lang::ZhCN)
    return {risk_matrix_title(type, lang),
            msr ? "频率 F" : "频度 O",
            "严重度 S",
            "措施优先级 AP",
            msr ? "背景:M = 10 时的 AP" : "背景:D = 10 时的 AP",
            msr ? "(监视无效)" : "(无有效探测)",
            "圆点:工作表条目数,",
            "按其 AP 着色"};
  return {risk_matrix_title(type, lang),
          msr ? "Frequency F" : "Occurrence O",
          "Severity S",
          "Action priority (AP)",
          msr ? "Background: AP at M = 10" : "Background: AP at D = 10",
          msr ? "(monitoring not effective)" : "(no effective detection)",
          "Markers: worksheet rows (count),",
          "coloured by their AP"};
}

const char *shade(Ap ap) { return ap == Ap::H ? "#f6c6c1" : ap == Ap::M ? "#fde3a7" : "#d3ebd9"; }
const char *solid(Ap ap) { return ap == Ap::H ? "#c0392b" : ap == Ap::M ? "#d68910" : "#1e8449"; }

} // namespace

std::string risk_matrix_title(FmeaType type, Lang lang) {
  const bool msr = type == FmeaType::Msr;
  if (lang == Lang::ZhCN) return msr ? "FMEA-MSR 风险矩阵:严重度 × 频率" : "FMEA 风险矩阵:严重度 × 频度";
  return msr ? "FMEA-MSR risk matrix: severity x frequency" : "FMEA risk matrix: severity x occurrence";
}

std::string risk_matrix_svg(const Evaluation &ev, Lang lang) {
  const Texts t = texts(ev.type, lang);
  const double width = 800, height = 620;
  const double left = 80, top = 60, cell = 48;
  const double grid = cell * 10, right = left + grid, bottom = top + grid;
  svg::Document doc(width, height);
  doc.text((left + right) / 2, 30, t.title, 16, "middle", "#111", 0, true);

  auto cell_x = [&](int o) { return left + (o - 1) * cell; };
  auto cell_y = [&](int s) { return top + (10 - s) * cell; };

  for (int s = 1; s <= 10; ++s)
    for (int o = 1; o <= 10; ++o)
      doc.rect(cell_x(o), cell_y(s), cell, cell, shade(lookup_ap(ev.type, s, o, 10)), "#ffffff");

  doc.rect(left, top, grid, grid, "none", "#555");
  for (int i = 1; i <= 10; ++i) {
    doc.text(cell_x(i) + cell / 2, bottom + 18, std::to_string(i), 12, "middle");
    doc.text(left - 8, cell_y(i) + cell / 2 + 4, std::to_string(i), 12, "end");
  }
  doc.text((left + right) / 2, bottom + 44, t.x_label, 13, "middle");
  doc.text(left - 44, (top + bottom) / 2, t.y_label, 13, "middle", "#222", -90);

  // Rows by cell; the marker takes the colour of the most urgent AP in it.
  struct Group {
    int count = 0;
    Ap worst = Ap::L;
    std::string tooltip;
  };
  std::map<std::pair<int, int>, Group> groups;
  for (const EvaluatedRow &e : ev.rows) {
    Group &g = groups[{e.row.s, e.row.o}];
    if (g.count == 0 || static_cast<int>(e.ap) < static_cast<int>(g.worst)) g.worst = e.ap;
    ++g.count;
    if (!g.tooltip.empty()) g.tooltip += "\n";
    g.tooltip += e.row.id + ": " + e.row.failure_mode + " (AP " + std::string(1, ap_letter(e.ap)) + ", RPN " +
                 std::to_string(e.rpn) + ")";
  }
  for (const auto &[key, g] : groups) {
    const double cx = cell_x(key.second) + cell / 2, cy = cell_y(key.first) + cell / 2;
    const double r = std::min(cell / 2 - 3, 11 + 3 * std::log2(static_cast<double>(g.count)));
    doc.circle(cx, cy, r, solid(g.worst), g.tooltip);
    doc.text(cx, cy + 4.5, std::to_string(g.count), 12, "middle", "#ffffff", 0, true);
  }

  // Legend.
  const double lx = right + 24;
  double ly = top + 8;
  doc.text(lx, ly, t.legend_title, 13, "start", "#111", 0, true);
  ly += 14;
  for (Ap ap : {Ap::H, Ap::M, Ap::L}) {
    doc.rect(lx, ly, 22, 16, shade(ap), "#999");
    doc.circle(lx + 40, ly + 8, 7, solid(ap));
    doc.text(lx + 56, ly + 13, std::string(1, ap_letter(ap)), 12, "start");
    ly += 24;
  }
  ly += 10;
  for (const std::string *line : {&t.background, &t.background_note, &t.markers, &t.markers_note}) {
    doc.text(lx, ly, *line, 11, "start", "#333");
    ly += 16;
  }
  return doc.str();
}

} // namespace qloop::fmea
