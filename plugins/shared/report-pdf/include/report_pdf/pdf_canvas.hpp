// A4 page flow for the PDF report: headings, paragraphs, tables that break
// across pages (repeating their header row, splitting a row taller than a
// page), and SVG charts. Text is laid out by Pango and drawn by cairo as real
// glyphs, so the PDF text is selectable and searchable.
//
// Each page is first drawn onto a cairo recording surface; write() then
// replays the pages onto the PDF surface and adds the running header and the
// "page N / M" footer, which needs the page count only known at the end.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <cairo.h>
#include <pango/pangocairo.h>

namespace qloop::reportpdf {

struct Rgb {
  double r = 0, g = 0, b = 0;
};
// "#1f4e79" -> colour; false when the text is not #rrggbb.
bool parse_colour(const std::string &text, Rgb &out);

struct PageSetup {
  std::string font_family = "Noto Sans CJK SC";
  double font_size = 9.5; // body text, points
  double margin_mm = 16;  // left and right; top and bottom leave room for header and footer
  Rgb accent{0.12, 0.31, 0.47};
};

struct TextStyle {
  double scale = 1.0; // of the body font size
  bool bold = false;
  bool italic = false;
  Rgb colour{0.07, 0.07, 0.07};
  PangoAlignment align = PANGO_ALIGN_LEFT;
};

struct TableSpec {
  std::vector<std::string> headers; // empty: no header row
  std::vector<double> weights;      // relative column widths, one per column
  std::vector<std::vector<std::string>> rows;
  bool label_column = false; // first column shaded and bold (key/value tables)
  double font_scale = 0.92;
  std::vector<PangoAlignment> align; // per column (figures right-aligned); missing: left
  std::vector<bool> shaded_rows;     // per row: shaded background (e.g. the vital few)
};

// What write() prints on each page.
struct PageDecoration {
  std::string header_left, header_right, footer_left, footer_right;
};

class PdfCanvas {
public:
  explicit PdfCanvas(const PageSetup &setup);
  ~PdfCanvas();
  PdfCanvas(const PdfCanvas &) = delete;
  PdfCanvas &operator=(const PdfCanvas &) = delete;

  double content_width() const { return right_ - left_; }
  const PageSetup &setup() const { return setup_; }

  void title_block(const std::string &title, const std::string &subtitle, const std::string &meta);
  void heading(const std::string &text, int level); // 1: section bar, 2: subsection, 3: small bold
  void paragraph(const std::string &text, const TextStyle &style = {});
  void table(const TableSpec &spec);
  // Draws a sanitized SVG scaled to the content width; returns false (and
  // sets `problem`) when librsvg cannot read it, drawing a note instead.
  bool svg(const std::string &svg, const std::string &caption, std::string &problem);
  // The height svg() will draw `svg` at (0 when librsvg cannot read it), so
  // a caller can keep a heading on the page of the chart that follows it.
  double svg_height(const std::string &svg) const;
  void space(double points);
  // Starts a new page unless `points` of height remain on this one.
  void keep(double points);

  int pages() const { return static_cast<int>(pages_.size()); }

  // Writes the PDF to `path` (the caller makes it atomic). `decorate` gives
  // the header and footer of page n of total; `creator` goes into the PDF's
  // metadata (which plugin wrote it). Throws qloop::sdk::Error(IO).
  void write(const std::string &path, const std::string &title,
             const std::function<PageDecoration(int page, int total)> &decorate,
             const std::string &creator = "qloop");

private:
  struct Line {
    PangoLayoutLine *line;
    double top, bottom, baseline, x;
  };
  struct Block { // a laid-out text and its lines (the layout owns the lines)
    std::unique_ptr<PangoLayout, void (*)(gpointer)> layout{nullptr, g_object_unref};
    std::vector<Line> lines;
    double height() const { return lines.empty() ? 0 : lines.back().bottom; }
  };

  Block layout(const std::string &text, const TextStyle &style, double width) const;
  void draw_line(const Line &line, double x, double y_top_of_block, const Rgb &colour);
  void new_page();
  double line_height(double scale) const;
  double svg_scale(double w, double h) const; // drawn size / intrinsic size
  void table_header(const TableSpec &spec, const std::vector<double> &widths, const std::vector<Block> &head,
                    double head_h);

  PageSetup setup_;
  double page_w_, page_h_, left_, right_, top_, bottom_;
  double y_ = 0;
  bool fresh_ = true; // nothing drawn on this page yet
  std::unique_ptr<PangoFontMap, void (*)(gpointer)> font_map_;
  std::unique_ptr<PangoContext, void (*)(gpointer)> context_;
  std::vector<cairo_surface_t *> pages_;
  cairo_t *cr_ = nullptr;
};

} // namespace qloop::reportpdf
