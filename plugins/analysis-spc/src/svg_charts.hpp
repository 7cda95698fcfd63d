// SVG drawings: control-chart panels (centre line, control limits, sigma
// zone lines, specification limits, points flagged in red with their rule
// numbers), a capability histogram, and a normal probability plot.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "capability.hpp"
#include "chart_series.hpp"
#include "labels.hpp"
#include "normality.hpp"

namespace qloop::spc {

// Columns of a downsampled control chart: one min/max pair each (and one
// violation mask each, see ViolationLog).
inline constexpr std::size_t kChartBuckets = 1000;

struct PanelSpec {
  const ChartSeries *series = nullptr;
  std::string title, x_label;
  std::optional<double> lsl, usl; // specification limits (individuals panels)
  std::size_t phase1_prefix = 0;  // a phase I | phase II boundary after this many points; 0 = none
  std::size_t max_points = 5000;  // above this the panel shows min/max per bucket
  Labels labels;
};

// One panel as a complete SVG document of the given size.
std::string control_panel_svg(const PanelSpec &spec, double width, double height);
// Panels stacked vertically in one SVG document.
std::string stack_panels(const std::vector<std::string> &panels, double width, double panel_height);

struct HistogramSpec {
  const std::vector<double> *values = nullptr;
  SpecLimits spec;
  double mean = 0, sigma_within = 0, sigma_overall = 0;
  std::string title, x_label;
  Labels labels;
};
std::string capability_histogram_svg(const HistogramSpec &spec, double width, double height);

std::string probability_plot_svg(const std::vector<ProbabilityPoint> &points, double mean, double sd,
                                 const std::string &title, const Labels &labels, double width, double height);

} // namespace qloop::spc
