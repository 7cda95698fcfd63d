#include "labels.hpp"

#include <span>

namespace qloop::ledger {
namespace {

struct Term {
  std::string_view code;
  std::string_view zh;
};

constexpr Term kSeverity[] = {{"critical", "紧急"}, {"major", "重大"}, {"minor", "一般"}};
constexpr Term kStatus[] = {{"received", "已受理"},      {"acknowledged", "已响应"}, {"containing", "遏制中"},
                            {"investigating", "调查中"}, {"correcting", "整改中"},   {"verifying", "验证中"},
                            {"feeding_back", "反馈中"},  {"revisiting", "回访中"},   {"archived", "已归档"},
                            {"rejected", "已驳回"},      {"duplicate", "重复"},      {"reopened", "已重开"}};
constexpr Term kCategory[] = {
    {"product_quality", "产品质量"}, {"service", "服务态度"}, {"logistics", "物流"}, {"other", "其他"}};
constexpr Term kChannel[] = {{"phone", "电话"},      {"email", "邮件"},    {"online", "在线客服"},
                             {"social", "社交媒体"}, {"file", "文件导入"}, {"webhook", "Webhook"},
                             {"mes", "MES"},         {"erp", "ERP"},       {"crm", "CRM"}};
constexpr Term kDepartment[] = {{"production", "生产部"},   {"rd", "研发部"},
                                {"supply_chain", "供应链"}, {"purchasing", "采购部"},
                                {"logistics", "物流部"},    {"customer_service", "客服部"},
                                {"quality", "质量部"}};
constexpr Term kActionType[] = {
    {"temporary", "临时措施"}, {"permanent", "永久措施"}, {"preventive", "预防措施"}};
constexpr Term kActionStatus[] = {{"open", "未开始"},
                                  {"in_progress", "进行中"},
                                  {"done", "已完成"},
                                  {"verified", "已验证"},
                                  {"cancelled", "已取消"}};

std::span<const Term> terms(Codes family) {
  switch (family) {
  case Codes::Severity: return kSeverity;
  case Codes::Status: return kStatus;
  case Codes::Category: return kCategory;
  case Codes::Channel: return kChannel;
  case Codes::Department: return kDepartment;
  case Codes::ActionType: return kActionType;
  case Codes::ActionStatus: return kActionStatus;
  case Codes::None: break;
  }
  return {};
}

} // namespace

std::string_view display_value(Lang lang, Codes family, std::string_view code) {
  if (lang != Lang::ZhCN) return code;
  for (const Term &t : terms(family))
    if (t.code == code) return t.zh;
  return code;
}

} // namespace qloop::ledger
