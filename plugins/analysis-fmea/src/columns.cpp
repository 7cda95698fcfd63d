#include "columns.hpp"

#include <array>
#include <map>
#include <stdexcept>
#include <vector>

namespace qloop::fmea {
namespace {

struct Headers {
  Field field;
  const char *en, *en_msr, *zh, *zh_msr;
};

// What the plugin writes. Every one of these also reads back.
constexpr Headers kHeaders[] = {
    {Field::Id, "ID", "ID", "编号", "编号"},
    {Field::Item, "Item", "Item", "项目", "项目"},
    {Field::Function, "Function", "Function", "功能", "功能"},
    {Field::FailureMode, "Failure mode", "Failure mode", "失效模式", "失效模式"},
    {Field::Effect, "Failure effect", "Failure effect", "失效影响", "失效影响"},
    {Field::Severity, "S", "S", "严重度 S", "严重度 S"},
    {Field::Cause, "Failure cause", "Failure cause", "失效原因", "失效原因"},
    {Field::PreventionControl, "Prevention control", "Diagnostic monitoring", "预防控制", "诊断监视"},
    {Field::Second, "O", "F", "频度 O", "频率 F"},
    {Field::DetectionControl, "Detection control", "System response", "探测控制", "系统响应"},
    {Field::Third, "D", "M", "探测度 D", "监视度 M"},
    {Field::SAfterMsr, "S after MSR", "S after MSR", "MSR后严重度", "MSR后严重度"},
    {Field::Rpn, "RPN", "RPN", "RPN", "RPN"},
    {Field::Ap, "AP", "AP", "措施优先级 AP", "措施优先级 AP"},
    {Field::RecommendedAction, "Recommended action", "Recommended action", "建议措施", "建议措施"},
    {Field::Owner, "Owner", "Owner", "负责人", "负责人"},
    {Field::DueDate, "Due date", "Due date", "完成日期", "完成日期"},
    {Field::SRevised, "S'", "S'", "修订后 S", "修订后 S"},
    {Field::SecondRevised, "O'", "F'", "修订后 O", "修订后 F"},
    {Field::ThirdRevised, "D'", "M'", "修订后 D", "修订后 M"},
    {Field::RpnRevised, "RPN'", "RPN'", "修订后 RPN", "修订后 RPN"},
    {Field::ApRevised, "AP'", "AP'", "修订后 AP", "修订后 AP"},
    {Field::Complaints, "Field complaints", "Field complaints", "现场客诉", "现场客诉"},
    {Field::ComplaintIds, "Complaint IDs", "Complaint IDs", "客诉编号", "客诉编号"},
    {Field::Exposure, "Exposure", "Exposure", "暴露量", "暴露量"},
    {Field::PeriodFrom, "Period from", "Period from", "起始日期", "起始日期"},
    {Field::PeriodTo, "Period to", "Period to", "截止日期", "截止日期"},
};

struct Alias {
  Field field;
  const char *name;
};

// Further names people give these columns (already in normalised form).
constexpr Alias kAliases[] = {
    {Field::Id, "id"},
    {Field::Id, "no"},
    {Field::Id, "nr"},
    {Field::Id, "row_id"},
    {Field::Id, "item_no"},
    {Field::Id, "序号"},
    {Field::Item, "process_step"},
    {Field::Item, "step"},
    {Field::Item, "process_item"},
    {Field::Item, "component"},
    {Field::Item, "system_element"},
    {Field::Item, "structure_element"},
    {Field::Item, "过程步骤"},
    {Field::Item, "工序"},
    {Field::Item, "零部件"},
    {Field::Function, "functions"},
    {Field::Function, "function_requirement"},
    {Field::Function, "function_and_requirement"},
    {Field::Function, "function_requirements"},
    {Field::Function, "功能要求"},
    {Field::FailureMode, "failure_modes"},
    {Field::FailureMode, "potential_failure_mode"},
    {Field::FailureMode, "mode"},
    {Field::FailureMode, "fm"},
    {Field::FailureMode, "潜在失效模式"},
    {Field::Effect, "effect"},
    {Field::Effect, "effects"},
    {Field::Effect, "potential_effect"},
    {Field::Effect, "potential_effect_of_failure"},
    {Field::Effect, "fe"},
    {Field::Effect, "失效后果"},
    {Field::Severity, "sev"},
    {Field::Severity, "severity"},
    {Field::Severity, "严重度"},
    {Field::Cause, "cause"},
    {Field::Cause, "causes"},
    {Field::Cause, "potential_cause"},
    {Field::Cause, "potential_cause_of_failure"},
    {Field::Cause, "fc"},
    {Field::Cause, "原因"},
    {Field::Second, "occ"},
    {Field::Second, "occurrence"},
    {Field::Second, "freq"},
    {Field::Second, "frequency"},
    {Field::Second, "频度"},
    {Field::Second, "发生度"},
    {Field::Second, "频率"},
    {Field::PreventionControl, "prevention_controls"},
    {Field::PreventionControl, "current_prevention_control"},
    {Field::PreventionControl, "current_prevention_controls"},
    {Field::PreventionControl, "prevention"},
    {Field::PreventionControl, "pc"},
    {Field::PreventionControl, "current_diagnostic_monitoring"},
    {Field::PreventionControl, "monitoring_control"},
    {Field::PreventionControl, "现行预防控制"},
    {Field::PreventionControl, "诊断监控"},
    {Field::DetectionControl, "detection_controls"},
    {Field::DetectionControl, "current_detection_control"},
    {Field::DetectionControl, "current_detection_controls"},
    {Field::DetectionControl, "dc"},
    {Field::DetectionControl, "current_system_response"},
    {Field::DetectionControl, "现行探测控制"},
    {Field::Third, "det"},
    {Field::Third, "detection"},
    {Field::Third, "mon"},
    {Field::Third, "monitoring"},
    {Field::Third, "探测度"},
    {Field::Third, "监视度"},
    {Field::SAfterMsr, "severity_after_msr"},
    {Field::SAfterMsr, "mitigated_severity"},
    {Field::SAfterMsr, "s_msr"},
    {Field::Rpn, "risk_priority_number"},
    {Field::Ap, "action_priority"},
    {Field::Ap, "措施优先级"},
    {Field::RecommendedAction, "recommended_actions"},
    {Field::RecommendedAction, "action"},
    {Field::RecommendedAction, "actions"},
    {Field::RecommendedAction, "optimization_action"},
    {Field::RecommendedAction, "措施"},
    {Field::RecommendedAction, "优化措施"},
    {Field::Owner, "responsible"},
    {Field::Owner, "responsibility"},
    {Field::Owner, "responsible_person"},
    {Field::Owner, "责任人"},
    {Field::DueDate, "due"},
    {Field::DueDate, "target_date"},
    {Field::DueDate, "target_completion_date"},
    {Field::DueDate, "completion_date"},
    {Field::DueDate, "计划完成日期"},
    {Field::DueDate, "目标完成日期"},
    {Field::SRevised, "revised_s"},
    {Field::SRevised, "s_new"},
    {Field::SRevised, "new_s"},
    {Field::SRevised, "s2"},
    {Field::SRevised, "revised_severity"},
    {Field::SRevised, "severity_revised"},
    {Field::SecondRevised, "o_revised"},
    {Field::SecondRevised, "revised_o"},
    {Field::SecondRevised, "o_new"},
    {Field::SecondRevised, "new_o"},
    {Field::SecondRevised, "o2"},
    {Field::SecondRevised, "f_revised"},
    {Field::SecondRevised, "revised_f"},
    {Field::SecondRevised, "f_new"},
    {Field::SecondRevised, "new_f"},
    {Field::SecondRevised, "f2"},
    {Field::SecondRevised, "revised_occurrence"},
    {Field::SecondRevised, "occurrence_revised"},
    {Field::SecondRevised, "revised_frequency"},
    {Field::ThirdRevised, "d_revised"},
    {Field::ThirdRevised, "revised_d"},
    {Field::ThirdRevised, "d_new"},
    {Field::ThirdRevised, "new_d"},
    {Field::ThirdRevised, "d2"},
    {Field::ThirdRevised, "m_revised"},
    {Field::ThirdRevised, "revised_m"},
    {Field::ThirdRevised, "m_new"},
    {Field::ThirdRevised, "new_m"},
    {Field::ThirdRevised, "m2"},
    {Field::ThirdRevised, "revised_detection"},
    {Field::ThirdRevised, "detection_revised"},
    {Field::ThirdRevised, "revised_monitoring"},
    {Field::RpnRevised, "revised_rpn"},
    {Field::RpnRevised, "rpn_new"},
    {Field::RpnRevised, "new_rpn"},
    {Field::ApRevised, "revised_ap"},
    {Field::ApRevised, "ap_new"},
    {Field::ApRevised, "new_ap"},
    {Field::Complaints, "complaints"},
    {Field::Complaints, "complaint_count"},
    {Field::Complaints, "complaints_count"},
    {Field::Complaints, "客诉"},
    {Field::Complaints, "客诉数"},
    {Field::Complaints, "客诉数量"},
    {Field::ComplaintIds, "complaint_id"},
    {Field::ComplaintIds, "complaint_list"},
    {Field::Exposure, "units"},
    {Field::Exposure, "units_in_field"},
    {Field::Exposure, "exposure_units"},
    {Field::Exposure, "units_shipped"},
    {Field::Exposure, "shipped"},
    {Field::Exposure, "出货数"},
    {Field::Exposure, "出货数量"},
    {Field::Exposure, "在市数量"},
    {Field::PeriodFrom, "period_start"},
    {Field::PeriodTo, "period_end"},
};

bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

const std::map<std::string, Field> &alias_map() {
  static const std::map<std::string, Field> map = [] {
    std::map<std::string, Field> m;
    // One name must never mean two fields; a clash is a bug in the tables above.
    auto add = [&m](const char *name, Field field) {
      auto [it, inserted] = m.emplace(normalize_header(name), field);
      if (!inserted && it->second != field)
        throw std::logic_error(std::string("column alias clash: ") + name);
    };
    for (const Headers &h : kHeaders)
      for (const char *name : {h.en, h.en_msr, h.zh, h.zh_msr}) add(name, h.field);
    for (const Alias &a : kAliases) add(a.name, a.field);
    return m;
  }();
  return map;
}

const Headers &headers_of(Field field) {
  for (const Headers &h : kHeaders)
    if (h.field == field) return h;
  return kHeaders[0];
}

} // namespace

Lang parse_lang(std::string_view lang) noexcept { return lang == "zh-CN" ? Lang::ZhCN : Lang::En; }

std::string normalize_header(std::string_view header) {
  std::string out;
  bool pending_separator = false;
  auto append = [&](std::string_view piece) {
    if (pending_separator && !out.empty()) out += '_';
    pending_separator = false;
    out += piece;
  };
  for (std::size_t i = 0; i < header.size(); ++i) {
    const auto c = static_cast<unsigned char>(header[i]);
    // Primes mark revised ratings: S' (ASCII), S’ (U+2019), S′ (U+2032).
    if (c == '\'') {
      pending_separator = true;
      append("revised");
      pending_separator = true;
      continue;
    }
    if (c == 0xE2 && i + 2 < header.size() && static_cast<unsigned char>(header[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(header[i + 2]) == 0x99 ||
         static_cast<unsigned char>(header[i + 2]) == 0xB2)) {
      i += 2;
      pending_separator = true;
      append("revised");
      pending_separator = true;
      continue;
    }
    // Full-width brackets and spaces (common in Chinese headers) separate words.
    if (c == 0xEF && i + 2 < header.size() && static_cast<unsigned char>(header[i + 1]) == 0xBC &&
        (static_cast<unsigned char>(header[i + 2]) == 0x88 ||
         static_cast<unsigned char>(header[i + 2]) == 0x89)) {
      i += 2;
      pending_separator = true;
      continue;
    }
    if (c == 0xE3 && i + 2 < header.size() && static_cast<unsigned char>(header[i + 1]) == 0x80 &&
        static_cast<unsigned char>(header[i + 2]) == 0x80) {
      i += 2;
      pending_separator = true;
      continue;
    }
    if (c < 0x80) {
      if (is_ascii_alnum(c)) {
        char lower = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        append(std::string_view(&lower, 1));
      } else {
        pending_separator = true;
      }
      continue;
    }
    append(std::string_view(&header[i], 1)); // a byte of a multi-byte character
  }
  return out;
}

std::optional<Field> field_for_header(std::string_view header) {
  const auto &map = alias_map();
  auto it = map.find(normalize_header(header));
  if (it == map.end()) return std::nullopt;
  return it->second;
}

std::string column_header(Field field, FmeaType type, Lang lang) {
  const Headers &h = headers_of(field);
  const bool msr = type == FmeaType::Msr;
  if (lang == Lang::ZhCN) return msr ? h.zh_msr : h.zh;
  return msr ? h.en_msr : h.en;
}

std::string rating_label(Field field, FmeaType type) {
  const bool msr = type == FmeaType::Msr;
  switch (field) {
  case Field::Severity: return "severity S";
  case Field::Second: return msr ? "frequency F" : "occurrence O";
  case Field::Third: return msr ? "monitoring M" : "detection D";
  case Field::SAfterMsr: return "severity after MSR";
  case Field::SRevised: return "revised severity S'";
  case Field::SecondRevised: return msr ? "revised frequency F'" : "revised occurrence O'";
  case Field::ThirdRevised: return msr ? "revised monitoring M'" : "revised detection D'";
  default: return "rating";
  }
}

} // namespace qloop::fmea
