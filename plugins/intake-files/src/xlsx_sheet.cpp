#include "xlsx_sheet.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "encoding.hpp"
#include "xlsx_reader.hpp"

namespace qloop::intake_files {
namespace {

// Excel's last date, 9999-12-31.
constexpr double kMaxSerial = 2958465;

// pugixml, which read the sheets before, leaves out text that is only
// whitespace; cells of spaces stay empty cells the same way.
bool xml_whitespace(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string number_text(double v) {
  char buf[64];
  if (v == std::floor(v) && std::fabs(v) < 1e15)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

Cell text_cell(std::string text) {
  Cell c;
  if (!text.empty()) {
    c.kind = CellKind::Text;
    c.text = std::move(text);
  }
  return c;
}

Cell number_cell(const std::string &v, bool is_date, bool date1904) {
  char *end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (end == v.c_str() || !std::isfinite(d)) return text_cell(v);
  Cell c;
  c.number = d;
  if (is_date && d >= 0 && d <= kMaxSerial) {
    c.kind = CellKind::Date;
    c.text = excel_serial_to_iso(d, date1904);
  } else {
    c.kind = CellKind::Number;
    c.text = number_text(d);
  }
  return c;
}

// Text runs of a string item (<si>, <is>): <t> directly, and the first <t>
// of each rich-text run <r>; phonetic guides (<rPh>) are not text. Parsed
// as a small state machine shared by the string table and inline strings.
class RunText {
public:
  enum class In { None, Text, RunText };
  // An element opened at the item's level (`direct`) or inside a run.
  static In open(std::string_view name, bool direct, bool &run_has_text) {
    if (direct) {
      if (name == "t") return In::Text;
      if (name == "r") run_has_text = false;
      return In::None;
    }
    if (name == "t" && !run_has_text) {
      run_has_text = true;
      return In::RunText;
    }
    return In::None;
  }
  // A direct <t> of spaces is left out (as before); a run of spaces between
  // two formatted runs ("格力" " " "电器") is part of the text.
  static void close(In in, const std::string &captured, std::string &out) {
    if (in == In::Text && xml_whitespace(captured)) return;
    out += captured;
  }
};

class SharedStringsHandler : public XmlHandler {
public:
  explicit SharedStringsHandler(SharedStrings &out) : out_(out) {}
  void start(std::string_view name, const char **attributes) override {
    const std::size_t depth = stack_.size();
    Tag tag = Tag::Other;
    if (depth == 0 && name == "sst") {
      tag = Tag::Table;
      if (const char *count = xml_attribute(attributes, "uniqueCount"))
        out_.expect(static_cast<std::size_t>(std::strtoull(count, nullptr, 10)));
    } else if (depth == 1 && stack_[0] == Tag::Table && name == "si") {
      tag = Tag::Item;
      item_.clear();
    } else if (depth >= 2 && (stack_[depth - 1] == Tag::Item || stack_[depth - 1] == Tag::Run)) {
      const bool direct = stack_[depth - 1] == Tag::Item;
      const auto in = RunText::open(name, direct, run_has_text_);
      if (in != RunText::In::None) {
        tag = in == RunText::In::Text ? Tag::Text : Tag::RunText;
        capture_.clear();
      } else if (direct && name == "r") {
        tag = Tag::Run;
      }
    }
    stack_.push_back(tag);
  }
  void end(std::string_view) override {
    const Tag tag = stack_.back();
    stack_.pop_back();
    if (tag == Tag::Text || tag == Tag::RunText)
      RunText::close(tag == Tag::Text ? RunText::In::Text : RunText::In::RunText, capture_, item_);
    else if (tag == Tag::Item)
      out_.add(xml_whitespace(item_) ? std::string_view() : std::string_view(item_));
  }
  void text(std::string_view data) override {
    if (!stack_.empty() && (stack_.back() == Tag::Text || stack_.back() == Tag::RunText))
      capture_.append(data);
  }

private:
  enum class Tag { Other, Table, Item, Text, Run, RunText };
  SharedStrings &out_;
  std::vector<Tag> stack_;
  bool run_has_text_ = false;
  std::string item_, capture_;
};

} // namespace

SharedStrings read_shared_strings(const Package &pkg, const std::string &part) {
  SharedStrings out;
  if (part.empty()) return out;
  SharedStringsHandler handler(out);
  XmlStream xml(handler, part);
  if (pkg.stream(part, [&](std::string_view chunk) { xml.feed(chunk); })) xml.finish();
  out.finish();
  return out;
}

void SheetRows::start(std::string_view name, const char **attributes) {
  const Tag parent = stack_.empty() ? Tag::Other : stack_.back();
  Tag tag = Tag::Other;
  if (stack_.empty()) {
    if (name == "worksheet") tag = Tag::Worksheet;
  } else if (parent == Tag::Worksheet) {
    // Only the first sheetData holds rows, as the DOM reader took it.
    if (name == "sheetData" && !seen_sheet_data_) {
      tag = Tag::SheetData;
      seen_sheet_data_ = true;
    }
  } else if (parent == Tag::SheetData) {
    if (name == "row") {
      tag = Tag::Row;
      begin_row(attributes);
    }
  } else if (parent == Tag::Row) {
    if (name == "c") {
      tag = Tag::Cell;
      begin_cell(attributes);
    }
  } else if (parent == Tag::Cell) {
    if (name == "v" && !has_value_) { // the first <v> counts
      tag = Tag::Value;
      has_value_ = true;
      capture_.clear();
    } else if (name == "is" && !has_inline_) {
      tag = Tag::Inline;
      has_inline_ = true;
      runs_.clear();
    }
  } else if (parent == Tag::Inline || parent == Tag::Run) {
    const auto in = RunText::open(name, parent == Tag::Inline, run_has_text_);
    if (in != RunText::In::None) {
      tag = in == RunText::In::Text ? Tag::Text : Tag::RunText;
      capture_.clear();
    } else if (parent == Tag::Inline && name == "r") {
      tag = Tag::Run;
    }
  }
  stack_.push_back(tag);
}

void SheetRows::end(std::string_view) {
  const Tag tag = stack_.back();
  stack_.pop_back();
  switch (tag) {
  case Tag::Value: value_ = xml_whitespace(capture_) ? std::string() : capture_; break;
  case Tag::Text: RunText::close(RunText::In::Text, capture_, runs_); break;
  case Tag::RunText: RunText::close(RunText::In::RunText, capture_, runs_); break;
  case Tag::Inline: inline_ = xml_whitespace(runs_) ? std::string() : runs_; break;
  case Tag::Cell: finish_cell(); break;
  case Tag::Row: finish_row(); break;
  default: break;
  }
}

void SheetRows::text(std::string_view data) {
  const Tag tag = stack_.empty() ? Tag::Other : stack_.back();
  if (tag == Tag::Value || tag == Tag::Text || tag == Tag::RunText) capture_.append(data);
}

void SheetRows::begin_row(const char **attributes) {
  row_ = SourceRow();
  const char *r = xml_attribute(attributes, "r");
  row_.number = r ? std::strtoull(r, nullptr, 10) : next_row_;
  next_row_ = row_.number + 1;
  next_col_ = 0;
  picture_ = nlohmann::json::object();
}

void SheetRows::begin_cell(const char **attributes) {
  const char *r = xml_attribute(attributes, "r");
  col_ = r ? column_index(r) : next_col_;
  next_col_ = col_ + 1;
  const char *t = xml_attribute(attributes, "t");
  const char *s = xml_attribute(attributes, "s");
  type_ = t ? t : "";
  style_ = s ? s : "";
  value_.clear();
  inline_.clear();
  has_value_ = has_inline_ = false;
}

Cell SheetRows::make_cell() {
  Cell cell;
  if (type_ == "inlineStr") return text_cell(inline_);
  if (value_.empty()) return cell;
  if (type_ == "s") {
    const auto i = static_cast<std::size_t>(std::strtoull(value_.c_str(), nullptr, 10));
    if (i < ctx_.shared.size()) return text_cell(ctx_.shared[i]);
    if (row_.error.empty())
      row_.error =
          "cell " + column_letters(col_) + std::to_string(row_.number) + " points past the shared strings";
    return cell;
  }
  if (type_ == "str") return text_cell(value_);
  if (type_ == "e") {
    cell.kind = CellKind::Error;
    cell.text = value_;
    return cell;
  }
  if (type_ == "b") return text_cell(value_ == "1" ? "TRUE" : "FALSE");
  if (type_ == "d") { // ISO 8601 date cell (strict OOXML)
    cell.kind = CellKind::Date;
    cell.text = value_.substr(0, 19);
    return cell;
  }
  const auto style = static_cast<std::size_t>(std::strtoul(style_.c_str(), nullptr, 10));
  return number_cell(value_, style < ctx_.is_date.size() && ctx_.is_date[style], ctx_.date1904);
}

void SheetRows::finish_cell() {
  Cell cell = make_cell();
  if (cell.kind == CellKind::Empty) return;
  // Expat checks the XML's UTF-8; this guards the record all the same.
  const bool utf8 = valid_utf8(cell.text);
  if (!utf8 && row_.error.empty())
    row_.error = "cell " + column_letters(col_) + std::to_string(row_.number) + " is not valid UTF-8";
  picture_[column_letters(col_)] = utf8 ? cell.text : printable(cell.text, static_cast<std::size_t>(-1));
  if (row_.cells.size() <= col_) row_.cells.resize(col_ + 1);
  row_.cells[col_] = std::move(cell);
}

void SheetRows::finish_row() {
  row_.raw =
      nlohmann::json{{"sheet", ctx_.sheet}, {"row", row_.number}, {"cells", std::move(picture_)}}.dump();
  if (!row_.error.empty()) row_.cells.clear();
  ready_.push_back(std::move(row_));
  row_ = SourceRow();
}

} // namespace qloop::intake_files
