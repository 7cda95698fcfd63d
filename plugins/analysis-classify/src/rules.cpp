#include "rules.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include <boost/property_tree/ini_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <qloop/plugin.hpp>

namespace qloop::classify {
namespace {

// read_ini knows only whole-line comments; the rules file allows a trailing
// "; why" too. A ';' starts a comment only after white space, so a pattern
// may still hold one (write [;] for one after a space).
std::string strip_trailing_comments(std::string_view text, std::map<std::string, int> &section_lines) {
  std::string out;
  std::istringstream in{std::string(text)};
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    for (std::size_t i = 1; i < line.size(); ++i)
      if (line[i] == ';' && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
        line.resize(i);
        break;
      }
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string::npos && line[first] == '[') {
      const std::size_t end = line.find(']', first);
      if (end != std::string::npos) {
        std::string name = line.substr(first + 1, end - first - 1);
        name.erase(0, name.find_first_not_of(" \t"));
        name.erase(name.find_last_not_of(" \t") + 1);
        section_lines.emplace(name, number);
      }
    }
    out += line;
    out += '\n';
  }
  return out;
}

[[noreturn]] void config_error(const std::string &message) { throw sdk::Error(QLOOP_ERR_CONFIG, message); }

} // namespace

RuleSet RuleSet::load_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) config_error("rules_file: cannot read " + path + ": " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), "rules_file " + path);
}

RuleSet RuleSet::parse(std::string_view ini, const std::string &origin) {
  if (ini.substr(0, 3) == "\xEF\xBB\xBF") ini.remove_prefix(3);
  std::map<std::string, int> section_lines;
  const std::string cleaned = strip_trailing_comments(ini, section_lines);
  boost::property_tree::ptree tree;
  try {
    std::istringstream in(cleaned);
    boost::property_tree::read_ini(in, tree);
  } catch (const boost::property_tree::ini_parser_error &e) {
    config_error(origin + " line " + std::to_string(e.line()) + ": " + e.message());
  }

  RuleSet set;
  for (const auto &[section, keys] : tree) {
    const auto line = section_lines.find(section);
    const std::string where = origin +
                              (line != section_lines.end() ? " line " + std::to_string(line->second) : "") +
                              " [" + section + "]";
    // read_ini drops empty sections, so a child without keys is a key
    // written before the first section.
    if (keys.empty()) config_error(origin + ": key '" + section + "' is outside a [rule.NAME] section");
    if (section.rfind("rule.", 0) != 0 || section.size() == 5)
      config_error(where + ": only [rule.NAME] sections are allowed");
    Rule rule;
    rule.name = section.substr(5);
    for (const auto &[key, node] : keys) {
      const std::string value = node.data();
      auto bad = [&](const std::string &why) { config_error(where + ": " + key + ": " + why); };
      auto pattern = [&]() -> TextPattern {
        std::string why;
        try {
          return TextPattern(value);
        } catch (const std::regex_error &e) {
          why = "invalid regex \"" + value + "\": " + e.what();
        } catch (const std::invalid_argument &e) {
          why = "\"" + value + "\" " + e.what();
        }
        throw sdk::Error(QLOOP_ERR_CONFIG, where + ": " + key + ": " + why);
      };
      if (value.empty()) bad("empty value");
      if (key == "text") {
        rule.text.emplace(pattern());
      } else if (key == "exclude") {
        rule.exclude.emplace(pattern());
      } else if (key == "product" || key == "product_model") {
        rule.product.emplace(value);
      } else if (key == "channel") {
        rule.channel.emplace(value);
      } else if (key == "customer") {
        rule.customer.emplace(value);
      } else if (key == "confidence") {
        double c = 0;
        auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), c);
        if (ec != std::errc() || end != value.data() + value.size() || !(c > 0 && c <= 1))
          bad("must be a number in (0, 1], got \"" + value + "\"");
        rule.confidence = c;
      } else if (auto target = target_from_name(key == "owner_department" ? "department" : key)) {
        if (!allowed_value(*target, value))
          bad("\"" + value + "\" is not a " + key +
              (*target == Target::category ? " (product_quality, service, logistics or other)"
                                           : " (critical, major or minor)"));
        rule.sets[index_of(*target)] = value;
        rule.mask |= 1u << index_of(*target);
      } else {
        bad("unknown key (text, exclude, product, channel, customer, category, subcategory, severity, "
            "department, confidence)");
      }
    }
    if (rule.mask == 0)
      config_error(where + ": sets nothing (give category, subcategory, severity or department)");
    if (!rule.text && !rule.product && !rule.channel && !rule.customer)
      config_error(where + ": has no condition (give text, product, channel or customer)");
    if (rule.exclude && !rule.text) config_error(where + ": exclude: needs a text pattern beside it");
    set.rules_.push_back(std::move(rule));
  }
  for (auto &rule : set.rules_) {
    if (rule.text) rule.text->bind(set.index_);
    if (rule.exclude) rule.exclude->bind(set.index_);
  }
  set.index_.build();
  return set;
}

std::size_t RuleSet::apply(std::string_view text, const RecordView &r, RowDecisions &out,
                           LiteralHits &hits) const {
  if (text.size() > kRuleTextBytes) {
    std::size_t cut = kRuleTextBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  index_.scan(text, hits);
  unsigned open = 0;
  for (Target t : kTargets)
    if (!out[index_of(t)]) open |= 1u << index_of(t);
  std::size_t decided = 0;
  for (const Rule &rule : rules_) {
    if ((rule.mask & open) == 0) continue;
    if (rule.product && !rule.product->matches(r.product_model)) continue;
    if (rule.channel && !rule.channel->matches(r.channel)) continue;
    if (rule.customer && !rule.customer->matches(r.customer)) continue;
    std::optional<std::string_view> hit;
    if (rule.text && !(hit = rule.text->search(text, hits))) continue;
    if (rule.exclude && rule.exclude->search(text, hits)) continue;

    std::string why;
    auto add = [&](const std::string &part) { why += (why.empty() ? "" : "; ") + part; };
    if (hit) add("text matched \"" + std::string(*hit) + "\"");
    if (rule.product) add("product_model " + std::string(r.product_model) + " ~ " + rule.product->pattern());
    if (rule.channel) add("channel " + std::string(r.channel) + " ~ " + rule.channel->pattern());
    if (rule.customer) add("customer " + std::string(r.customer) + " ~ " + rule.customer->pattern());
    for (Target t : kTargets) {
      const unsigned bit = 1u << index_of(t);
      if ((rule.mask & open & bit) == 0) continue;
      out[index_of(t)] = Decision{*rule.sets[index_of(t)], rule.confidence, "rule:" + rule.name, why};
      open &= ~bit;
      ++decided;
    }
    if (open == 0) break;
  }
  return decided;
}

} // namespace qloop::classify
