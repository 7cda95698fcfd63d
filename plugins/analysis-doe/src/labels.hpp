// Chart and table labels in English or Simplified Chinese (request "lang").
#pragma once

#include <string>
#include <string_view>

namespace qloop::doe {

struct Labels {
  bool zh = false;
  std::string normal_plot, half_normal_plot, pareto_chart, main_effects_plot, interaction_plot, means_plot;
  std::string effect, abs_effect, standardized_effect, normal_score, half_normal_score, mean, response, level;
  std::string significant, not_significant, centre, low, high, grand_mean, ci95, term;
};

Labels labels_for(std::string_view lang);

} // namespace qloop::doe
