#include "pdf_style.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>
#include <qloop/plugin.hpp>

namespace qloop::eightd {
namespace {

[[noreturn]] void bad(const std::string &where, const std::string &what) {
  throw sdk::Error(QLOOP_ERR_CONFIG, where + ": " + what);
}

double number(const nlohmann::json &v, const std::string &where, const char *key, double lo, double hi) {
  if (!v.is_number()) bad(where, std::string("'") + key + "' must be a number");
  const double d = v.get<double>();
  if (!(d >= lo && d <= hi))
    bad(where,
        std::string("'") + key + "' must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  return d;
}

std::string text(const nlohmann::json &v, const std::string &where, const char *key) {
  if (!v.is_string()) bad(where, std::string("'") + key + "' must be a string");
  return v.get<std::string>();
}

std::string mustache(const nlohmann::json &v, const std::string &where, const char *key) {
  std::string source = text(v, where, key);
  kainjow::mustache::mustache tmpl(source);
  if (!tmpl.is_valid()) bad(where, std::string("'") + key + "': " + tmpl.error_message());
  return source;
}

} // namespace

const std::vector<std::string> &pdf_section_ids() {
  static const std::vector<std::string> ids = {"facts", "d0", "d1", "d2", "d3",       "d4",      "analyses",
                                               "d5",    "d6", "d7", "d8", "contacts", "revisits"};
  return ids;
}

PdfStyle load_pdf_style(const std::string &template_dir) {
  PdfStyle style;
  style.sections = pdf_section_ids();
  if (template_dir.empty()) return style;
  namespace fs = std::filesystem;
  const fs::path file = fs::path(template_dir) / "8d.pdf.json";
  std::error_code ec;
  if (!fs::is_directory(template_dir, ec))
    bad("[export.8d] template_dir '" + template_dir + "'", "not a directory");
  if (!fs::exists(file, ec)) return style;
  const std::string where = file.string();
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in) bad(where, "cannot read it");
  const auto doc = nlohmann::json::parse(content.str(), nullptr, false);
  if (doc.is_discarded()) bad(where, "not valid JSON");
  if (!doc.is_object()) bad(where, "must be a JSON object");
  for (const auto &[key, v] : doc.items()) {
    if (key == "font_family")
      style.page.font_family = text(v, where, "font_family");
    else if (key == "font_size")
      style.page.font_size = number(v, where, "font_size", 6, 16);
    else if (key == "margin_mm")
      style.page.margin_mm = number(v, where, "margin_mm", 5, 40);
    else if (key == "accent") {
      if (!reportpdf::parse_colour(text(v, where, "accent"), style.page.accent))
        bad(where, "'accent' must be #rrggbb");
    } else if (key == "title")
      style.title = text(v, where, "title");
    else if (key == "header")
      style.header = mustache(v, where, "header");
    else if (key == "footer")
      style.footer = mustache(v, where, "footer");
    else if (key == "sections") {
      if (!v.is_array()) bad(where, "'sections' must be an array of section ids");
      style.sections.clear();
      for (const auto &s : v) {
        const std::string id = s.is_string() ? s.get<std::string>() : s.dump();
        const auto &known = pdf_section_ids();
        if (std::find(known.begin(), known.end(), id) == known.end())
          bad(where, "unknown section '" + id +
                         "' in 'sections' (known: facts, d0 ... d8, analyses, contacts, revisits)");
        style.sections.push_back(id);
      }
    } else {
      bad(where, "unknown key '" + key +
                     "' (known: font_family, font_size, margin_mm, accent, title, header, footer, sections)");
    }
  }
  return style;
}

} // namespace qloop::eightd
