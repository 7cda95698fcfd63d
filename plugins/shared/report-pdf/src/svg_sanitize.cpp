#include "report_pdf/svg_sanitize.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <vector>

#include <pugixml.hpp>

namespace qloop::reportpdf {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// The local name of an element or attribute ("xlink:href" -> "href").
std::string local_name(const char *name) {
  std::string n = lower(name);
  auto colon = n.find(':');
  return colon == std::string::npos ? n : n.substr(colon + 1);
}

bool dangerous_element(const std::string &name) {
  static const char *const kNames[] = {"script", "foreignobject", "iframe",  "embed",   "object",
                                       "audio",  "video",         "handler", "listener"};
  return std::any_of(std::begin(kNames), std::end(kNames), [&](const char *n) { return name == n; });
}

// Only in-document references and inline raster images may stay.
bool safe_reference(std::string_view value) {
  std::string v = lower(value);
  v.erase(std::remove_if(v.begin(), v.end(), [](unsigned char c) { return std::isspace(c); }), v.end());
  return v.empty() || v[0] == '#' || v.rfind("data:image/png", 0) == 0 ||
         v.rfind("data:image/jpeg", 0) == 0 || v.rfind("data:image/gif", 0) == 0;
}

// url(...) in a style or presentation attribute may name an external file.
bool external_url(std::string_view value) {
  std::string v = lower(value);
  for (std::size_t at = v.find("url("); at != std::string::npos; at = v.find("url(", at + 4)) {
    std::size_t i = at + 4;
    while (i < v.size() && (std::isspace(static_cast<unsigned char>(v[i])) || v[i] == '\'' || v[i] == '"'))
      ++i;
    if (i >= v.size() || v[i] != '#') return true;
  }
  return v.find("@import") != std::string::npos || v.find("javascript:") != std::string::npos;
}

std::size_t scrub(pugi::xml_node node) {
  std::size_t removed = 0;
  std::vector<pugi::xml_attribute> drop_attrs;
  for (auto attr : node.attributes()) {
    const std::string name = local_name(attr.name());
    const bool handler = name.size() > 2 && name[0] == 'o' && name[1] == 'n';
    const bool link = name == "href" || name == "src" || name == "action" || name == "formaction";
    if (handler || (link && !safe_reference(attr.value())) || external_url(attr.value()))
      drop_attrs.push_back(attr);
  }
  for (auto a : drop_attrs) node.remove_attribute(a);
  removed += drop_attrs.size();

  std::vector<pugi::xml_node> drop_nodes;
  for (auto child : node.children()) {
    if (child.type() == pugi::node_pi || child.type() == pugi::node_doctype) {
      drop_nodes.push_back(child);
    } else if (child.type() == pugi::node_element) {
      const std::string name = local_name(child.name());
      if (dangerous_element(name) || (name == "style" && external_url(child.child_value())))
        drop_nodes.push_back(child);
      else
        removed += scrub(child);
    }
  }
  for (auto c : drop_nodes) node.remove_child(c);
  return removed + drop_nodes.size();
}

struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void *data, std::size_t size) override {
    out.append(static_cast<const char *>(data), size);
  }
};

} // namespace

SanitizedSvg sanitize_svg(std::string_view svg, std::size_t max_bytes) {
  SanitizedSvg result;
  if (svg.size() > max_bytes) {
    result.problem =
        "SVG is " + std::to_string(svg.size()) + " bytes (limit " + std::to_string(max_bytes) + ")";
    return result;
  }
  pugi::xml_document doc;
  // No DOCTYPE processing: pugixml never expands external or custom entities.
  const auto parsed = doc.load_buffer(svg.data(), svg.size(), pugi::parse_default & ~pugi::parse_doctype);
  if (!parsed) {
    result.problem = std::string("not well-formed XML: ") + parsed.description() + " at byte " +
                     std::to_string(parsed.offset);
    return result;
  }
  auto root = doc.document_element();
  if (!root || local_name(root.name()) != "svg") {
    result.problem = "the root element is not <svg>";
    return result;
  }
  result.removed = scrub(doc);
  // An <img> or librsvg reads the document as SVG only in the SVG namespace.
  if (!root.attribute("xmlns")) root.append_attribute("xmlns") = "http://www.w3.org/2000/svg";
  StringWriter writer;
  doc.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  result.svg = std::move(writer.out);
  return result;
}

} // namespace qloop::reportpdf
