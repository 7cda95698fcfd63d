// Words of the ledger in English and Simplified Chinese (terms from the
// project glossary): column headings, sheet names, 8D fragments and, in
// Chinese, the enumerated values (severity 紧急/重大/一般, status, ...).
#pragma once

#include <string_view>

namespace qloop::ledger {

enum class Lang { En, ZhCN };

// One text in both languages.
struct Words {
  const char *en;
  const char *zh;
  const char *in(Lang lang) const noexcept { return lang == Lang::ZhCN ? zh : en; }
};

// Families of coded values a column may hold.
enum class Codes { None, Severity, Status, Category, Channel, Department, ActionType, ActionStatus };

// The display form of `code`: the code itself in English (codes are what the
// CLI filters take), the glossary term in Chinese; unknown codes unchanged.
std::string_view display_value(Lang lang, Codes family, std::string_view code);

namespace words {
inline constexpr Words complaints_sheet{"Complaints", "客诉台账"};
inline constexpr Words actions_sheet{"Actions", "措施"};
inline constexpr Words eight_d_sheet{"8D summary", "8D 摘要"};
inline constexpr Words info_sheet{"Export", "导出信息"};
inline constexpr Words truncated{" …[truncated]", " …[已截断]"};
inline constexpr Words yes{"yes", "是"};
inline constexpr Words no{"no", "否"};
// D2, 5W2H.
inline constexpr Words what{"What", "什么"};
inline constexpr Words why{"Why", "为什么"};
inline constexpr Words when{"When", "何时"};
inline constexpr Words where{"Where", "何地"};
inline constexpr Words who{"Who", "何人"};
inline constexpr Words how{"How", "如何"};
inline constexpr Words how_many{"How many", "多少"};
// D3.
inline constexpr Words lots{"lots", "批次"};
inline constexpr Words sorted{"sorted", "挑选"};
inline constexpr Words found_bad{"bad", "不良"};
inline constexpr Words shipments_stopped{"shipments stopped", "已停止发货"};
inline constexpr Words recall{"recall", "召回"};
inline constexpr Words done_at{"done", "完成"};
// D4.
inline constexpr Words evidence{"evidence", "证据"};
// D6.
inline constexpr Words validation{"Validation", "验证"};
// D7.
inline constexpr Words fmea_updated{"FMEA updated", "FMEA 已更新"};
inline constexpr Words control_plan_updated{"Control plan updated", "控制计划已更新"};
inline constexpr Words work_instructions_updated{"Work instructions updated", "作业指导书已更新"};
inline constexpr Words horizontal_deployment{"Horizontal deployment", "水平展开"};
// Export info sheet.
inline constexpr Words info_item{"Item", "项目"};
inline constexpr Words info_value{"Value", "值"};
inline constexpr Words report{"Report", "报表"};
inline constexpr Words ledger{"Complaint ledger", "客诉台账"};
inline constexpr Words exported_at{"Exported at", "导出时间"};
inline constexpr Words time_zone{"Times shown in", "时间显示时区"};
inline constexpr Words filters{"Filters", "筛选条件"};
inline constexpr Words none{"(none)", "(无)"};
inline constexpr Words complaint_count{"Complaints", "客诉数"};
inline constexpr Words action_count{"Actions", "措施数"};
inline constexpr Words eight_d_count{"8D summaries", "8D 摘要数"};
inline constexpr Words truncated_cells{"Cells cut at Excel's 32,767-character limit",
                                       "超过 Excel 32767 字符上限被截断的单元格"};
} // namespace words

} // namespace qloop::ledger
