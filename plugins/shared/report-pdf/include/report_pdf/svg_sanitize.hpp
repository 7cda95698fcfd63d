// Charts come from analysis results stored with a complaint, so their SVG is
// as hostile as any complaint text. Before a chart is embedded (HTML), written
// beside a Markdown file or drawn into the PDF, it is parsed as XML and
// stripped of everything active or external: scripts, foreignObject, event
// handler attributes, links that leave the document.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace qloop::reportpdf {

struct SanitizedSvg {
  std::string svg;         // the cleaned document; empty when it could not be used
  std::string problem;     // why it could not be used (empty when svg is set)
  std::size_t removed = 0; // elements and attributes taken out
};

// Parses `svg` (at most `max_bytes`), requires an <svg> root and removes the
// active parts. Never throws on bad input: the problem is in the result.
SanitizedSvg sanitize_svg(std::string_view svg, std::size_t max_bytes);

} // namespace qloop::reportpdf
