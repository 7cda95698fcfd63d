#include "labels.hpp"

namespace qloop::spc {

std::string Labels::panel_title(const std::string &c) const {
  if (c == "i") return text("Individuals (I)", "单值 (I)");
  if (c == "mr") return text("Moving range (MR)", "移动极差 (MR)");
  if (c == "xbar") return text("Subgroup mean (X̄)", "子组均值 (X̄)");
  if (c == "r") return text("Subgroup range (R)", "子组极差 (R)");
  if (c == "s") return text("Subgroup standard deviation (S)", "子组标准差 (S)");
  if (c == "p") return text("Proportion nonconforming (p)", "不合格品率 (p)");
  if (c == "np") return text("Number nonconforming (np)", "不合格品数 (np)");
  if (c == "c") return text("Nonconformities (c)", "缺陷数 (c)");
  if (c == "u") return text("Nonconformities per unit (u)", "单位缺陷数 (u)");
  return c;
}

std::string Labels::chart_title(const std::string &type) const {
  std::string name = type == "imr" ? "I-MR" : type == "xbar-r" ? "X̄-R" : type == "xbar-s" ? "X̄-S" : type;
  return name + text(" control chart", " 控制图");
}

std::string Labels::x_axis(const std::string &type) const {
  if (type == "imr") return text("Observation", "观测序号");
  if (type == "xbar-r" || type == "xbar-s") return text("Subgroup", "子组");
  return text("Sample", "样本");
}

} // namespace qloop::spc
