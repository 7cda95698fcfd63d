#include "xlsx_reader.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <qloop/plugin.hpp>
#include <zip.h>

#include "encoding.hpp"

namespace qloop::intake_files {
namespace {

// A part larger than this is refused: a zip bomb, not a complaint export.
constexpr zip_uint64_t kMaxPartBytes = 512ull << 20;
// Excel's last date, 9999-12-31.
constexpr double kMaxSerial = 2958465;

[[noreturn]] void invalid(const std::string &why) {
  throw sdk::InvalidInput("not a usable XLSX workbook: " + why);
}

struct ZipCloser {
  void operator()(zip_t *z) const { zip_discard(z); }
};

class Package {
public:
  explicit Package(std::string_view bytes) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (src == nullptr) fail(err);
    zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &err);
    if (z == nullptr) {
      zip_source_free(src);
      fail(err);
    }
    zip_.reset(z);
  }

  std::optional<std::string> read(const std::string &name) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_.get(), name.c_str(), 0, &st) != 0) return std::nullopt;
    if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxPartBytes) invalid("part " + name + " is too large");
    zip_file_t *f = zip_fopen(zip_.get(), name.c_str(), 0);
    if (f == nullptr) invalid("cannot open part " + name + " (" + zip_strerror(zip_.get()) + ")");
    std::string data(static_cast<std::size_t>(st.size), '\0');
    zip_int64_t n = data.empty() ? 0 : zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) invalid("cannot read part " + name);
    return data;
  }

  pugi::xml_document xml(const std::string &name, bool required) const {
    pugi::xml_document doc;
    auto data = read(name);
    if (!data) {
      if (required) invalid("part " + name + " is missing");
      return doc;
    }
    auto ok = doc.load_buffer(data->data(), data->size());
    if (!ok) invalid("part " + name + " is not XML (" + ok.description() + ")");
    return doc;
  }

private:
  [[noreturn]] static void fail(zip_error_t &err) {
    std::string why = zip_error_strerror(&err);
    zip_error_fini(&err);
    invalid(why);
  }
  std::unique_ptr<zip_t, ZipCloser> zip_;
};

std::string_view local(const char *name) {
  const char *colon = std::strchr(name, ':');
  return colon ? colon + 1 : name;
}

pugi::xml_node child(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_node c : n.children())
    if (local(c.name()) == name) return c;
  return {};
}

// r:id and friends carry a namespace prefix whose spelling varies by writer.
pugi::xml_attribute attribute(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_attribute a : n.attributes())
    if (local(a.name()) == name) return a;
  return {};
}

std::string dir_of(const std::string &part) {
  auto slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

// A relationship target relative to the part naming it, as a package path.
std::string resolve(const std::string &base_dir, const std::string &target) {
  std::string joined = !target.empty() && target[0] == '/' ? target.substr(1) : base_dir + target;
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= joined.size()) {
    auto end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    std::string piece = joined.substr(start, end - start);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto &p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

struct Relationship {
  std::string id, type, target;
};

std::vector<Relationship> relationships(const Package &pkg, const std::string &part) {
  std::vector<Relationship> rels;
  const std::string dir = dir_of(part);
  const std::string name = part.substr(dir.size());
  pugi::xml_document doc = pkg.xml(dir + "_rels/" + name + ".rels", false);
  for (pugi::xml_node r : child(doc, "Relationships").children())
    if (local(r.name()) == "Relationship")
      rels.push_back({r.attribute("Id").value(), r.attribute("Type").value(),
                      resolve(dir, r.attribute("Target").value())});
  return rels;
}

bool ends_with(const std::string &s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// <t> directly or rich-text runs <r><t>; phonetic guides <rPh> are not text.
std::string text_runs(pugi::xml_node si) {
  std::string out;
  for (pugi::xml_node c : si.children()) {
    if (local(c.name()) == "t")
      out += c.text().get();
    else if (local(c.name()) == "r")
      out += child(c, "t").text().get();
  }
  return out;
}

bool builtin_date_format(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

// A custom format shows a date when, outside quoted text, escapes and
// [colour]/[locale] sections, it has y or d, or h with ':'.
bool custom_date_format(const std::string &code) {
  bool quote = false, bracket = false, ymd = false, h = false, colon = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (quote) {
      quote = c != '"';
      continue;
    }
    if (bracket) {
      bracket = c != ']';
      continue;
    }
    if (c == '"')
      quote = true;
    else if (c == '[')
      bracket = true;
    else if (c == '\\' || c == '_' || c == '*')
      ++i;
    else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D')
      ymd = true;
    else if (c == 'h' || c == 'H')
      h = true;
    else if (c == ':')
      colon = true;
  }
  return ymd || (h && colon);
}

std::vector<bool> date_styles(const Package &pkg, const std::string &part) {
  std::vector<bool> out;
  if (part.empty()) return out;
  pugi::xml_document doc = pkg.xml(part, false);
  pugi::xml_node sheet = child(doc, "styleSheet");
  std::map<int, std::string> custom;
  for (pugi::xml_node f : child(sheet, "numFmts").children())
    if (local(f.name()) == "numFmt")
      custom[f.attribute("numFmtId").as_int()] = f.attribute("formatCode").value();
  for (pugi::xml_node xf : child(sheet, "cellXfs").children()) {
    if (local(xf.name()) != "xf") continue;
    int id = xf.attribute("numFmtId").as_int();
    auto it = custom.find(id);
    out.push_back(it != custom.end() ? custom_date_format(it->second) : builtin_date_format(id));
  }
  return out;
}

std::vector<std::string> shared_strings(const Package &pkg, const std::string &part) {
  std::vector<std::string> out;
  if (part.empty()) return out;
  pugi::xml_document doc = pkg.xml(part, false);
  for (pugi::xml_node si : child(doc, "sst").children())
    if (local(si.name()) == "si") out.push_back(text_runs(si));
  return out;
}

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

// H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

void civil_from_days(long long z, long long &y, unsigned &m, unsigned &d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

} // namespace

std::size_t column_index(std::string_view ref) {
  std::size_t index = 0;
  for (char c : ref) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    index = index * 26 + static_cast<std::size_t>(c - 'A' + 1);
    if (index > 16384) break; // Excel has 16384 columns; stop runaway references
  }
  return index == 0 ? 0 : index - 1;
}

std::string column_letters(std::size_t index) {
  std::string out;
  ++index;
  while (index > 0) {
    out.insert(out.begin(), static_cast<char>('A' + (index - 1) % 26));
    index = (index - 1) / 26;
  }
  return out;
}

std::string excel_serial_to_iso(double serial, bool date1904) {
  double whole = std::floor(serial);
  long long seconds = std::llround((serial - whole) * 86400.0);
  long long day = static_cast<long long>(whole);
  if (seconds >= 86400) {
    ++day;
    seconds -= 86400;
  }
  long long base;
  if (date1904) base = days_from_civil(1904, 1, 1);
  // The 1900 system counts a 29 Feb 1900 that never was (serial 60).
  else if (day >= 61)
    base = days_from_civil(1899, 12, 30);
  else if (day == 60)
    day = 59, base = days_from_civil(1899, 12, 31);
  else
    base = days_from_civil(1899, 12, 31);
  long long y;
  unsigned m, d;
  civil_from_days(base + day, y, m, d);
  char buf[64];
  if (seconds == 0)
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", y, m, d);
  else
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld", y, m, d, seconds / 3600,
                  seconds / 60 % 60, seconds % 60);
  return buf;
}

namespace {

class XlsxReader : public RowReader {
public:
  XlsxReader(std::string_view bytes, const std::string &sheet_wanted) : pkg_(bytes) {
    info_.format = "xlsx";
    info_.encoding = "utf-8";

    std::string workbook_part = "xl/workbook.xml";
    for (const Relationship &r : relationships(pkg_, ""))
      if (ends_with(r.type, "/officeDocument")) workbook_part = r.target;
    pugi::xml_document workbook = pkg_.xml(workbook_part, true);
    pugi::xml_node wb = child(workbook, "workbook");
    info_.date1904 = attribute(child(wb, "workbookPr"), "date1904").as_bool();

    std::map<std::string, std::string> sheet_parts;
    std::string styles_part, strings_part;
    for (const Relationship &r : relationships(pkg_, workbook_part)) {
      if (ends_with(r.type, "/styles"))
        styles_part = r.target;
      else if (ends_with(r.type, "/sharedStrings"))
        strings_part = r.target;
      else
        sheet_parts[r.id] = r.target;
    }

    std::string sheet_part;
    std::vector<std::string> names;
    for (pugi::xml_node s : child(wb, "sheets").children()) {
      if (local(s.name()) != "sheet") continue;
      std::string name = s.attribute("name").value();
      names.push_back(name);
      if (!sheet_part.empty() || !(sheet_wanted.empty() || sheet_wanted == name)) continue;
      auto it = sheet_parts.find(attribute(s, "id").value());
      if (it == sheet_parts.end()) invalid("sheet '" + name + "' has no part");
      sheet_part = it->second;
      info_.sheet = name;
    }
    if (sheet_part.empty()) {
      if (names.empty()) invalid("it has no sheets");
      std::string list;
      for (const auto &n : names) list += (list.empty() ? "'" : ", '") + n + "'";
      throw sdk::InvalidInput("the workbook has no sheet '" + sheet_wanted +
                              "' (config sheet; sheets: " + list + ")");
    }
    is_date_ = date_styles(pkg_, styles_part);
    shared_ = shared_strings(pkg_, strings_part);
    sheet_ = pkg_.xml(sheet_part, true);
  }

  void read(const RowHandler &handler) override {
    std::size_t next_row = 1;
    for (pugi::xml_node row : child(child(sheet_, "worksheet"), "sheetData").children()) {
      if (local(row.name()) != "row") continue;
      SourceRow out;
      out.number = row.attribute("r") ? row.attribute("r").as_ullong() : next_row;
      next_row = out.number + 1;
      nlohmann::json picture = nlohmann::json::object();
      std::size_t next_col = 0;
      for (pugi::xml_node c : row.children()) {
        if (local(c.name()) != "c") continue;
        const std::size_t col = c.attribute("r") ? column_index(c.attribute("r").value()) : next_col;
        next_col = col + 1;
        Cell cell = read_cell(c, col, out);
        if (cell.kind == CellKind::Empty) continue;
        // The XML parser passes bytes through; the record must be UTF-8.
        const bool utf8 = valid_utf8(cell.text);
        if (!utf8 && out.error.empty())
          out.error = "cell " + column_letters(col) + std::to_string(out.number) + " is not valid UTF-8";
        picture[column_letters(col)] = utf8 ? cell.text : printable(cell.text, static_cast<std::size_t>(-1));
        if (out.cells.size() <= col) out.cells.resize(col + 1);
        out.cells[col] = std::move(cell);
      }
      out.raw =
          nlohmann::json{{"sheet", info_.sheet}, {"row", out.number}, {"cells", std::move(picture)}}.dump();
      if (!out.error.empty()) out.cells.clear();
      handler(std::move(out));
    }
  }

private:
  Cell read_cell(pugi::xml_node c, std::size_t col, SourceRow &out) const {
    const std::string type = c.attribute("t").value();
    const std::string v = child(c, "v").text().get();
    Cell cell;
    if (type == "inlineStr") return text_cell(text_runs(child(c, "is")));
    if (v.empty()) return cell;
    if (type == "s") {
      const auto i = static_cast<std::size_t>(std::strtoull(v.c_str(), nullptr, 10));
      if (i < shared_.size()) return text_cell(shared_[i]);
      if (out.error.empty())
        out.error =
            "cell " + column_letters(col) + std::to_string(out.number) + " points past the shared strings";
      return cell;
    }
    if (type == "str") return text_cell(v);
    if (type == "e") {
      cell.kind = CellKind::Error;
      cell.text = v;
      return cell;
    }
    if (type == "b") return text_cell(v == "1" ? "TRUE" : "FALSE");
    if (type == "d") { // ISO 8601 date cell (strict OOXML)
      cell.kind = CellKind::Date;
      cell.text = v.substr(0, 19);
      return cell;
    }
    const std::size_t style = c.attribute("s").as_uint();
    return number_cell(v, style < is_date_.size() && is_date_[style], info_.date1904);
  }

  Package pkg_;
  std::vector<bool> is_date_;
  std::vector<std::string> shared_;
  pugi::xml_document sheet_;
};

} // namespace

std::unique_ptr<RowReader> open_xlsx(std::string_view bytes, const std::string &sheet) {
  return std::make_unique<XlsxReader>(bytes, sheet);
}

} // namespace qloop::intake_files
