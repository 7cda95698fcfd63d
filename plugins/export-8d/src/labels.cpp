#include "labels.hpp"

#include <utility>

namespace qloop::eightd {
namespace {

using Table = std::map<std::string, std::string>;

// key, English, Chinese
struct Entry {
  const char *key, *en, *zh;
};

constexpr Entry kLabels[] = {
    {"title", "8D Report", "8D 报告"},
    {"subtitle", "Customer complaint corrective action report", "客户投诉纠正措施报告"},
    {"page_footer", "page {n} / {m}", "第 {n} 页 / 共 {m} 页"},
    {"generated", "Generated", "生成时间"},
    {"none", "None recorded", "无记录"},
    {"not_recorded", "Not recorded", "未记录"},
    // complaint facts
    {"facts", "Complaint", "投诉信息"},
    {"number", "Complaint number", "投诉编号"},
    {"customer", "Customer", "客户"},
    {"contact", "Customer contact", "客户联系人"},
    {"channel", "Channel", "渠道"},
    {"received_at", "Received", "受理时间"},
    {"closed_at", "Closed", "关闭时间"},
    {"product_model", "Product model", "产品型号"},
    {"lot", "Lot", "批次"},
    {"order_number", "Order number", "订单号"},
    {"quantity_affected", "Quantity affected", "影响数量"},
    {"phenomenon", "Defect phenomenon", "不良现象"},
    {"reporter", "Reporter", "报告人"},
    {"category", "Category", "类别"},
    {"severity", "Severity", "严重度"},
    {"status", "Status", "状态"},
    {"owner", "Owner", "负责人"},
    {"owner_department", "Department", "责任部门"},
    {"key_complaint", "Key complaint", "重点投诉"},
    {"attachments", "Attachments", "附件"},
    // sections
    {"d0", "D0 Preparation and emergency response", "D0 准备与紧急响应"},
    {"d1", "D1 Team", "D1 成立小组"},
    {"d2", "D2 Problem description (5W2H)", "D2 问题描述 (5W2H)"},
    {"d3", "D3 Containment", "D3 临时遏制措施"},
    {"d4", "D4 Root cause", "D4 根本原因分析"},
    {"d5", "D5 Permanent corrective actions", "D5 制定永久对策"},
    {"d6", "D6 Implement and validate", "D6 实施并验证"},
    {"d7", "D7 Prevent recurrence", "D7 预防再发"},
    {"d8", "D8 Close and recognise", "D8 结案与表彰"},
    {"contacts", "Customer contacts", "客户沟通记录"},
    {"analyses", "Analyses", "分析结果"},
    {"revisits", "Revisit", "回访"},
    // D1
    {"name", "Name", "姓名"},
    {"department", "Department", "部门"},
    {"role", "Role", "角色"},
    {"raci", "RACI", "RACI"},
    // D2
    {"what", "What", "什么 (What)"},
    {"why", "Why", "为什么 (Why)"},
    {"when", "When", "何时 (When)"},
    {"where", "Where", "何地 (Where)"},
    {"who", "Who", "何人 (Who)"},
    {"how", "How", "如何 (How)"},
    {"how_many", "How many", "多少 (How many)"},
    // D3
    {"description", "Description", "描述"},
    {"lots", "Lots", "批次"},
    {"quantity_sorted", "Sorted", "挑选数量"},
    {"found_bad", "Found bad", "不良数"},
    {"shipments_stopped", "Shipments stopped", "停止出货"},
    {"recall", "Recall / field service", "召回/现场服务"},
    {"done_at", "Done", "完成时间"},
    {"containment_scope", "Containment scope", "遏制范围"},
    {"temporary_actions", "Temporary actions", "临时对策"},
    // D4
    {"occurrence", "Occurrence cause", "发生原因"},
    {"escape", "Escape cause", "流出原因"},
    {"evidence", "Evidence", "证据"},
    {"five_why", "5 Why", "5Why 分析"},
    {"five_why_chain", "5 Why chain", "5Why 链"},
    {"because", "Because", "因为"},
    {"cause_type", "Cause type", "原因类型"},
    {"step", "#", "序号"},
    {"analysis", "Analysis", "分析"},
    {"section", "8D section", "8D 步骤"},
    {"at", "Date", "日期"},
    {"summary", "Summary", "摘要"},
    {"findings", "Findings", "审查发现"},
    {"charts", "Charts", "图表"},
    {"rows_omitted", "more rows not shown", "行未显示"},
    {"chart_unreadable", "Chart could not be read", "图表无法读取"},
    // D5/D6
    {"rationale", "Why these actions", "措施选择理由"},
    {"permanent_actions", "Permanent corrective actions", "永久对策"},
    {"action", "Action", "措施"},
    {"type", "Type", "类型"},
    {"due", "Due", "截止日期"},
    {"verification", "Verification", "验证结果"},
    {"verified_by", "Verified by", "验证人"},
    {"verified_at", "Verified", "验证时间"},
    {"implementation", "Implementation", "实施情况"},
    {"validation", "Verification of effectiveness", "效果验证"},
    {"action_verification", "Verification of actions", "措施验证"},
    // D7
    {"fmea_updated", "FMEA updated", "FMEA 已更新"},
    {"control_plan_updated", "Control plan updated", "控制计划已更新"},
    {"work_instructions_updated", "Work instructions updated", "作业指导书已更新"},
    {"notes", "Notes", "备注"},
    {"horizontal_deployment", "Horizontal deployment", "水平展开"},
    {"target", "Target", "对象"},
    {"preventive_actions", "Preventive actions", "预防措施"},
    // D8
    {"closed_by", "Closed by", "结案人"},
    // contacts / revisits
    {"direction", "Direction", "方向"},
    {"purpose", "Purpose", "目的"},
    {"actor", "By", "经办人"},
    {"satisfaction", "Satisfaction", "满意度"},
    {"problem_recurred", "Problem recurred", "问题再发"},
    {"comment", "Comment", "意见"},
    {"waived", "Waived", "免回访"},
    {"waiver_reason", "Waiver reason", "免回访原因"},
};

struct ValueEntry {
  const char *group, *value, *en, *zh;
};

constexpr ValueEntry kValues[] = {
    {"severity", "critical", "Critical", "紧急"},
    {"severity", "major", "Major", "重大"},
    {"severity", "minor", "Minor", "一般"},
    {"status", "open", "Open", "未开始"},
    {"status", "in_progress", "In progress", "进行中"},
    {"status", "done", "Done", "已完成"},
    {"status", "verified", "Verified", "已验证"},
    {"status", "cancelled", "Cancelled", "已取消"},
    {"status", "planned", "Planned", "计划中"},
    {"status", "not_applicable", "Not applicable", "不适用"},
    // complaint states (受理 → 调查 → 处理 → 反馈 → 回访 → 归档)
    {"status", "received", "Received", "已受理"},
    {"status", "acknowledged", "Acknowledged", "已确认"},
    {"status", "containing", "Containing", "遏制中"},
    {"status", "investigating", "Investigating", "调查中"},
    {"status", "correcting", "Correcting", "纠正中"},
    {"status", "verifying", "Verifying", "验证中"},
    {"status", "feeding_back", "Feeding back", "反馈中"},
    {"status", "revisiting", "Revisiting", "回访中"},
    {"status", "closed", "Closed", "已关闭"},
    {"status", "archived", "Archived", "已归档"},
    {"status", "rejected", "Rejected", "已拒绝"},
    {"status", "duplicate", "Duplicate", "重复投诉"},
    {"status", "reopened", "Reopened", "重新打开"},
    {"action_type", "temporary", "Temporary", "临时"},
    {"action_type", "permanent", "Permanent", "永久"},
    {"action_type", "preventive", "Preventive", "预防"},
    {"cause_kind", "occurrence", "Occurrence", "发生原因"},
    {"cause_kind", "escape", "Escape", "流出原因"},
    {"direction", "in", "From customer", "客户来电/来函"},
    {"direction", "out", "To customer", "联系客户"},
    {"purpose", "first_response", "First response", "首次响应"},
    {"purpose", "update", "Update", "进展通报"},
    {"purpose", "feedback", "Feedback", "结果反馈"},
    {"purpose", "revisit", "Revisit", "回访"},
    {"purpose", "other", "Other", "其他"},
    {"channel", "phone", "Phone", "电话"},
    {"channel", "email", "Email", "邮件"},
    {"channel", "chat", "Online chat", "在线客服"},
    {"channel", "visit", "Visit", "拜访"},
    {"channel", "social", "Social media", "社交媒体"},
    {"method", "5why", "5 Why", "5Why 分析"},
    {"method", "fishbone", "Fishbone", "鱼骨图"},
    {"method", "pareto", "Pareto", "柏拉图"},
    {"method", "spc", "SPC", "SPC 控制图"},
    {"method", "capability", "Process capability", "过程能力"},
    {"method", "normality", "Normality", "正态性检验"},
    {"method", "fmea", "FMEA", "FMEA"},
    {"method", "doe.analyze", "DOE", "实验设计 (DOE)"},
    {"method", "doe.design", "DOE design", "实验设计方案"},
    {"method", "anova", "ANOVA", "方差分析"},
};

Table build(bool zh) {
  Table t;
  for (const auto &e : kLabels) t.emplace(e.key, zh ? e.zh : e.en);
  return t;
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

std::string value_label(Lang lang, std::string_view group, const std::string &value) {
  for (const auto &e : kValues)
    if (group == e.group && value == e.value) return lang == Lang::zh_cn ? e.zh : e.en;
  return value;
}

std::string yes_no(Lang lang, bool value) {
  if (lang == Lang::zh_cn) return value ? "是" : "否";
  return value ? "Yes" : "No";
}

} // namespace qloop::eightd
