#include "five_why_parse.hpp"

#include <array>
#include <set>
#include <utility>

#include <qloop/plugin.hpp>

namespace qloop::fivewhy {
namespace {

using nlohmann::json;
using sdk::InvalidInput;

struct CauseName {
  CauseType type;
  const char *name;
  const char *zh;
  const char *zh_long;
};

constexpr std::array<CauseName, 8> kCauseNames{{
    {CauseType::man, "man", "人", "人员"},
    {CauseType::machine, "machine", "机", "机器"},
    {CauseType::material, "material", "料", "材料"},
    {CauseType::method, "method", "法", "方法"},
    {CauseType::environment, "environment", "环", "环境"},
    {CauseType::measurement, "measurement", "测", "测量"},
    {CauseType::system, "system", "体系", "系统"},
    {CauseType::management, "management", "管理", "管理"},
}};

// Far beyond any real analysis; keeps the tree walk and the diagram bounded.
constexpr std::size_t kMaxSteps = 1000;

constexpr const char *kCauseList = "man, machine, material, method, environment, measurement, system, "
                                   "management (or 人/机/料/法/环/测/体系/管理)";

const json *member(const json &object, const char *key) {
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string required_text(const json &object, const char *key, const std::string &where) {
  const json *value = member(object, key);
  if (value == nullptr || !value->is_string() ||
      value->get<std::string>().find_first_not_of(" \t\r\n") == std::string::npos)
    throw InvalidInput("field '" + where + "." + key + "': required, a non-empty string");
  return value->get<std::string>();
}

std::string optional_text(const json &object, const char *key, const std::string &where) {
  const json *value = member(object, key);
  if (value == nullptr) return {};
  if (!value->is_string()) throw InvalidInput("field '" + where + "." + key + "': must be a string");
  return value->get<std::string>();
}

std::vector<std::string> evidence_of(const json &step, const std::string &where) {
  const json *value = member(step, "evidence");
  std::vector<std::string> out;
  auto keep = [&](const json &item, const std::string &field) {
    if (!item.is_string()) throw InvalidInput("field '" + field + "': must be a string");
    auto text = item.get<std::string>();
    if (text.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(text);
  };
  if (value == nullptr) return out;
  if (value->is_array()) {
    for (std::size_t i = 0; i < value->size(); ++i)
      keep((*value)[i], where + ".evidence[" + std::to_string(i) + "]");
  } else if (value->is_string()) {
    keep(*value, where + ".evidence");
  } else {
    throw InvalidInput("field '" + where + ".evidence': must be a string or an array of strings");
  }
  return out;
}

std::optional<CauseType> cause_type_of(const json &step, const std::string &where) {
  const json *value = member(step, "cause_type");
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) {
    auto text = value->get<std::string>();
    for (const auto &c : kCauseNames)
      if (text == c.name || text == c.zh || text == c.zh_long) return c.type;
  }
  throw InvalidInput("field '" + where + ".cause_type': must be one of " + kCauseList + ", got " +
                     value->dump());
}

std::optional<ChainKind> kind_of(const json &chain, const std::string &where) {
  const json *value = member(chain, "kind");
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) {
    auto text = value->get<std::string>();
    if (text == "occurrence" || text == "发生" || text == "发生原因") return ChainKind::occurrence;
    if (text == "escape" || text == "流出" || text == "流出原因") return ChainKind::escape;
  }
  throw InvalidInput("field '" + where + ".kind': must be one of occurrence, escape (or 发生/流出), got " +
                     value->dump());
}

Step parse_step(const json &step, const std::string &where) {
  if (!step.is_object())
    throw InvalidInput("field '" + where + "': must be an object with 'why' and 'because'");
  return Step{required_text(step, "why", where), required_text(step, "because", where),
              evidence_of(step, where), cause_type_of(step, where)};
}

void parse_parent(const json &chain, const std::string &where, Chain &out) {
  const json *parent = member(chain, "parent");
  if (parent == nullptr) return;
  if (!parent->is_object())
    throw InvalidInput("field '" + where + ".parent': must be {\"chain\": id, \"step\": n}");
  out.parent_chain = required_text(*parent, "chain", where + ".parent");
  const json *step = member(*parent, "step");
  if (step == nullptr || !step->is_number_integer() || step->get<long long>() < 1)
    throw InvalidInput("field '" + where +
                       ".parent.step': required, a whole number >= 1 (the step of the parent "
                       "chain this branch continues from)");
  out.parent_step = static_cast<int>(std::min<long long>(step->get<long long>(), 1'000'000));
}

Chain parse_chain(const json &chain, std::size_t index, std::optional<ChainKind> &kind_given) {
  const std::string where = "data.chains[" + std::to_string(index) + "]";
  if (!chain.is_object())
    throw InvalidInput("field '" + where + "': must be an object with 'kind' and 'steps'");
  Chain out;
  out.id = optional_text(chain, "id", where);
  if (out.id.empty()) out.id = "chain-" + std::to_string(index + 1);
  out.title = optional_text(chain, "title", where);
  kind_given = kind_of(chain, where);
  parse_parent(chain, where, out);
  if (!kind_given && !out.parent_chain)
    throw InvalidInput("field '" + where +
                       ".kind': required, one of occurrence (发生原因), escape (流出原因)");
  out.kind = kind_given.value_or(ChainKind::occurrence);
  const json *steps = member(chain, "steps");
  if (steps == nullptr || !steps->is_array() || steps->empty())
    throw InvalidInput("field '" + where + ".steps': required, a non-empty array of {why, because} steps");
  for (std::size_t i = 0; i < steps->size(); ++i)
    out.steps.push_back(parse_step((*steps)[i], where + ".steps[" + std::to_string(i) + "]"));
  return out;
}

// Branches: the parent must exist, have the step, share the kind, and the
// parent links must not loop.
void resolve_branches(std::vector<Chain> &chains, const std::vector<std::optional<ChainKind>> &kinds_given) {
  auto find = [&](const std::string &id) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < chains.size(); ++i)
      if (chains[i].id == id) return i;
    return std::nullopt;
  };
  for (std::size_t i = 0; i < chains.size(); ++i) {
    if (!chains[i].parent_chain) continue;
    const std::string where = "data.chains[" + std::to_string(i) + "].parent";
    auto parent = find(*chains[i].parent_chain);
    if (!parent)
      throw InvalidInput("field '" + where + ".chain': no chain has id '" + *chains[i].parent_chain + "'");
    if (chains[i].parent_step > static_cast<int>(chains[*parent].steps.size()))
      throw InvalidInput("field '" + where + ".step': chain '" + chains[*parent].id + "' has only " +
                         std::to_string(chains[*parent].steps.size()) + " steps");
  }
  // Walk up from each chain; more hops than chains means a loop.
  for (std::size_t i = 0; i < chains.size(); ++i) {
    std::size_t at = i, hops = 0;
    while (chains[at].parent_chain) {
      at = *find(*chains[at].parent_chain);
      if (++hops > chains.size())
        throw InvalidInput("field 'data.chains[" + std::to_string(i) +
                           "].parent': the parent links form a loop");
    }
    if (!kinds_given[i])
      chains[i].kind = chains[at].kind; // a branch inherits its root's kind
    else if (*kinds_given[i] != chains[at].kind)
      throw InvalidInput("field 'data.chains[" + std::to_string(i) +
                         "].kind': a branch must have the kind of " + "the chain it continues ('" +
                         to_string(chains[at].kind) + "')");
  }
}

int integer_option(const json &options, const char *key, int fallback, int minimum) {
  const json *value = member(options, key);
  if (value == nullptr) return fallback;
  if (!value->is_number_integer() || value->get<long long>() < minimum || value->get<long long>() > 1000)
    throw InvalidInput(std::string("field 'options.") + key + "': must be a whole number from " +
                       std::to_string(minimum) + " to 1000");
  return static_cast<int>(value->get<long long>());
}

bool bool_option(const json &options, const char *key, bool fallback) {
  const json *value = member(options, key);
  if (value == nullptr) return fallback;
  if (!value->is_boolean())
    throw InvalidInput(std::string("field 'options.") + key + "': must be true or false");
  return value->get<bool>();
}

} // namespace

Analysis parse_analysis(const nlohmann::json &request) {
  const json *data = member(request, "data");
  if (data == nullptr || !data->is_object())
    throw InvalidInput("field 'data': required, an object with 'problem' and 'chains'");
  Analysis out;
  out.problem = optional_text(*data, "problem", "data");
  const json *chains = member(*data, "chains");
  if (chains == nullptr || !chains->is_array() || chains->empty())
    throw InvalidInput("field 'data.chains': required, a non-empty array of why-because chains");
  std::vector<std::optional<ChainKind>> kinds_given;
  std::set<std::string> ids;
  std::size_t total_steps = 0;
  for (std::size_t i = 0; i < chains->size(); ++i) {
    std::optional<ChainKind> kind;
    out.chains.push_back(parse_chain((*chains)[i], i, kind));
    kinds_given.push_back(kind);
    total_steps += out.chains.back().steps.size();
    if (total_steps > kMaxSteps)
      throw InvalidInput("field 'data.chains': more than " + std::to_string(kMaxSteps) +
                         " steps in all; split the analysis");
    if (!ids.insert(out.chains.back().id).second)
      throw InvalidInput("field 'data.chains[" + std::to_string(i) + "].id': '" + out.chains.back().id +
                         "' is used by another chain; ids must be unique");
  }
  resolve_branches(out.chains, kinds_given);
  return out;
}

Settings parse_settings(const nlohmann::json &request, Settings defaults) {
  const json *options = member(request, "options");
  if (options == nullptr) return defaults;
  if (!options->is_object()) throw InvalidInput("field 'options': must be an object");
  Settings s = std::move(defaults);
  s.min_depth = integer_option(*options, "min_depth", s.min_depth, 1);
  s.max_depth = integer_option(*options, "max_depth", s.max_depth, 1);
  s.link_check = bool_option(*options, "link_check", s.link_check);
  s.link_min_shared = integer_option(*options, "link_min_shared", s.link_min_shared, 1);
  s.require_evidence = bool_option(*options, "require_evidence", s.require_evidence);
  if (const json *terms = member(*options, "human_error_terms")) {
    if (!terms->is_array())
      throw InvalidInput("field 'options.human_error_terms': must be an array of strings");
    for (const auto &t : *terms) {
      if (!t.is_string())
        throw InvalidInput("field 'options.human_error_terms': must be an array of strings");
      if (!t.get<std::string>().empty()) s.human_error_terms.push_back(t.get<std::string>());
    }
  }
  if (s.max_depth < s.min_depth)
    throw InvalidInput("field 'options.max_depth': must be >= min_depth (" + std::to_string(s.min_depth) +
                       "), got " + std::to_string(s.max_depth));
  return s;
}

std::string to_string(ChainKind kind) { return kind == ChainKind::occurrence ? "occurrence" : "escape"; }

std::string to_string(CauseType type) {
  for (const auto &c : kCauseNames)
    if (c.type == type) return c.name;
  return "?";
}

std::string cause_type_label(CauseType type, bool zh) {
  for (const auto &c : kCauseNames)
    if (c.type == type) {
      if (!zh) {
        std::string name = c.name;
        name[0] = static_cast<char>(name[0] - 'a' + 'A');
        return name;
      }
      return c.zh;
    }
  return "?";
}

} // namespace qloop::fivewhy
