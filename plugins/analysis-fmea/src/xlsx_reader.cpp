#include "xlsx_reader.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string_view>

#include <pugixml.hpp>
#include <qloop/plugin.hpp>
#include <zip.h>

namespace qloop::fmea {
namespace {

using nlohmann::json;

// A workbook part larger than this is refused (zip bombs, not worksheets).
constexpr zip_uint64_t kMaxPartBytes = 256ull << 20;

struct ZipCloser {
  void operator()(zip_t *z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

[[noreturn]] void invalid(const std::string &field, const std::string &path, const std::string &why) {
  throw sdk::InvalidInput("field '" + field + "': " + path + " is not a usable XLSX workbook: " + why);
}

class Package {
public:
  Package(const std::string &path, const std::string &field) : path_(path), field_(field) {
    int err = 0;
    zip_t *z = zip_open(path.c_str(), ZIP_RDONLY, &err);
    if (z == nullptr) {
      zip_error_t ze;
      zip_error_init_with_code(&ze, err);
      std::string why = zip_error_strerror(&ze);
      zip_error_fini(&ze);
      if (err == ZIP_ER_NOZIP || err == ZIP_ER_INCONS) invalid(field, path, why);
      throw sdk::Error(QLOOP_ERR_IO, "field '" + field + "': cannot open " + path + ": " + why);
    }
    zip_.reset(z);
  }

  std::optional<std::string> read(const std::string &name) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_.get(), name.c_str(), 0, &st) != 0) return std::nullopt;
    if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxPartBytes)
      invalid(field_, path_, "part " + name + " is too large");
    zip_file_t *f = zip_fopen(zip_.get(), name.c_str(), 0);
    if (f == nullptr) invalid(field_, path_, "cannot open part " + name);
    std::string data(static_cast<std::size_t>(st.size), '\0');
    zip_int64_t n = data.empty() ? 0 : zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) invalid(field_, path_, "cannot read part " + name);
    return data;
  }

  pugi::xml_document xml(const std::string &name, bool required) const {
    pugi::xml_document doc;
    auto data = read(name);
    if (!data) {
      if (required) invalid(field_, path_, "part " + name + " is missing");
      return doc;
    }
    auto ok = doc.load_buffer(data->data(), data->size());
    if (!ok) invalid(field_, path_, "part " + name + " is not XML (" + ok.description() + ")");
    return doc;
  }

private:
  std::string path_, field_;
  ZipPtr zip_;
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

// Attributes like r:id carry a namespace prefix whose spelling may vary.
pugi::xml_attribute attribute(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_attribute a : n.attributes())
    if (local(a.name()) == name) return a;
  return {};
}

std::string dir_of(const std::string &part) {
  auto slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

// A relationship target, relative to the part that names it, as a package path.
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
  std::string id, type, target; // target resolved to a package path
};

// The relationships of a part ("" for the package itself: _rels/.rels).
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

bool type_is(const std::string &type, std::string_view suffix) {
  return type.size() >= suffix.size() &&
         type.compare(type.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string text_runs(pugi::xml_node si) {
  // <t> directly, or rich-text runs <r><t>; phonetic runs <rPh> are not cell text.
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

// A custom number format shows a date or time when, outside quoted text,
// escapes and [colour]/[locale] sections, it has y, d, or h with ':'.
bool custom_date_format(const std::string &code) {
  bool in_quote = false, in_bracket = false, has_ymd = false, has_h = false, has_colon = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (in_quote) {
      in_quote = c != '"';
      continue;
    }
    if (in_bracket) {
      in_bracket = c != ']';
      continue;
    }
    if (c == '"')
      in_quote = true;
    else if (c == '[')
      in_bracket = true;
    else if (c == '\\' || c == '_' || c == '*')
      ++i; // the next character is literal or padding
    else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D')
      has_ymd = true;
    else if (c == 'h' || c == 'H')
      has_h = true;
    else if (c == ':')
      has_colon = true;
  }
  return has_ymd || (has_h && has_colon);
}

struct Styles {
  std::vector<bool> xf_is_date; // by cell style index (the s attribute)
};

Styles read_styles(const Package &pkg, const std::string &part) {
  Styles s;
  if (part.empty()) return s;
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
    s.xf_is_date.push_back(it != custom.end() ? custom_date_format(it->second) : builtin_date_format(id));
  }
  return s;
}

std::vector<std::string> read_shared_strings(const Package &pkg, const std::string &part) {
  std::vector<std::string> strings;
  if (part.empty()) return strings;
  pugi::xml_document doc = pkg.xml(part, false);
  for (pugi::xml_node si : child(doc, "sst").children())
    if (local(si.name()) == "si") strings.push_back(text_runs(si));
  return strings;
}

json number_cell(const std::string &text, bool is_date, bool date1904) {
  char *end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || !std::isfinite(v)) return text;
  if (is_date) return excel_serial_to_iso(v, date1904);
  if (v == std::floor(v) && std::fabs(v) < 9e15) return static_cast<long long>(v);
  return v;
}

// days_from_civil / civil_from_days: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
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

std::size_t column_index_of(const std::string &ref) {
  std::size_t index = 0;
  for (char c : ref) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    index = index * 26 + static_cast<std::size_t>(c - 'A' + 1);
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
  // Excel's 1900 system counts a 29 Feb 1900 that never was (serial 60).
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
  if (seconds == 0) {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", y, m, d);
  } else {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld", y, m, d, seconds / 3600,
                  seconds / 60 % 60, seconds % 60);
  }
  return buf;
}

XlsxSheet read_xlsx(const std::string &path, const std::string &sheet_wanted, const std::string &field,
                    const HeaderTest &is_header) {
  Package pkg(path, field);

  // The main part, from the package relationships (usually xl/workbook.xml).
  std::string workbook_part = "xl/workbook.xml";
  for (const Relationship &r : relationships(pkg, ""))
    if (type_is(r.type, "/officeDocument")) workbook_part = r.target;
  pugi::xml_document workbook = pkg.xml(workbook_part, true);
  pugi::xml_node wb = child(workbook, "workbook");
  const bool date1904 = attribute(child(wb, "workbookPr"), "date1904").as_bool();

  std::map<std::string, std::string> sheet_parts; // relationship id -> part
  std::string styles_part, strings_part;
  for (const Relationship &r : relationships(pkg, workbook_part)) {
    if (type_is(r.type, "/styles"))
      styles_part = r.target;
    else if (type_is(r.type, "/sharedStrings"))
      strings_part = r.target;
    else
      sheet_parts[r.id] = r.target;
  }

  XlsxSheet out;
  std::string sheet_part;
  std::vector<std::string> names;
  for (pugi::xml_node s : child(wb, "sheets").children()) {
    if (local(s.name()) != "sheet") continue;
    std::string name = s.attribute("name").value();
    names.push_back(name);
    if (!sheet_part.empty()) continue;
    if (sheet_wanted.empty() || sheet_wanted == name) {
      auto it = sheet_parts.find(attribute(s, "id").value());
      if (it == sheet_parts.end()) invalid(field, path, "sheet '" + name + "' has no part");
      sheet_part = it->second;
      out.sheet_name = name;
    }
  }
  if (sheet_part.empty()) {
    if (names.empty()) invalid(field, path, "it has no sheets");
    std::string list;
    for (const auto &n : names) list += (list.empty() ? "'" : ", '") + n + "'";
    throw sdk::InvalidInput("field 'options.sheet': no sheet '" + sheet_wanted + "' in " + path +
                            " (sheets: " + list + ")");
  }

  const Styles styles = read_styles(pkg, styles_part);
  const std::vector<std::string> shared = read_shared_strings(pkg, strings_part);
  pugi::xml_document sheet = pkg.xml(sheet_part, true);

  // Cells by spreadsheet row, then column.
  std::map<std::size_t, std::map<std::size_t, json>> grid;
  std::size_t next_row = 1;
  for (pugi::xml_node row : child(child(sheet, "worksheet"), "sheetData").children()) {
    if (local(row.name()) != "row") continue;
    std::size_t row_number = row.attribute("r") ? row.attribute("r").as_ullong() : next_row;
    next_row = row_number + 1;
    std::size_t next_col = 0;
    for (pugi::xml_node c : row.children()) {
      if (local(c.name()) != "c") continue;
      std::size_t col = c.attribute("r") ? column_index_of(c.attribute("r").value()) : next_col;
      next_col = col + 1;
      const std::string type = c.attribute("t").value();
      const std::string v = child(c, "v").text().get();
      json value = nullptr;
      if (type == "inlineStr") {
        value = text_runs(child(c, "is"));
      } else if (v.empty()) {
        value = nullptr;
      } else if (type == "s") {
        std::size_t i = static_cast<std::size_t>(std::strtoull(v.c_str(), nullptr, 10));
        if (i >= shared.size())
          invalid(field, path,
                  "cell " + std::string(c.attribute("r").value()) + " points past the shared strings");
        value = shared[i];
      } else if (type == "str" || type == "e") {
        value = v;
      } else if (type == "b") {
        value = v == "1";
      } else if (type == "d") {
        value = v.substr(0, v.find('T'));
      } else {
        std::size_t style = c.attribute("s").as_uint();
        bool is_date = style < styles.xf_is_date.size() && styles.xf_is_date[style];
        value = number_cell(v, is_date, date1904);
      }
      if (value.is_string() && value.get<std::string>().empty()) value = nullptr;
      if (!value.is_null()) grid[row_number][col] = std::move(value);
    }
  }
  if (grid.empty()) invalid(field, path, "sheet '" + out.sheet_name + "' is empty");

  // The header row; columns end at its last name.
  auto header = grid.begin();
  if (is_header) {
    int scanned = 0;
    for (auto it = grid.begin(); it != grid.end() && scanned < 50; ++it, ++scanned) {
      std::vector<std::string> texts;
      for (const auto &[col, value] : it->second)
        texts.push_back(value.is_string() ? value.get<std::string>() : "");
      if (is_header(texts)) {
        header = it;
        break;
      }
    }
  }
  std::size_t width = header->second.rbegin()->first + 1;
  json columns = json::array();
  for (std::size_t c = 0; c < width; ++c) {
    auto it = header->second.find(c);
    columns.push_back(it == header->second.end()
                          ? json("")
                          : json(it->second.is_string() ? it->second : json(it->second.dump())));
  }
  json rows = json::array();
  for (auto it = std::next(header); it != grid.end(); ++it) {
    json cells = json::array();
    bool any = false;
    for (std::size_t c = 0; c < width; ++c) {
      auto cell = it->second.find(c);
      if (cell == it->second.end()) {
        cells.push_back(nullptr);
      } else {
        any = true;
        cells.push_back(cell->second);
      }
    }
    if (!any) continue;
    rows.push_back(std::move(cells));
    out.row_numbers.push_back(it->first);
  }
  out.table = {{"columns", std::move(columns)}, {"rows", std::move(rows)}};
  return out;
}

} // namespace qloop::fmea
