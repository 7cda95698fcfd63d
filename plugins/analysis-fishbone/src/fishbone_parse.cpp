#include "fishbone_parse.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include <qloop/plugin.hpp>

namespace qloop::fishbone {
namespace {

using nlohmann::json;
using sdk::InvalidInput;

// Far beyond a readable diagram; keeps the drawing bounded.
constexpr std::size_t kMaxItems = 500;

struct CategoryName {
  Category category;
  const char *name, *label, *zh;
  std::vector<std::string> aliases;
};

const std::array<CategoryName, 6> &category_names() {
  static const std::array<CategoryName, 6> names{{
      {Category::man, "man", "Man", "人", {"人员", "manpower", "people"}},
      {Category::machine, "machine", "Machine", "机", {"机器", "设备", "equipment"}},
      {Category::material, "material", "Material", "料", {"材料", "物料"}},
      {Category::method, "method", "Method", "法", {"方法", "工艺"}},
      {Category::environment, "environment", "Environment", "环", {"环境"}},
      {Category::measurement, "measurement", "Measurement", "测", {"测量", "检测"}},
  }};
  return names;
}

struct StatusName {
  Status status;
  const char *name, *label, *zh;
  std::vector<std::string> aliases;
};

const std::array<StatusName, 3> &status_names() {
  static const std::array<StatusName, 3> names{{
      {Status::suspected, "suspected", "Suspected", "疑似", {"怀疑", "待验证"}},
      {Status::verified, "verified", "Verified", "已验证", {"验证", "确认", "已确认"}},
      {Status::ruled_out, "ruled_out", "Ruled out", "已排除", {"ruled-out", "ruled out", "排除"}},
  }};
  return names;
}

constexpr const char *kCategoryList =
    "man, machine, material, method, environment, measurement (or 人/机/料/法/环/测)";
constexpr const char *kStatusList = "suspected, verified, ruled_out (or 疑似/已验证/已排除)";
constexpr const char *kLinkMethods = "5why, doe";

std::string lower(std::string s) {
  for (auto &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string &s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

Category category_of(const std::string &text, const std::string &field) {
  const std::string key = lower(trim(text));
  for (const auto &c : category_names())
    if (key == c.name || key == c.zh || std::find(c.aliases.begin(), c.aliases.end(), key) != c.aliases.end())
      return c.category;
  throw InvalidInput("field '" + field + "': must be one of " + kCategoryList + ", got \"" + text + "\"");
}

Status status_of(const std::string &text, const std::string &field) {
  const std::string key = lower(trim(text));
  if (key.empty()) return Status::suspected; // not yet examined
  for (const auto &s : status_names())
    if (key == s.name || key == s.zh || std::find(s.aliases.begin(), s.aliases.end(), key) != s.aliases.end())
      return s.status;
  throw InvalidInput("field '" + field + "': must be one of " + kStatusList + ", got \"" + text + "\"");
}

Link link_of(const std::string &method, const std::string &ref, const std::string &field) {
  Link link{lower(trim(method)), trim(ref)};
  if (link.method != "5why" && link.method != "doe")
    throw InvalidInput("field '" + field + "': method must be one of " + kLinkMethods + ", got \"" + method +
                       "\"");
  if (link.ref.empty())
    throw InvalidInput("field '" + field + "': needs a reference (a 5 Why chain id or DOE id)");
  return link;
}

// "5why:occ-1" or "doe:DOE-7"; several separated by ';'.
std::vector<Link> links_from_text(const std::string &text, const std::string &field) {
  std::vector<Link> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(';', start);
    std::string item = trim(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (!item.empty()) {
      auto colon = item.find(':');
      if (colon == std::string::npos)
        throw InvalidInput("field '" + field + "': write links as method:ref, e.g. 5why:occ-1 or doe:DOE-7");
      out.push_back(link_of(item.substr(0, colon), item.substr(colon + 1), field));
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

const json *member(const json &object, const char *key) {
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string text_member(const json &object, const char *key, const std::string &where, bool required) {
  const json *value = member(object, key);
  if (value == nullptr || (value->is_string() && trim(value->get<std::string>()).empty())) {
    if (required) throw InvalidInput("field '" + where + "." + key + "': required, a non-empty string");
    return {};
  }
  if (!value->is_string()) throw InvalidInput("field '" + where + "." + key + "': must be a string");
  return value->get<std::string>();
}

std::vector<Link> links_member(const json &cause, const std::string &where) {
  const json *links = member(cause, "links");
  if (links == nullptr) return {};
  if (!links->is_array())
    throw InvalidInput("field '" + where +
                       ".links': must be an array of {\"method\", \"ref\"} or \"method:ref\"");
  std::vector<Link> out;
  for (std::size_t i = 0; i < links->size(); ++i) {
    const json &l = (*links)[i];
    const std::string field = where + ".links[" + std::to_string(i) + "]";
    if (l.is_string()) {
      auto parsed = links_from_text(l.get<std::string>(), field);
      out.insert(out.end(), parsed.begin(), parsed.end());
    } else if (l.is_object()) {
      out.push_back(
          link_of(text_member(l, "method", field, true), text_member(l, "ref", field, true), field));
    } else {
      throw InvalidInput("field '" + field + "': must be {\"method\", \"ref\"} or \"method:ref\"");
    }
  }
  return out;
}

Cause cause_from_json(const json &item, const std::string &where, bool allow_sub_causes) {
  if (!item.is_object()) throw InvalidInput("field '" + where + "': must be an object with 'text'");
  Cause c;
  c.text = text_member(item, "text", where, true);
  c.status = status_of(text_member(item, "status", where, false), where + ".status");
  c.links = links_member(item, where);
  const json *subs = member(item, "sub_causes");
  if (subs == nullptr) return c;
  if (!allow_sub_causes)
    throw InvalidInput("field '" + where +
                       ".sub_causes': a sub-cause cannot have sub-causes (two levels: cause, "
                       "sub-cause)");
  if (!subs->is_array()) throw InvalidInput("field '" + where + ".sub_causes': must be an array");
  for (std::size_t i = 0; i < subs->size(); ++i)
    c.sub_causes.push_back(
        cause_from_json((*subs)[i], where + ".sub_causes[" + std::to_string(i) + "]", false));
  return c;
}

std::size_t item_count(const Diagram &d) {
  std::size_t n = 0;
  for (const auto &bone : d.bones)
    for (const auto &c : bone) n += 1 + c.sub_causes.size();
  return n;
}

void check_size(const Diagram &d, const char *field) {
  if (item_count(d) > kMaxItems)
    throw InvalidInput(std::string("field '") + field + "': more than " + std::to_string(kMaxItems) +
                       " causes and sub-causes; split the diagram");
}

void from_json_causes(const json &causes, Diagram &d) {
  if (!causes.is_array() || causes.empty())
    throw InvalidInput("field 'data.causes': required, a non-empty array of {category, text, status}");
  for (std::size_t i = 0; i < causes.size(); ++i) {
    const std::string where = "data.causes[" + std::to_string(i) + "]";
    if (!causes[i].is_object()) throw InvalidInput("field '" + where + "': must be an object");
    Category cat = category_of(text_member(causes[i], "category", where, true), where + ".category");
    d.bones[index(cat)].push_back(cause_from_json(causes[i], where, true));
    check_size(d, "data.causes");
  }
}

// Column index by any of its accepted names (case-insensitive), or none.
std::optional<std::size_t> column(const json &columns, std::initializer_list<const char *> names) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (!columns[i].is_string()) continue;
    const std::string c = lower(trim(columns[i].get<std::string>()));
    for (const char *n : names)
      if (c == n) return i;
  }
  return std::nullopt;
}

std::string cell(const json &row, std::optional<std::size_t> col) {
  if (!col || *col >= row.size() || row[*col].is_null()) return {};
  const json &v = row[*col];
  return v.is_string() ? trim(v.get<std::string>()) : v.dump();
}

// One row per cause or sub-cause: a row with a sub_cause adds it under its
// cause (creating the cause, suspected, if no row named it yet).
void from_table(const json &table, Diagram &d) {
  const json *columns = member(table, "columns");
  const json *rows = member(table, "rows");
  if (columns == nullptr || !columns->is_array() || rows == nullptr || !rows->is_array())
    throw InvalidInput("field 'table': needs 'columns' and 'rows' arrays");
  auto cat_col = column(*columns, {"category", "类别", "分类"});
  auto cause_col = column(*columns, {"cause", "原因"});
  auto sub_col = column(*columns, {"sub_cause", "sub-cause", "subcause", "子原因"});
  auto status_col = column(*columns, {"status", "状态"});
  auto link_col = column(*columns, {"link", "links", "关联"});
  if (!cat_col || !cause_col)
    throw InvalidInput(
        "field 'table.columns': needs columns 'category' and 'cause' (optional: sub_cause, status, "
        "link), got " +
        columns->dump());
  if (rows->empty()) throw InvalidInput("field 'table.rows': no rows; a fishbone needs at least one cause");
  for (std::size_t r = 0; r < rows->size(); ++r) {
    const json &row = (*rows)[r];
    const std::string where = "table.rows[" + std::to_string(r) + "]";
    if (!row.is_array()) throw InvalidInput("field '" + where + "': must be an array of cells");
    const std::string cause_text = cell(row, cause_col), sub_text = cell(row, sub_col);
    if (cause_text.empty()) throw InvalidInput("field '" + where + ".cause': required, a non-empty cell");
    auto &bone = d.bones[index(category_of(cell(row, cat_col), where + ".category"))];
    Status status = status_of(cell(row, status_col), where + ".status");
    auto links = links_from_text(cell(row, link_col), where + ".link");
    auto it = std::find_if(bone.begin(), bone.end(), [&](const Cause &c) { return c.text == cause_text; });
    if (it == bone.end()) {
      bone.push_back({cause_text, Status::suspected, {}, {}});
      it = std::prev(bone.end());
    }
    if (sub_text.empty()) {
      it->status = status;
      it->links.insert(it->links.end(), links.begin(), links.end());
    } else {
      it->sub_causes.push_back({sub_text, status, links, {}});
    }
    check_size(d, "table.rows");
  }
}

} // namespace

Diagram parse_diagram(const nlohmann::json &request) {
  if (!request.is_object()) throw InvalidInput("request: must be a JSON object");
  Diagram d;
  const json *data = member(request, "data");
  if (data != nullptr && !data->is_object())
    throw InvalidInput("field 'data': must be an object with 'effect' and 'causes'");
  const json *options = member(request, "options");
  if (data != nullptr) d.effect = text_member(*data, "effect", "data", false);
  if (d.effect.empty() && options != nullptr && options->is_object())
    d.effect = text_member(*options, "effect", "options", false);
  const json *causes = data == nullptr ? nullptr : member(*data, "causes");
  const json *table = member(request, "table");
  if (causes != nullptr)
    from_json_causes(*causes, d);
  else if (table != nullptr)
    from_table(*table, d);
  else
    throw InvalidInput("field 'data.causes': required (or a table with category and cause columns)");
  if (trim(d.effect).empty())
    throw InvalidInput("field 'data.effect': required, the problem at the fish head (with a table: --option "
                       "effect=...)");
  return d;
}

std::string to_string(Category c) { return category_names()[index(c)].name; }
std::string to_string(Status s) { return status_names()[static_cast<std::size_t>(s)].name; }
std::string label(Category c, bool zh) {
  const auto &n = category_names()[index(c)];
  return zh ? n.zh : n.label;
}
std::string label(Status s, bool zh) {
  const auto &n = status_names()[static_cast<std::size_t>(s)];
  return zh ? n.zh : n.label;
}

} // namespace qloop::fishbone
