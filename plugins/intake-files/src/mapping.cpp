#include "mapping.hpp"

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "encoding.hpp"
#include "values.hpp"
#include "xlsx_reader.hpp"

namespace qloop::intake_files {
namespace {

struct Aliases {
  const char *field;
  std::initializer_list<const char *> headers;
};

// Headers seen in real exports: call centres (工单), online service desks,
// quality ledgers (客诉台账) kept in Excel. The field name itself always maps.
const std::initializer_list<Aliases> kDefaults = {
    {"customer",
     {"客户", "客户名称", "客户名", "客户全称", "客户简称", "投诉客户", "投诉单位", "客户单位", "公司名称",
      "customer", "customer name", "client", "company"}},
    {"contact",
     {"联系人", "客户联系人", "联系方式", "联系电话", "contact", "contact person", "contact name"}},
    {"product_model",
     {"产品型号", "型号", "产品", "机型", "规格型号", "产品名称", "料号", "物料号", "物料编码", "product",
      "product model", "model", "part number", "part no", "item"}},
    {"lot",
     {"批次", "批号", "批次号", "生产批次", "生产批号", "lot", "lot number", "lot no", "batch", "batch no",
      "batch number"}},
    {"order_number",
     {"订单号", "订单", "订单编号", "销售订单", "销售订单号", "order", "order number", "order no", "po",
      "po number", "po no"}},
    {"quantity_affected",
     {"数量", "不良数量", "不良数", "影响数量", "投诉数量", "异常数量", "qty", "quantity", "defect qty",
      "quantity affected", "affected quantity"}},
    {"phenomenon",
     {"问题描述", "不良现象", "缺陷描述", "现象", "故障现象", "投诉内容", "客诉内容", "异常描述", "问题",
      "description", "phenomenon", "problem", "issue", "defect", "complaint", "problem description",
      "defect description"}},
    {"received_at",
     {"投诉日期", "投诉时间", "日期", "时间", "受理日期", "受理时间", "反馈日期", "反馈时间", "接收时间",
      "来电时间", "创建时间", "date", "received", "received at", "complaint date", "created", "created at",
      "time"}},
    {"reporter", {"反馈人", "报告人", "提报人", "登记人", "受理人", "记录人", "reporter", "reported by"}},
    {"channel", {"渠道", "来源", "投诉渠道", "反馈渠道", "来源渠道", "channel", "source"}},
    {"category", {"类别", "分类", "投诉类别", "问题类别", "问题分类", "客诉类别", "category", "type"}},
    {"subcategory", {"子类别", "子分类", "小类", "subcategory", "sub category"}},
    {"severity", {"严重度", "严重程度", "严重等级", "等级", "级别", "severity", "level"}},
};

std::string trim(std::string_view s) { return clean_text(s); }

bool is_target(const std::string &t) {
  const auto &f = mappable_fields();
  return t == "extra" || t == "ignore" || std::find(f.begin(), f.end(), t) != f.end();
}

std::string field_list() {
  std::string out;
  for (const auto &f : mappable_fields()) out += (out.empty() ? "" : ", ") + f;
  return out + ", extra, ignore";
}

// Strips a trailing "(unit)" or "（单位）".
void drop_bracket_suffix(std::string &s) {
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}}) {
    if (s.size() > close.size() && s.compare(s.size() - close.size(), close.size(), close) == 0) {
      auto at = s.rfind(open);
      if (at != std::string::npos && at > 0) {
        s.erase(at);
        return;
      }
    }
  }
}

} // namespace

const std::vector<std::string> &mappable_fields() {
  static const std::vector<std::string> fields = {
      "customer",          "contact",     "product_model", "lot",      "order_number",
      "quantity_affected", "phenomenon",  "received_at",   "reporter", "channel",
      "category",          "subcategory", "severity"};
  return fields;
}

const std::vector<std::string> &required_fields() {
  static const std::vector<std::string> fields = {"customer", "phenomenon", "received_at"};
  return fields;
}

std::string normalize_header(std::string_view header) {
  std::string s = trim(header);
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.erase(0, 3);
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    for (std::string_view tail : {":", "：", "*", "＊"})
      if (s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0) {
        s.erase(s.size() - tail.size());
        s = trim(s);
        changed = true;
      }
  }
  drop_bracket_suffix(s);
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '\t') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  // The ideographic space inside a header.
  for (auto at = out.find("\xE3\x80\x80"); at != std::string::npos; at = out.find("\xE3\x80\x80"))
    out.erase(at, 3);
  return out;
}

Mapping Mapping::defaults() {
  Mapping m;
  for (const auto &a : kDefaults) {
    m.aliases_[normalize_header(a.field)] = a.field;
    for (const char *h : a.headers) m.aliases_[normalize_header(h)] = a.field;
  }
  return m;
}

void Mapping::add(std::string_view header, std::string_view field, const std::string &where) {
  std::string h = normalize_header(header), f = trim(field);
  if (h.empty()) throw std::invalid_argument(where + ": an entry has no header before '='");
  if (!is_target(f))
    throw std::invalid_argument(where + ": '" + printable(trim(header)) + "=" + printable(f) +
                                "': unknown field '" + printable(f) + "' (fields: " + field_list() + ")");
  aliases_[h] = f;
}

void Mapping::add_text(std::string_view text, const std::string &where) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(";\n", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string entry = trim(text.substr(start, end - start));
    start = end + 1;
    if (entry.empty()) continue;
    const auto eq = entry.rfind('=');
    if (eq == std::string::npos)
      throw std::invalid_argument(where + ": '" + printable(entry) + "' is not header=field");
    add(std::string_view(entry).substr(0, eq), std::string_view(entry).substr(eq + 1), where);
  }
}

void Mapping::add_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("mapping_file: cannot read " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string text = buf.str();
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.erase(0, 3);
  const std::string where = "mapping_file " + path;
  const bool json =
      (path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0) || trim(text).substr(0, 1) == "{";
  if (json) {
    auto doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
      throw std::invalid_argument(where + ": not a JSON object of \"header\": \"field\"");
    for (const auto &[header, field] : doc.items()) {
      if (!field.is_string())
        throw std::invalid_argument(where + ": the value of '" + header + "' is not a string");
      add(header, field.get<std::string>(), where);
    }
    return;
  }
  std::istringstream lines(text);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#' || t[0] == ';' || t[0] == '[') continue;
    const auto eq = t.rfind('=');
    const std::string at = where + " line " + std::to_string(number);
    if (eq == std::string::npos)
      throw std::invalid_argument(at + ": '" + printable(t) + "' is not header = field");
    add(std::string_view(t).substr(0, eq), std::string_view(t).substr(eq + 1), at);
  }
}

std::string Mapping::target(std::string_view header) const {
  auto it = aliases_.find(normalize_header(header));
  return it == aliases_.end() ? std::string() : it->second;
}

ColumnPlan plan_columns(const std::vector<std::string> &headers, const Mapping &mapping) {
  ColumnPlan plan;
  std::map<std::string, int> extra_seen;
  for (std::size_t i = 0; i < headers.size(); ++i) {
    const std::string header = trim(headers[i]);
    plan.headers.push_back(header);
    std::string target = header.empty() ? "" : mapping.target(header);
    if (target == "extra" || target == "ignore") {
      // as configured
    } else if (!target.empty()) {
      if (plan.field_column.count(target)) {
        plan.notes.push_back("column '" + header + "' also maps to " + target + "; column '" +
                             plan.headers[plan.field_column[target]] + "' feeds it, this one goes to extra");
        target = "extra";
      } else {
        plan.field_column[target] = i;
      }
    } else {
      target = "extra";
    }
    std::string name = header.empty() ? "column " + column_letters(i) : header;
    if (++extra_seen[name] > 1) name += " (" + std::to_string(extra_seen[name]) + ")";
    plan.targets.push_back(target);
    plan.extra_names.push_back(name);
  }
  for (const auto &f : required_fields())
    if (!plan.field_column.count(f)) plan.missing.push_back(f);
  return plan;
}

} // namespace qloop::intake_files
