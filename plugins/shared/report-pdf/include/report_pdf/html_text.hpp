// Values that go into an HTML report outside mustache's own escaping: CSS
// strings for @page margin boxes, and charts as data: URIs (an SVG shown
// through <img> can run no script).
#pragma once

#include <string>

namespace qloop::reportpdf {

// A CSS string literal of only [A-Za-z0-9 \\"] characters: everything else
// is a hex escape, so the value is safe inside <style> whatever the text,
// and HTML escaping leaves it alone.
std::string css_string(const std::string &utf8);

// "data:image/svg+xml;base64,..." for an SVG document.
std::string svg_data_uri(const std::string &svg);

} // namespace qloop::reportpdf
