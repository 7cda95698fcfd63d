#include "report_pdf/pdf_canvas.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <numeric>

#include <cairo-pdf.h>
#include <librsvg/rsvg.h>
#include <qloop/plugin.hpp>

namespace qloop::reportpdf {
namespace {

constexpr double kA4Width = 595.2756;  // 210 mm in points
constexpr double kA4Height = 841.8898; // 297 mm
constexpr double kMm = 72.0 / 25.4;
constexpr double kPadX = 3.0, kPadY = 2.2; // table cell padding
const Rgb kRule{0.70, 0.75, 0.80};
const Rgb kShade{0.93, 0.95, 0.97};
const Rgb kGrey{0.35, 0.35, 0.35};
const Rgb kWhite{1, 1, 1};

void set_colour(cairo_t *cr, const Rgb &c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

cairo_status_t write_to_file(void *closure, const unsigned char *data, unsigned int length) {
  return std::fwrite(data, 1, length, static_cast<std::FILE *>(closure)) == length ? CAIRO_STATUS_SUCCESS
                                                                                   : CAIRO_STATUS_WRITE_ERROR;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

} // namespace

bool parse_colour(const std::string &text, Rgb &out) {
  if (text.size() != 7 || text[0] != '#') return false;
  double v[3];
  for (int i = 0; i < 3; ++i) {
    const int hi = hex(text[1 + 2 * i]), lo = hex(text[2 + 2 * i]);
    if (hi < 0 || lo < 0) return false;
    v[i] = (hi * 16 + lo) / 255.0;
  }
  out = {v[0], v[1], v[2]};
  return true;
}

PdfCanvas::PdfCanvas(const PageSetup &setup)
    : setup_(setup), page_w_(kA4Width), page_h_(kA4Height), left_(setup.margin_mm * kMm),
      right_(kA4Width - setup.margin_mm * kMm), top_((setup.margin_mm + 8) * kMm),
      bottom_(kA4Height - (setup.margin_mm + 5) * kMm), font_map_(pango_cairo_font_map_new(), g_object_unref),
      context_(pango_font_map_create_context(font_map_.get()), g_object_unref) {
  // Points as layout units, and no hinting: a PDF is scaled by its viewer,
  // and hinted metrics would make the layout depend on the screen.
  pango_cairo_context_set_resolution(context_.get(), 72.0);
  cairo_font_options_t *options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_.get(), options);
  cairo_font_options_destroy(options);
  new_page();
}

PdfCanvas::~PdfCanvas() {
  if (cr_ != nullptr) cairo_destroy(cr_);
  for (auto *page : pages_) cairo_surface_destroy(page);
}

void PdfCanvas::new_page() {
  if (cr_ != nullptr) cairo_destroy(cr_);
  const cairo_rectangle_t extents{0, 0, page_w_, page_h_};
  pages_.push_back(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
  cr_ = cairo_create(pages_.back());
  cairo_set_line_width(cr_, 0.5);
  y_ = top_;
  fresh_ = true;
}

PdfCanvas::Block PdfCanvas::layout(const std::string &text, const TextStyle &style, double width) const {
  Block block;
  block.layout.reset(pango_layout_new(context_.get()));
  PangoLayout *l = block.layout.get();
  PangoFontDescription *font = pango_font_description_new();
  pango_font_description_set_family(font, setup_.font_family.c_str());
  pango_font_description_set_absolute_size(font, setup_.font_size * style.scale * PANGO_SCALE);
  if (style.bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
  if (style.italic) pango_font_description_set_style(font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description(l, font);
  pango_font_description_free(font);
  pango_layout_set_width(l, static_cast<int>(std::max(width, 10.0) * PANGO_SCALE));
  pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(l, style.align);
  pango_layout_set_text(l, text.data(), static_cast<int>(text.size()));

  PangoLayoutIter *it = pango_layout_get_iter(l);
  do {
    int y0 = 0, y1 = 0;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    block.lines.push_back({pango_layout_iter_get_line_readonly(it), double(y0) / PANGO_SCALE,
                           double(y1) / PANGO_SCALE, double(pango_layout_iter_get_baseline(it)) / PANGO_SCALE,
                           double(logical.x) / PANGO_SCALE});
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  return block;
}

double PdfCanvas::line_height(double scale) const { return setup_.font_size * scale * 1.45; }

void PdfCanvas::draw_line(const Line &line, double x, double block_top, const Rgb &colour) {
  set_colour(cr_, colour);
  cairo_move_to(cr_, x + line.x, block_top + line.baseline);
  pango_cairo_show_layout_line(cr_, line.line);
}

void PdfCanvas::keep(double points) {
  if (!fresh_ && y_ + points > bottom_) new_page();
}

void PdfCanvas::space(double points) {
  if (!fresh_) y_ = std::min(y_ + points, bottom_);
}

void PdfCanvas::title_block(const std::string &title, const std::string &subtitle, const std::string &meta) {
  paragraph(title, TextStyle{1.9, true, false, setup_.accent});
  paragraph(subtitle, TextStyle{1.0, false, false, kGrey});
  paragraph(meta, TextStyle{1.0, false, false});
  set_colour(cr_, setup_.accent);
  cairo_set_line_width(cr_, 1.5);
  cairo_move_to(cr_, left_, y_);
  cairo_line_to(cr_, right_, y_);
  cairo_stroke(cr_);
  cairo_set_line_width(cr_, 0.5);
  y_ += 8;
}

void PdfCanvas::heading(const std::string &text, int level) {
  const double scale = level == 1 ? 1.25 : level == 2 ? 1.1 : 1.0;
  const bool bar = level == 1;
  const double inset = bar ? 4 : 0;
  Block block =
      layout(text, TextStyle{scale, true, false, bar ? kWhite : setup_.accent}, content_width() - 2 * inset);
  // A heading never ends a page: keep it with a few lines of what follows.
  space(level == 1 ? 8 : 4);
  // About a table header and two rows: what a table or paragraph after it
  // needs before it would move to the next page itself.
  keep(block.lines.front().bottom + 2 * inset + line_height(1.0) * 5.5);
  for (const auto &line : block.lines) {
    const double h = line.bottom - line.top + (bar ? 2 * inset / block.lines.size() : 0);
    if (y_ + h > bottom_ && !fresh_) new_page();
    if (bar) {
      set_colour(cr_, setup_.accent);
      cairo_rectangle(cr_, left_, y_, content_width(), h);
      cairo_fill(cr_);
    }
    draw_line(line, left_ + inset, y_ + (h - (line.bottom - line.top)) / 2 - line.top,
              bar          ? kWhite
              : level == 3 ? Rgb{0.1, 0.1, 0.1}
                           : setup_.accent);
    y_ += h;
    fresh_ = false;
  }
  if (level == 2) {
    set_colour(cr_, kRule);
    cairo_move_to(cr_, left_, y_ + 1);
    cairo_line_to(cr_, right_, y_ + 1);
    cairo_stroke(cr_);
  }
  y_ += level == 1 ? 5 : 3;
}

void PdfCanvas::paragraph(const std::string &text, const TextStyle &style) {
  Block block = layout(text, style, content_width());
  for (const auto &line : block.lines) {
    const double h = line.bottom - line.top;
    if (y_ + h > bottom_ && !fresh_) new_page();
    draw_line(line, left_, y_ - line.top, style.colour);
    y_ += h;
    fresh_ = false;
  }
  y_ += setup_.font_size * 0.4;
}

void PdfCanvas::table_header(const TableSpec &spec, const std::vector<double> &widths,
                             const std::vector<Block> &head, double head_h) {
  if (spec.headers.empty()) return;
  double x = left_;
  for (std::size_t i = 0; i < widths.size(); ++i) {
    cairo_rectangle(cr_, x, y_, widths[i], head_h);
    set_colour(cr_, kShade);
    cairo_fill_preserve(cr_);
    set_colour(cr_, kRule);
    cairo_stroke(cr_);
    for (const auto &line : head[i].lines) draw_line(line, x + kPadX, y_ + kPadY, Rgb{0.1, 0.1, 0.1});
    x += widths[i];
  }
  y_ += head_h;
  fresh_ = false;
}

void PdfCanvas::table(const TableSpec &spec) {
  const std::size_t n = spec.weights.size();
  if (n == 0) return;
  const double total = std::accumulate(spec.weights.begin(), spec.weights.end(), 0.0);
  std::vector<double> widths;
  for (double w : spec.weights) widths.push_back(content_width() * w / total);

  const TextStyle body{spec.font_scale};
  TextStyle bold = body;
  bold.bold = true;
  std::vector<Block> head;
  double head_h = 0;
  if (!spec.headers.empty()) {
    for (std::size_t i = 0; i < n; ++i) {
      TextStyle style = bold;
      if (i < spec.align.size()) style.align = spec.align[i];
      head.push_back(
          layout(i < spec.headers.size() ? spec.headers[i] : std::string(), style, widths[i] - 2 * kPadX));
      head_h = std::max(head_h, head.back().height());
    }
    head_h += 2 * kPadY;
  }
  keep(head_h + 2 * (line_height(spec.font_scale) + 2 * kPadY));
  table_header(spec, widths, head, head_h);
  bool at_top = false; // just after a page break and the repeated header

  for (std::size_t r = 0; r < spec.rows.size(); ++r) {
    const auto &row = spec.rows[r];
    const bool shaded_row = r < spec.shaded_rows.size() && spec.shaded_rows[r];
    std::vector<Block> cells;
    double full = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const bool label = spec.label_column && i == 0;
      TextStyle style = label ? bold : body;
      if (i < spec.align.size()) style.align = spec.align[i];
      cells.push_back(layout(i < row.size() ? row[i] : std::string(), style, widths[i] - 2 * kPadX));
      full = std::max(full, cells.back().height());
    }
    full += 2 * kPadY;
    // A row that fits on a page is never split; a taller one is split by lines.
    if (y_ + full > bottom_ && full <= bottom_ - top_ - head_h && !at_top) {
      new_page();
      table_header(spec, widths, head, head_h);
      at_top = true;
    }
    std::vector<std::size_t> next(n, 0);
    while (true) {
      const double avail = bottom_ - y_ - 2 * kPadY;
      std::vector<std::size_t> end(next);
      std::vector<double> offset(n, 0);
      double segment = 0;
      bool progress = false;
      for (std::size_t i = 0; i < n; ++i) {
        const auto &lines = cells[i].lines;
        if (next[i] >= lines.size()) continue;
        offset[i] = lines[next[i]].top;
        while (end[i] < lines.size() && lines[end[i]].bottom - offset[i] <= avail) ++end[i];
        if (end[i] == next[i] && at_top) ++end[i]; // a line taller than a page still goes somewhere
        if (end[i] > next[i]) {
          progress = true;
          segment = std::max(segment, lines[end[i] - 1].bottom - offset[i]);
        }
      }
      if (!progress) {
        new_page();
        table_header(spec, widths, head, head_h);
        at_top = true;
        continue;
      }
      const double h = std::max(segment, line_height(spec.font_scale)) + 2 * kPadY;
      double x = left_;
      for (std::size_t i = 0; i < n; ++i) {
        cairo_rectangle(cr_, x, y_, widths[i], h);
        if ((spec.label_column && i == 0) || shaded_row) {
          set_colour(cr_, kShade);
          cairo_fill_preserve(cr_);
        }
        set_colour(cr_, kRule);
        cairo_stroke(cr_);
        for (std::size_t k = next[i]; k < end[i]; ++k)
          draw_line(cells[i].lines[k], x + kPadX, y_ + kPadY - offset[i], Rgb{0.07, 0.07, 0.07});
        x += widths[i];
      }
      y_ += h;
      fresh_ = false;
      at_top = false;
      next = end;
      bool done = true;
      for (std::size_t i = 0; i < n; ++i) done = done && next[i] >= cells[i].lines.size();
      if (done) break;
      new_page();
      table_header(spec, widths, head, head_h);
      at_top = true;
    }
  }
  y_ += setup_.font_size * 0.6;
}

namespace {

// The size librsvg gives the document at 96 dpi (its viewBox when it has
// no width and height).
void svg_size(RsvgHandle *handle, double &w, double &h) {
  rsvg_handle_set_dpi(handle, 96);
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &w, &h) || !(w > 0) || !(h > 0)) {
    gboolean has_w = FALSE, has_h = FALSE, has_box = FALSE;
    RsvgLength lw, lh;
    RsvgRectangle box{0, 0, 0, 0};
    rsvg_handle_get_intrinsic_dimensions(handle, &has_w, &lw, &has_h, &lh, &has_box, &box);
    w = has_box ? box.width : 480;
    h = has_box ? box.height : 320;
  }
}

} // namespace

double PdfCanvas::svg_scale(double w, double h) const {
  return std::min({content_width() / w, (bottom_ - top_) * 0.55 / h, 1.6});
}

double PdfCanvas::svg_height(const std::string &svg) const {
  RsvgHandle *handle =
      rsvg_handle_new_from_data(reinterpret_cast<const guint8 *>(svg.data()), svg.size(), nullptr);
  if (handle == nullptr) return 0;
  std::unique_ptr<RsvgHandle, void (*)(gpointer)> owner(handle, g_object_unref);
  double w = 0, h = 0;
  svg_size(handle, w, h);
  return w > 0 && h > 0 ? h * svg_scale(w, h) : 0;
}

bool PdfCanvas::svg(const std::string &svg, const std::string &caption, std::string &problem) {
  GError *error = nullptr;
  // No base file: librsvg then refuses every external reference.
  RsvgHandle *handle =
      rsvg_handle_new_from_data(reinterpret_cast<const guint8 *>(svg.data()), svg.size(), &error);
  auto fail = [&](const char *what) {
    problem = std::string(what) + (error != nullptr ? std::string(": ") + error->message : std::string());
    g_clear_error(&error);
    return false;
  };
  if (handle == nullptr) return fail("librsvg cannot read the chart");
  std::unique_ptr<RsvgHandle, void (*)(gpointer)> owner(handle, g_object_unref);
  double w = 0, h = 0;
  svg_size(handle, w, h);
  if (!(w > 0) || !(h > 0)) return fail("the chart has no size");
  const double scale = svg_scale(w, h);
  const double dw = w * scale, dh = h * scale;
  TextStyle small{0.85, false, true, kGrey, PANGO_ALIGN_CENTER};
  Block cap = layout(caption, small, content_width());
  space(3);
  keep(dh + cap.height() + 6);
  const RsvgRectangle viewport{left_ + (content_width() - dw) / 2, y_, dw, dh};
  cairo_save(cr_);
  const bool drawn = rsvg_handle_render_document(handle, cr_, &viewport, &error);
  cairo_restore(cr_);
  fresh_ = false;
  y_ += dh + 3;
  if (!drawn) {
    fail("librsvg could not draw the chart");
    paragraph(problem, TextStyle{0.9, false, true, Rgb{0.65, 0, 0}});
  }
  for (const auto &line : cap.lines) {
    if (y_ + (line.bottom - line.top) > bottom_) new_page();
    draw_line(line, left_, y_ - line.top, kGrey);
    y_ += line.bottom - line.top;
  }
  y_ += 6;
  return drawn;
}

void PdfCanvas::write(const std::string &path, const std::string &title,
                      const std::function<PageDecoration(int, int)> &decorate, const std::string &creator) {
  if (cr_ != nullptr) {
    cairo_destroy(cr_); // ends the last page's recording
    cr_ = nullptr;
  }
  std::FILE *file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) throw sdk::Error(QLOOP_ERR_IO, "cannot write " + path + ": " + std::strerror(errno));
  cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream(write_to_file, file, page_w_, page_h_);
  cairo_pdf_surface_restrict_to_version(pdf, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, creator.c_str());
  cairo_t *cr = cairo_create(pdf);
  const int total = pages();
  TextStyle small{0.8, false, false, kGrey};
  auto show = [&](const std::string &text, double x, double y, double width, PangoAlignment align) {
    small.align = align;
    Block b = layout(text, small, width);
    pango_layout_set_ellipsize(b.layout.get(), PANGO_ELLIPSIZE_END); // one line, whatever its length
    set_colour(cr, kGrey);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, b.layout.get());
  };
  for (int i = 0; i < total; ++i) {
    cairo_set_source_surface(cr, pages_[static_cast<std::size_t>(i)], 0, 0);
    cairo_paint(cr);
    const PageDecoration d = decorate(i + 1, total);
    const double header_y = top_ - 8 * kMm + 4;
    show(d.header_left, left_, header_y, content_width() * 0.68, PANGO_ALIGN_LEFT);
    show(d.header_right, left_ + content_width() * 0.70, header_y, content_width() * 0.30, PANGO_ALIGN_RIGHT);
    set_colour(cr, kRule);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, left_, top_ - 10);
    cairo_line_to(cr, right_, top_ - 10);
    cairo_stroke(cr);
    const double footer_y = bottom_ + 3 * kMm;
    show(d.footer_left, left_, footer_y, content_width() * 0.45, PANGO_ALIGN_LEFT);
    show(d.footer_right, left_ + content_width() * 0.55, footer_y, content_width() * 0.45, PANGO_ALIGN_RIGHT);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(pdf);
  const cairo_status_t status = cairo_surface_status(pdf);
  cairo_surface_destroy(pdf);
  const bool closed = std::fclose(file) == 0;
  if (status != CAIRO_STATUS_SUCCESS || !closed)
    throw sdk::Error(QLOOP_ERR_IO, "cannot write " + path + ": " +
                                       (status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string(status)
                                                                       : std::strerror(errno)));
}

} // namespace qloop::reportpdf
