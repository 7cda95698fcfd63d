#include "labels.hpp"

#include <string_view>

namespace qloop::review {
namespace {

using Table = std::map<std::string, std::string>;

struct Entry { // key, English, Chinese
  const char *key, *en, *zh;
};

constexpr Entry kLabels[] = {
    {"title", "Period review", "质量回顾"},
    {"subtitle", "Customer complaints: key figures against the previous period", "客诉关键指标与上期对比"},
    {"period", "Period", "本期"},
    {"previous_period", "Previous period", "上期"},
    {"as_of", "As of", "数据截至"},
    {"time_zone", "Time zone", "时区"},
    {"generated", "Generated", "生成时间"},
    {"company", "Company", "公司"},
    {"page_footer", "page {n} / {m}", "第 {n} 页 / 共 {m} 页"},
    {"none", "No complaints in this period", "本期无客诉"},
    {"rows_omitted", "{n} more rows in the XLSX export", "另有 {n} 行,见 XLSX 导出"},
    // the KPI table
    {"kpis", "Key figures", "关键指标"},
    {"kpi", "KPI", "指标"},
    {"kpi_id", "ID", "代码"},
    {"unit", "Unit", "单位"},
    {"this_period", "This period", "本期"},
    {"previous", "Previous period", "上期"},
    {"change", "Change", "变化"},
    {"basis", "Basis", "计算基数"},
    {"previous_basis", "Basis (previous)", "上期基数"},
    {"numerator", "Numerator", "分子"},
    {"denominator", "Denominator", "分母"},
    {"pending", "Pending", "待定"},
    {"previous_numerator", "Numerator (previous)", "上期分子"},
    {"previous_denominator", "Denominator (previous)", "上期分母"},
    {"previous_pending", "Pending (previous)", "上期待定"},
    {"pending_note", "+{n} pending", "另 {n} 项待定"},
    {"kpi_note",
     "Shares in percent; the change of a share is in percentage points (pt), of a count relative to the "
     "previous period, of days and scores their difference. Pending: targets not yet due at the as-of time, "
     "counted in neither numerator nor denominator.",
     "比率以百分比表示;比率的变化以百分点表示,数量的变化为相对上期的增减,天数和分数为差值。待定:"
     "截至统计时点尚未到期的"
     "目标,不计入分子和分母。"},
    {"unit_count", "count", "数量"},
    {"unit_days", "days", "天"},
    {"unit_share", "share", "比率"},
    {"unit_score", "score (1-5)", "分数 (1-5)"},
    {"pt", "pt", "个百分点"},
    {"days_short", "d", "天"},
    // distribution, Pareto, trend
    {"distribution", "Complaints by type", "客诉类型分布"},
    {"type", "Type", "类型"},
    {"code", "Code", "代码"},
    {"count", "Complaints", "客诉数"},
    {"share", "Share", "占比"},
    {"cumulative", "Cumulative", "累计占比"},
    {"pareto_product", "Pareto by product", "产品柏拉图"},
    {"pareto_defect", "Pareto by defect", "缺陷柏拉图"},
    {"product", "Product model", "产品型号"},
    {"no_product", "(not given)", "(未填写)"},
    {"defect", "Defect (category / subcategory)", "缺陷(类别 / 子类)"},
    {"rank", "#", "序号"},
    {"vital", "Vital few", "关键少数"},
    {"others", "Others", "其余"},
    {"other_items", "All others", "其他合计"},
    {"cumulative_percent", "Cumulative %", "累计百分比"},
    {"threshold", "Threshold", "阈值"},
    {"vital_note", "Vital few: the {n} items that bring the cumulative share up to the threshold of {t}.",
     "关键少数:累计占比达到阈值 {t} 的前 {n} 项。"},
    {"cumulative_chart", "Cumulative share", "累计占比"},
    {"trend", "Monthly trend", "月度趋势"},
    {"month", "Month", "月份"},
    {"received", "Received", "受理数"},
    {"closed", "Closed", "结案数"},
};

struct Word {
  const char *id, *en, *zh;
};

constexpr Word kKpis[] = {
    {"received", "Complaints received", "客诉总数"},
    {"major", "Major complaints", "重大客诉"},
    {"critical", "Critical complaints", "紧急客诉"},
    {"average_cycle_days", "Average cycle (days)", "平均处理周期(天)"},
    {"first_response_in_target", "First response in target", "首次响应及时率"},
    {"acknowledged_in_target", "Acknowledged within 24 h", "24小时确认率"},
    {"closed_on_time", "Closed on time", "按时关闭率"},
    {"resolution_rate", "Resolution rate", "解决率"},
    {"satisfaction", "Satisfaction (1-5)", "满意度"},
    {"revisit_satisfied", "Revisit satisfaction", "回访满意率"},
    {"recurrence_rate", "Recurrence rate", "重复发生率"},
    {"eight_d_on_time", "8D on time", "8D按时完成率"},
};

// The categories and subcategories the bundled intake and demo use; a
// site's own codes are shown as they are.
constexpr Word kCategories[] = {
    {"(none)", "Not graded", "未分类"},
    {"product_quality", "Product quality", "产品质量"},
    {"service", "Service", "服务态度"},
    {"logistics", "Logistics", "物流"},
    {"other", "Other", "其他"},
    {"welding", "Welding", "焊接"},
    {"dimension", "Dimension", "尺寸"},
    {"function", "Function", "功能"},
    {"appearance", "Appearance", "外观"},
    {"material", "Material", "材料"},
    {"response", "Response", "响应"},
    {"attitude", "Attitude", "态度"},
    {"documentation", "Documentation", "文件资料"},
    {"technical_support", "Technical support", "技术支持"},
    {"delay", "Delay", "交付延迟"},
    {"damage", "Damage in transit", "运输破损"},
    {"wrong_shipment", "Wrong shipment", "错发"},
    {"labeling", "Labelling", "标签"},
    {"billing", "Billing", "开票"},
    {"packaging", "Packaging", "包装"},
};

Table build(bool zh) {
  Table t;
  for (const auto &e : kLabels) t.emplace(e.key, zh ? e.zh : e.en);
  return t;
}

template <std::size_t N> std::string lookup(const Word (&table)[N], Lang lang, const std::string &code) {
  for (const auto &e : table)
    if (code == e.id) return lang == Lang::zh_cn ? e.zh : e.en;
  return code;
}

} // namespace

const std::map<std::string, std::string> &labels(Lang lang) {
  static const Table en = build(false), zh = build(true);
  return lang == Lang::zh_cn ? zh : en;
}

std::string label(Lang lang, const std::string &key) {
  const auto &t = labels(lang);
  auto it = t.find(key);
  return it == t.end() ? key : it->second;
}

std::string kpi_label(Lang lang, const std::string &id) { return lookup(kKpis, lang, id); }

std::string category_label(Lang lang, const std::string &code) { return lookup(kCategories, lang, code); }

std::string defect_label(Lang lang, const std::string &key) {
  // The host joins them as "category / subcategory" (docs/kpi.md).
  constexpr std::string_view kJoin = " / ";
  const auto at = key.find(kJoin);
  if (at == std::string::npos) return category_label(lang, key);
  return category_label(lang, key.substr(0, at)) + std::string(kJoin) +
         category_label(lang, key.substr(at + kJoin.size()));
}

std::string with_number(std::string text, const std::string &n) {
  const auto at = text.find("{n}");
  if (at != std::string::npos) text.replace(at, 3, n);
  return text;
}

} // namespace qloop::review
