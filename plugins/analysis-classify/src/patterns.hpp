// The two kinds of condition a rule has: a text pattern (literal words
// joined by |, or an ECMAScript regex) on the folded phenomenon, and a
// shell-style glob on a field. rules.hpp says how rules use them.
#pragma once

#include <cstdint>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "features.hpp"
#include "literal_index.hpp"

namespace qloop::classify {

class TextPattern {
public:
  // Throws std::regex_error on a bad regex, std::invalid_argument on an
  // empty alternative (which would match every text).
  explicit TextPattern(const std::string &pattern);
  // The leftmost match in `text` (normalized), or nothing.
  std::optional<std::string_view> search(std::string_view text) const;
  bool literal() const { return !regex_.has_value(); }
  // A regex whose every match contains one of literals(): skipped when
  // none occurs.
  bool prefiltered() const { return regex_.has_value() && !literals_.empty(); }
  // The alternatives of a literal pattern, or a regex's required words.
  const std::vector<std::string> &literals() const { return literals_; }

  // Registers the literals with a rule set's index, for the search below.
  void bind(LiteralIndex &index);
  // The same as search(text), with `hits` from index.scan(text).
  std::optional<std::string_view> search(std::string_view text, const LiteralHits &hits) const;

private:
  std::vector<std::string> literals_;
  std::vector<std::uint32_t> ids_; // in the bound index
  std::optional<std::regex> regex_;
};

// The words one match of `pattern` (lower case, ECMAScript) must contain:
// one per top-level alternative, its longest run of literal characters that
// no quantifier makes optional. Empty when some alternative has none, so
// the regex must always run. Exposed for the tests.
std::vector<std::string> required_literals(const std::string &pattern);

// Shell-style, case-insensitive: * any run, ? one character; a|b either.
class Glob {
public:
  explicit Glob(const std::string &pattern);
  bool matches(std::string_view value) const; // raw field value
  const std::string &pattern() const { return pattern_; }

private:
  std::string pattern_;
  std::vector<std::string> alternatives_; // normalized
};

} // namespace qloop::classify
