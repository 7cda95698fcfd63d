// Renders an analysis result (sdk/schemas/analysis-result.schema.json) as
// pretty JSON, as text tables, or as its first SVG chart.
#pragma once

#include <string>

namespace qloop::cli {

// Throws CommandError when the result is not valid JSON or lacks what the
// format needs (no chart for svg).
std::string render_result(const std::string &result_json, const std::string &format);

} // namespace qloop::cli
