#include "xlsx_writer.hpp"

#include <qloop/plugin.hpp>
#include <xlsxwriter.h>

#include "values.hpp"

namespace qloop::fmea {
namespace {

using nlohmann::json;

// Excel refuses longer cell text.
constexpr std::size_t kMaxCellText = 32767;

struct Formats {
  lxw_format *header, *text, *integer, *date, *ap_h, *ap_m, *ap_l;
};

lxw_format *bordered(lxw_workbook *wb) {
  lxw_format *f = workbook_add_format(wb);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_border_color(f, 0xBFBFBF);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

lxw_format *ap_format(lxw_workbook *wb, lxw_color_t fill, lxw_color_t font) {
  lxw_format *f = bordered(wb);
  format_set_bold(f);
  format_set_align(f, LXW_ALIGN_CENTER);
  format_set_pattern(f, LXW_PATTERN_SOLID);
  format_set_bg_color(f, fill);
  format_set_font_color(f, font);
  return f;
}

Formats make_formats(lxw_workbook *wb) {
  Formats f{};
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_font_color(f.header, LXW_COLOR_WHITE);
  format_set_pattern(f.header, LXW_PATTERN_SOLID);
  format_set_bg_color(f.header, 0x1F4E79);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  f.text = bordered(wb);
  format_set_text_wrap(f.text);
  f.integer = bordered(wb);
  format_set_align(f.integer, LXW_ALIGN_CENTER);
  f.date = bordered(wb);
  format_set_num_format(f.date, "yyyy-mm-dd");
  f.ap_h = ap_format(wb, 0xF4B6B0, 0x9C0006);
  f.ap_m = ap_format(wb, 0xFCE4A8, 0x7F6000);
  f.ap_l = ap_format(wb, 0xC6EFCE, 0x006100);
  return f;
}

void check(lxw_error err, const std::string &what) {
  if (err != LXW_NO_ERROR) throw sdk::Error(QLOOP_ERR_IO, "XLSX: " + what + ": " + lxw_strerror(err));
}

void write_text(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, std::string text, lxw_format *format) {
  if (text.size() > kMaxCellText) text.resize(kMaxCellText);
  check(worksheet_write_string(ws, r, c, text.c_str(), format), "writing a cell");
}

void write_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const json &v, ColumnKind kind,
                const Formats &f) {
  if (v.is_null()) {
    check(worksheet_write_blank(ws, r, c, kind == ColumnKind::Text ? f.text : f.integer), "writing a cell");
    return;
  }
  switch (kind) {
  case ColumnKind::Integer:
    if (v.is_number()) {
      check(worksheet_write_number(ws, r, c, v.get<double>(), f.integer), "writing a number");
      return;
    }
    break;
  case ColumnKind::Date: {
    std::string text = text_of(v);
    if (valid_iso_date(text)) {
      lxw_datetime dt{std::stoi(text.substr(0, 4)),
                      std::stoi(text.substr(5, 2)),
                      std::stoi(text.substr(8, 2)),
                      0,
                      0,
                      0.0};
      check(worksheet_write_datetime(ws, r, c, &dt, f.date), "writing a date");
      return;
    }
    break;
  }
  case ColumnKind::Ap: {
    std::string text = text_of(v);
    lxw_format *fmt = text == "H" ? f.ap_h : text == "M" ? f.ap_m : f.ap_l;
    write_text(ws, r, c, text, fmt);
    return;
  }
  case ColumnKind::Text: break;
  }
  write_text(ws, r, c, text_of(v), f.text);
}

void header_row(lxw_worksheet *ws, const std::vector<std::string> &headers, const Formats &f) {
  for (std::size_t c = 0; c < headers.size(); ++c)
    write_text(ws, 0, static_cast<lxw_col_t>(c), headers[c], f.header);
  check(worksheet_set_row(ws, 0, 30, nullptr), "sizing the header");
  worksheet_freeze_panes(ws, 1, 0);
}

void worksheet_sheet(lxw_workbook *wb, const OutputTable &t, const Formats &f) {
  lxw_worksheet *ws = workbook_add_worksheet(wb, "FMEA");
  if (ws == nullptr) throw sdk::Error(QLOOP_ERR_IO, "XLSX: cannot add the worksheet");
  std::vector<std::string> headers;
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    headers.push_back(t.columns[c].header);
    check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), t.columns[c].width,
                               nullptr),
          "sizing a column");
  }
  header_row(ws, headers, f);
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      write_cell(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), t.rows[r][c],
                 t.columns[c].kind, f);
  if (!t.columns.empty())
    check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rows.size()),
                               static_cast<lxw_col_t>(t.columns.size() - 1)),
          "adding the filter");
}

void summary_sheet(lxw_workbook *wb, const XlsxExtras &x, const Formats &f, Lang lang) {
  lxw_worksheet *ws = workbook_add_worksheet(wb, lang == Lang::ZhCN ? "汇总" : "Summary");
  if (ws == nullptr) throw sdk::Error(QLOOP_ERR_IO, "XLSX: cannot add the summary sheet");
  check(worksheet_set_column(ws, 0, 0, 32, nullptr), "sizing a column");
  check(worksheet_set_column(ws, 1, 1, 16, nullptr), "sizing a column");
  header_row(ws, {lang == Lang::ZhCN ? "项目" : "Item", lang == Lang::ZhCN ? "数值" : "Value"}, f);
  lxw_row_t r = 1;
  for (const auto &[name, value] : x.summary) {
    write_text(ws, r, 0, name, f.text);
    write_cell(ws, r, 1, value, value.is_number() ? ColumnKind::Integer : ColumnKind::Text, f);
    ++r;
  }
}

void findings_sheet(lxw_workbook *wb, const XlsxExtras &x, const Formats &f, Lang lang) {
  lxw_worksheet *ws = workbook_add_worksheet(wb, lang == Lang::ZhCN ? "检查结果" : "Findings");
  if (ws == nullptr) throw sdk::Error(QLOOP_ERR_IO, "XLSX: cannot add the findings sheet");
  const double widths[] = {10, 34, 8, 90};
  for (lxw_col_t c = 0; c < 4; ++c)
    check(worksheet_set_column(ws, c, c, widths[c], nullptr), "sizing a column");
  if (lang == Lang::ZhCN)
    header_row(ws, {"级别", "规则", "编号", "说明"}, f);
  else
    header_row(ws, {"Severity", "Rule", "Row", "Message"}, f);
  lxw_row_t r = 1;
  for (const Finding &fd : x.findings) {
    write_text(ws, r, 0, fd.severity, f.text);
    write_text(ws, r, 1, fd.rule, f.text);
    write_text(ws, r, 2, fd.where.is_object() ? text_of(fd.where.value("row", json(nullptr))) : "", f.text);
    write_text(ws, r, 3, fd.message, f.text);
    ++r;
  }
}

} // namespace

void write_xlsx(const std::string &path, const OutputTable &table, const XlsxExtras &extras, Lang lang) {
  lxw_workbook *wb = workbook_new(path.c_str());
  if (wb == nullptr) throw sdk::Error(QLOOP_ERR_IO, "XLSX: cannot create a workbook for " + path);
  try {
    const Formats f = make_formats(wb);
    worksheet_sheet(wb, table, f);
    summary_sheet(wb, extras, f, lang);
    findings_sheet(wb, extras, f, lang);
  } catch (...) {
    workbook_close(wb); // frees the workbook; the partial file is not the user's concern
    throw;
  }
  // workbook_close writes the file and frees the workbook in every case.
  check(workbook_close(wb), "writing " + path);
}

} // namespace qloop::fmea
