// The report model as mustache data: the variables a site template may use
// (README.md lists them). Values are plain text; the template engine escapes
// them for the output format, so a template never needs to.
#pragma once

#include <functional>
#include <string>

#include <kainjow/mustache.hpp>

#include "report_model.hpp"

namespace qloop::eightd {

// How a chart is referenced from the output (a data: URI for HTML, a file
// name beside the Markdown file); empty when the chart is not usable.
using ChartSource = std::function<std::string(const Chart &)>;

kainjow::mustache::data template_data(const Report &report, const ChartSource &chart_source);

} // namespace qloop::eightd
