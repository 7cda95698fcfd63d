#include "xlsx_sink.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include <qloop/plugin.hpp>

#include "text_rules.hpp"
#include "timestamp.hpp"

namespace qloop::ledger {
namespace {

constexpr lxw_color_t kHeaderFill = 0xDDEBF7;

// Display width in Excel character units: CJK and other wide characters
// take two. Enough to size a heading; cell contents are not measured.
double display_width(const std::string &s) {
  double w = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80)
      w += 1;
    else if (b >= 0xE0)
      w += 2; // lead byte of a 3- or 4-byte sequence: CJK range and beyond
    else if (b >= 0xC0)
      w += 1;
  }
  return w;
}

bool wraps(const Column &c) { return c.type == ColumnType::Text && c.width >= 40; }

} // namespace

XlsxSink::XlsxSink(const Settings &settings, const std::string &path, XlsxOptions options)
    : settings_(settings), options_(options), builder_(settings.lang, true) {
  if (options_.max_rows < 2 || options_.max_rows > LXW_ROW_MAX) options_.max_rows = LXW_ROW_MAX;
  // libxlsxwriter writes the file only when the workbook is closed; create it
  // now so an unwritable output fails at begin(), not after a million rows.
  if (std::FILE *probe = std::fopen(path.c_str(), "wb"))
    std::fclose(probe);
  else
    throw sdk::Error(QLOOP_ERR_IO, "cannot create " + path);

  lxw_workbook_options opts{};
  opts.constant_memory = LXW_TRUE;
  opts.tmpdir = settings_.tmpdir.empty() ? nullptr : settings_.tmpdir.data();
  opts.use_zip64 = options_.zip64 ? LXW_TRUE : LXW_FALSE;
  workbook_ = workbook_new_opt(path.c_str(), &opts);
  if (workbook_ == nullptr) throw sdk::Error(QLOOP_ERR_NO_MEMORY, "xlsx: cannot create the workbook");

  try {
    set_up();
  } catch (...) {
    abandon(); // the destructor does not run for a half-built object
    throw;
  }
}

void XlsxSink::set_up() {
  header_ = workbook_add_format(workbook_);
  format_set_bold(header_);
  format_set_bg_color(header_, kHeaderFill);
  format_set_border(header_, LXW_BORDER_THIN);
  format_set_text_wrap(header_);
  format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
  date_ = workbook_add_format(workbook_);
  format_set_num_format(date_, "yyyy-mm-dd hh:mm");
  days_ = workbook_add_format(workbook_);
  format_set_num_format(days_, "0.00");
  wrap_ = workbook_add_format(workbook_);
  format_set_text_wrap(wrap_);
  format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);

  for (Sheet &s : sheets_) start_part(s);
  info_name_ = words::info_sheet.in(settings_.lang);
  info_ = add_worksheet(info_name_);
}

XlsxSink::~XlsxSink() { abandon(); }

// Frees an unfinished workbook without writing it. The worksheets' temp files
// are already unlinked; closing them returns their disk space.
void XlsxSink::abandon() noexcept {
  if (workbook_ == nullptr) return;
  for (lxw_worksheet *ws : worksheets_) {
    if (ws->optimize_tmpfile != nullptr) std::fclose(ws->optimize_tmpfile);
    ws->optimize_tmpfile = nullptr;
    ws->file = nullptr;
  }
  lxw_workbook_free(workbook_);
  workbook_ = nullptr;
}

lxw_worksheet *XlsxSink::add_worksheet(const std::string &name) {
  lxw_worksheet *ws = workbook_add_worksheet(workbook_, name.c_str());
  if (ws == nullptr)
    throw sdk::Error(QLOOP_ERR_IO,
                     "xlsx: cannot add sheet '" + name + "' (no temporary file in '" +
                         (settings_.tmpdir.empty() ? std::string("the system temp dir") : settings_.tmpdir) +
                         "'?)");
  worksheets_.push_back(ws);
  return ws;
}

void XlsxSink::check(lxw_error err, const std::string &where) const {
  if (err != LXW_NO_ERROR) throw sdk::Error(QLOOP_ERR_INTERNAL, "xlsx: " + where + ": " + lxw_strerror(err));
}

void XlsxSink::start_part(Sheet &sheet) {
  ++sheet.parts;
  std::string name = sheet_name(sheet.table).in(settings_.lang);
  if (sheet.parts > 1) name += " (" + std::to_string(sheet.parts) + ")";
  lxw_worksheet *ws = add_worksheet(name);
  const auto cols = columns(sheet.table);
  for (std::size_t c = 0; c < cols.size(); ++c) {
    const std::string h = heading(cols[c], settings_.lang, settings_.utc_offset_minutes);
    const double width = std::max(cols[c].width, display_width(h) + 2);
    const auto col = static_cast<lxw_col_t>(c);
    check(worksheet_set_column(ws, col, col, width, wraps(cols[c]) ? wrap_ : nullptr),
          name + " column width");
    check(worksheet_write_string(ws, 0, col, h.c_str(), header_), name + " heading");
  }
  worksheet_freeze_panes(ws, 1, 0);
  sheet.current = ws;
  sheet.next_row = 1;
}

// The autofilter spans the heading and every data row of the part, so it is
// set when the part is complete.
void XlsxSink::end_part(Sheet &sheet) {
  const auto last_col = static_cast<lxw_col_t>(columns(sheet.table).size() - 1);
  check(worksheet_autofilter(sheet.current, 0, 0, sheet.next_row - 1, last_col), "autofilter");
}

void XlsxSink::write_text(lxw_worksheet *ws, const std::string &sheet, lxw_row_t r, lxw_col_t c,
                          const std::string &text, lxw_format *format) {
  XlsxText safe = xlsx_text(text, words::truncated.in(settings_.lang));
  if (safe.truncated) ++truncated_;
  if (safe.text.empty()) return;
  // Always a string cell: text starting with = + - @ is never a formula.
  check(worksheet_write_string(ws, r, c, safe.text.c_str(), format), sheet + " row " + std::to_string(r + 1));
}

void XlsxSink::write_row(Sheet &sheet, const Row &row) {
  if (sheet.next_row >= options_.max_rows) {
    end_part(sheet);
    start_part(sheet);
  }
  lxw_worksheet *ws = sheet.current;
  const lxw_row_t r = sheet.next_row;
  const auto cols = columns(sheet.table);
  const std::string name = ws->name;
  for (std::size_t i = 0; i < row.size() && i < cols.size(); ++i) {
    const Cell &cell = row[i];
    const auto c = static_cast<lxw_col_t>(i);
    switch (cell.kind) {
    case Cell::Kind::Empty: break;
    case Cell::Kind::Text: write_text(ws, name, r, c, cell.text, wraps(cols[i]) ? wrap_ : nullptr); break;
    case Cell::Kind::Number:
      check(worksheet_write_number(ws, r, c, cell.number, cols[i].type == ColumnType::Days ? days_ : nullptr),
            name + " row " + std::to_string(r + 1));
      break;
    case Cell::Kind::Time:
      if (auto serial = excel_serial(cell.number, settings_.utc_offset_minutes))
        check(worksheet_write_number(ws, r, c, *serial, date_), name + " row " + std::to_string(r + 1));
      else // outside Excel's calendar: keep it readable as text
        write_text(ws, name, r, c, format_local(cell.number, settings_.utc_offset_minutes), nullptr);
      break;
    case Cell::Kind::Bool:
      check(worksheet_write_boolean(ws, r, c, cell.flag ? 1 : 0, nullptr),
            name + " row " + std::to_string(r + 1));
      break;
    }
  }
  ++sheet.next_row;
  ++sheet.rows;
}

void XlsxSink::write(const nlohmann::json &case_file) {
  write_row(sheets_[0], builder_.complaint(case_file));
  for (const Row &row : builder_.actions(case_file)) write_row(sheets_[1], row);
  if (Row row = builder_.eight_d(case_file); !row.empty()) write_row(sheets_[2], row);
}

void XlsxSink::write_info(const nlohmann::json &summary) {
  const Lang lang = settings_.lang;
  lxw_worksheet *ws = info_;
  check(worksheet_set_column(ws, 0, 0, 44, nullptr), "info column");
  check(worksheet_set_column(ws, 1, 1, 60, wrap_), "info column");
  write_text(ws, info_name_, 0, 0, words::info_item.in(lang), header_);
  write_text(ws, info_name_, 0, 1, words::info_value.in(lang), header_);
  lxw_row_t r = 1;
  auto line = [&](const std::string &item, const std::string &value) {
    write_text(ws, info_name_, r, 0, item, nullptr);
    write_text(ws, info_name_, r, 1, value, nullptr);
    ++r;
  };
  auto count = [&](const Words &item, double n) {
    write_text(ws, info_name_, r, 0, item.in(lang), nullptr);
    check(worksheet_write_number(ws, r, 1, n, nullptr), "info count");
    ++r;
  };
  line(words::report.in(lang), words::ledger.in(lang));
  const double now =
      std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  write_text(ws, info_name_, r, 0, words::exported_at.in(lang), nullptr);
  if (auto serial = excel_serial(now, settings_.utc_offset_minutes))
    check(worksheet_write_number(ws, r, 1, *serial, date_), "info date");
  ++r;
  line(words::time_zone.in(lang), offset_label(settings_.utc_offset_minutes));
  const auto &filters = settings_.filters;
  if (!filters.is_object() || filters.empty()) {
    line(words::filters.in(lang),
         filters.is_object() || filters.is_null() ? words::none.in(lang) : filters.dump());
  } else {
    for (const auto &[key, value] : filters.items())
      line(std::string(words::filters.in(lang)) + ": " + key,
           value.is_string() ? value.get<std::string>()
                             : value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  count(words::complaint_count, static_cast<double>(summary.value("complaints", 0)));
  count(words::action_count, static_cast<double>(sheets_[1].rows));
  count(words::eight_d_count, static_cast<double>(sheets_[2].rows));
  count(words::truncated_cells, static_cast<double>(truncated_));
}

void XlsxSink::finish(nlohmann::json &summary) {
  for (Sheet &s : sheets_) end_part(s);
  write_info(summary);
  nlohmann::json sheets = nlohmann::json::array();
  for (lxw_worksheet *ws : worksheets_) sheets.push_back(ws->name);
  summary["sheets"] = sheets;
  summary["rows"] = {
      {"complaints", sheets_[0].rows}, {"actions", sheets_[1].rows}, {"eight_d", sheets_[2].rows}};
  summary["truncated_cells"] = truncated_;
  summary["utc_offset"] = offset_label(settings_.utc_offset_minutes);

  lxw_workbook *wb = workbook_;
  workbook_ = nullptr; // workbook_close frees it whatever happens
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::string hint;
    if (err == LXW_ERROR_ZIP_FILE_ADD || err == LXW_ERROR_ZIP_CLOSE || err == LXW_ERROR_ZIP_FILE_OPERATION)
      hint = " (a sheet over 4 GB needs [export.ledger] zip64 = true; or the disk is full)";
    throw sdk::Error(QLOOP_ERR_IO,
                     std::string("xlsx: writing the workbook failed: ") + lxw_strerror(err) + hint);
  }
}

} // namespace qloop::ledger
