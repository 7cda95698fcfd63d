#include "xlsx_reader.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include <pugixml.hpp>
#include <qloop/plugin.hpp>

#include "xlsx_package.hpp"
#include "xlsx_sheet.hpp"
#include "xml_stream.hpp"

namespace qloop::intake_files {
namespace {

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
    if (local_name(f.name()) == "numFmt")
      custom[f.attribute("numFmtId").as_int()] = f.attribute("formatCode").value();
  for (pugi::xml_node xf : child(sheet, "cellXfs").children()) {
    if (local_name(xf.name()) != "xf") continue;
    int id = xf.attribute("numFmtId").as_int();
    auto it = custom.find(id);
    out.push_back(it != custom.end() ? custom_date_format(it->second) : builtin_date_format(id));
  }
  return out;
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

// Checks that the sheet is complete, well-formed XML, without keeping any
// of it: a damaged workbook then fails as a whole before a row is submitted,
// as it did when the sheet was parsed whole up front.
class Discard : public XmlHandler {
public:
  void start(std::string_view, const char **) override {}
  void end(std::string_view) override {}
  void text(std::string_view) override {}
};

class XlsxReader : public RowReader {
public:
  XlsxReader(const InputFile &file, const std::string &sheet_wanted) : pkg_(file) {
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

    std::vector<std::string> names;
    for (pugi::xml_node s : child(wb, "sheets").children()) {
      if (local_name(s.name()) != "sheet") continue;
      std::string name = s.attribute("name").value();
      names.push_back(name);
      if (!sheet_part_.empty() || !(sheet_wanted.empty() || sheet_wanted == name)) continue;
      auto it = sheet_parts.find(attribute(s, "id").value());
      if (it == sheet_parts.end()) invalid_workbook("sheet '" + name + "' has no part");
      sheet_part_ = it->second;
      info_.sheet = name;
    }
    if (sheet_part_.empty()) {
      if (names.empty()) invalid_workbook("it has no sheets");
      std::string list;
      for (const auto &n : names) list += (list.empty() ? "'" : ", '") + n + "'";
      throw sdk::InvalidInput("the workbook has no sheet '" + sheet_wanted +
                              "' (config sheet; sheets: " + list + ")");
    }
    context_.sheet = info_.sheet;
    context_.date1904 = info_.date1904;
    context_.is_date = date_styles(pkg_, styles_part);
    context_.shared = read_shared_strings(pkg_, strings_part);

    Discard discard;
    XmlStream check(discard, sheet_part_);
    if (!pkg_.stream(sheet_part_, [&](std::string_view chunk) { check.feed(chunk); }))
      invalid_workbook("part " + sheet_part_ + " is missing");
    check.finish();
  }

  void read(const RowHandler &handler) override {
    SheetRows rows(context_);
    XmlStream xml(rows, sheet_part_);
    // Rows are handed on between chunks, outside expat's callbacks, so the
    // handler's exceptions (a refused batch) never cross C frames.
    auto drain = [&] {
      for (SourceRow &row : rows.ready()) handler(std::move(row));
      rows.ready().clear();
    };
    try {
      pkg_.stream(sheet_part_, [&](std::string_view chunk) {
        xml.feed(chunk);
        drain();
      });
      xml.finish();
    } catch (const sdk::InvalidInput &e) {
      // It was whole a moment ago (the check pass): the file changed.
      throw sdk::Error(QLOOP_ERR_IO,
                       std::string("the workbook could not be read a second time: ") + e.what());
    }
    drain();
  }

private:
  Package pkg_;
  std::string sheet_part_;
  SheetContext context_;
};

} // namespace

std::unique_ptr<RowReader> open_xlsx(const InputFile &file, const std::string &sheet) {
  return std::make_unique<XlsxReader>(file, sheet);
}

} // namespace qloop::intake_files
