// Intake rules from an INI file: keyword/regex patterns on the phenomenon
// plus globs on fields, each setting some of category, subcategory,
// severity and department. Rules are tried in file order; for each target
// the first rule that matches decides it.
//
//   [rule.safety]
//   text = 起火|冒烟|fire|smoke     ; regex (ECMAScript), case-insensitive
//   exclude = 未起火|no smoke       ; optional: the rule does not apply when this matches
//   product = PSU-*|PCBA-*          ; optional globs (* ? and | alternatives) on
//   channel = social                ;   product_model, channel, customer: all must hold
//   severity = critical             ; what it sets: category, subcategory, severity, department
//   confidence = 0.98               ; optional, default 1.0
//
// Patterns see the phenomenon as features do (features.hpp normalize():
// full-width ASCII folded, lower case, white space collapsed) and only its
// first kRuleTextBytes. std::regex works on UTF-8 bytes: a literal CJK word
// or an alternation of them matches as expected, but a character class or a
// repetition applies to single bytes ([起火] is a set of six bytes, . is one
// byte of a three-byte character), so write CJK alternatives with |.
// A pattern that is only literals joined by | never reaches the regex
// engine, and a regex runs only when a word every match must contain is in
// the text: one Aho-Corasick pass finds all the rule set's words
// (literal_index.hpp), which keeps dozens of rules at a few microseconds
// per record.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features.hpp"
#include "literal_index.hpp"
#include "patterns.hpp"
#include "targets.hpp"

namespace qloop::classify {

// libstdc++'s regex engine recurses per character; capping the text keeps a
// pathological pattern on a pasted e-mail from exhausting the stack.
inline constexpr std::size_t kRuleTextBytes = 4096;

struct Rule {
  std::string name; // the section name without "rule."
  std::optional<TextPattern> text, exclude;
  std::optional<Glob> product, channel, customer;
  std::array<std::optional<std::string>, kTargetCount> sets;
  double confidence = 1.0;
  unsigned mask = 0; // bit i: sets target i
};

class RuleSet {
public:
  RuleSet() = default;
  // Throws sdk::Error(QLOOP_ERR_CONFIG) naming the file, line, rule and key.
  static RuleSet load_file(const std::string &path);
  // `origin` names the source in messages (e.g. "rules_file /etc/qloop/x.ini").
  static RuleSet parse(std::string_view ini, const std::string &origin);

  std::size_t size() const { return rules_.size(); }
  bool empty() const { return rules_.empty(); }
  const std::vector<Rule> &rules() const { return rules_; }

  // Decides the targets still empty in `out`; returns how many it decided.
  // `text` is the normalized phenomenon; `hits` is scratch space, reused
  // between records.
  std::size_t apply(std::string_view text, const RecordView &record, RowDecisions &out,
                    LiteralHits &hits) const;
  std::size_t apply(std::string_view text, const RecordView &record, RowDecisions &out) const {
    LiteralHits hits;
    return apply(text, record, out, hits);
  }

private:
  std::vector<Rule> rules_;
  LiteralIndex index_;
};

} // namespace qloop::classify
