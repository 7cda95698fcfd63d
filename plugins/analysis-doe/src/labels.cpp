#include "labels.hpp"

namespace qloop::doe {

Labels labels_for(std::string_view lang) {
  Labels l;
  if (lang == "zh-CN") {
    l.zh = true;
    l.normal_plot = "效应的正态概率图";
    l.half_normal_plot = "效应的半正态概率图";
    l.pareto_chart = "效应的帕累托图";
    l.main_effects_plot = "主效应图";
    l.interaction_plot = "交互作用图";
    l.means_plot = "各组均值及95%置信区间";
    l.effect = "效应";
    l.abs_effect = "效应绝对值";
    l.standardized_effect = "标准化效应 |t|";
    l.normal_score = "正态分位数";
    l.half_normal_score = "半正态分位数";
    l.mean = "均值";
    l.response = "响应";
    l.level = "水平";
    l.significant = "显著";
    l.not_significant = "不显著";
    l.centre = "中心点";
    l.low = "低";
    l.high = "高";
    l.grand_mean = "总均值";
    l.ci95 = "95%置信区间";
    l.term = "项";
  } else {
    l.normal_plot = "Normal probability plot of the effects";
    l.half_normal_plot = "Half-normal plot of the effects";
    l.pareto_chart = "Pareto chart of the effects";
    l.main_effects_plot = "Main effects plot";
    l.interaction_plot = "Interaction plot";
    l.means_plot = "Group means with 95% confidence intervals";
    l.effect = "Effect";
    l.abs_effect = "|Effect|";
    l.standardized_effect = "Standardized effect |t|";
    l.normal_score = "Normal score";
    l.half_normal_score = "Half-normal score";
    l.mean = "Mean";
    l.response = "Response";
    l.level = "Level";
    l.significant = "significant";
    l.not_significant = "not significant";
    l.centre = "centre";
    l.low = "low";
    l.high = "high";
    l.grand_mean = "grand mean";
    l.ci95 = "95% CI";
    l.term = "Term";
  }
  return l;
}

} // namespace qloop::doe
