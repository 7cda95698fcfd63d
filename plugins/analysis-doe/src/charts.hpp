// SVG charts of the DOE and ANOVA results, drawn with qloop/svg.hpp.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "labels.hpp"

namespace qloop::doe {

struct NamedValue {
  std::string name;
  double value = 0;
  bool highlight = false; // drawn in the accent colour and labelled
};

// Normal (or half-normal) probability plot of effects: effect on x, normal
// score on y; a line of slope 1/PSE through the origin when pse > 0.
std::string effects_probability_plot(const std::vector<NamedValue> &effects, double pse, bool half_normal,
                                     const Labels &l);

// Horizontal Pareto bars of |value|, largest first, with labelled vertical
// reference lines (Lenth ME/SME, or the critical |t|).
std::string pareto_chart(const std::vector<NamedValue> &bars,
                         const std::vector<std::pair<double, std::string>> &lines,
                         const std::string &axis_label, const Labels &l);

struct MainEffectPanel {
  std::string factor;
  std::vector<std::string> levels;
  std::vector<double> means;
};
// One panel per factor on a shared y scale; the grand mean dashed; the centre
// point mean as a separate marker when given.
std::string main_effects_plot(const std::vector<MainEffectPanel> &panels, double grand_mean,
                              std::optional<double> centre_mean, const std::string &response,
                              const Labels &l);

struct InteractionPanel {
  std::string x_factor, trace_factor;
  std::vector<std::string> x_levels, trace_levels;
  std::vector<std::vector<double>> means; // [trace level][x level]; NaN for an empty cell
};
std::string interaction_plot(const std::vector<InteractionPanel> &panels, const std::string &response,
                             const Labels &l);

struct GroupInterval {
  std::string label;
  double mean = 0, low = 0, high = 0;
};
std::string means_plot(const std::vector<GroupInterval> &groups, const std::string &factor,
                       const std::string &response, const Labels &l);

} // namespace qloop::doe
