#include "generators.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

#include <qloop/plugin.hpp>

namespace qloop::doe {
namespace {

using Table = std::map<std::pair<int, int>, std::vector<std::string>>;

// Montgomery (2013, 8th ed.) Table 8.14, principal fractions. Each entry is a
// minimum-aberration design for its (k, p); tests/fractional_design_test.cpp
// checks that by exhaustive search.
const Table &table() {
  static const Table t = {
      {{3, 1}, {"C=AB"}},
      {{4, 1}, {"D=ABC"}},
      {{5, 1}, {"E=ABCD"}},
      {{5, 2}, {"D=AB", "E=AC"}},
      {{6, 1}, {"F=ABCDE"}},
      {{6, 2}, {"E=ABC", "F=BCD"}},
      {{6, 3}, {"D=AB", "E=AC", "F=BC"}},
      {{7, 1}, {"G=ABCDEF"}},
      {{7, 2}, {"F=ABCD", "G=ABDE"}},
      {{7, 3}, {"E=ABC", "F=BCD", "G=ACD"}},
      {{7, 4}, {"D=AB", "E=AC", "F=BC", "G=ABC"}},
      {{8, 2}, {"G=ABCD", "H=ABEF"}},
      {{8, 3}, {"F=ABC", "G=ABD", "H=BCDE"}},
      {{8, 4}, {"E=BCD", "F=ACD", "G=ABC", "H=ABD"}},
      {{9, 2}, {"H=ACDFG", "J=BCEFG"}},
      {{9, 3}, {"G=ABCD", "H=ACEF", "J=CDEF"}},
      {{9, 4}, {"F=BCDE", "G=ACDE", "H=ABDE", "J=ABCE"}},
      {{9, 5}, {"E=ABC", "F=BCD", "G=ACD", "H=ABD", "J=ABCD"}},
      {{10, 3}, {"H=ABCG", "J=BCDE", "K=ACDF"}},
      {{10, 4}, {"G=BCDF", "H=ACDF", "J=ABDE", "K=ABCE"}},
      {{10, 5}, {"F=ABCD", "G=ABCE", "H=ABDE", "J=ACDE", "K=BCDE"}},
      {{10, 6}, {"E=ABC", "F=BCD", "G=ACD", "H=ABD", "J=ABCD", "K=AB"}},
      {{11, 5}, {"G=CDE", "H=ABCD", "J=ABF", "K=BDEF", "L=ADEF"}},
      {{11, 6}, {"F=ABC", "G=BCD", "H=CDE", "J=ACD", "K=ADE", "L=BDE"}},
      {{11, 7}, {"E=ABC", "F=BCD", "G=ACD", "H=ABD", "J=ABCD", "K=AB", "L=AC"}},
  };
  return t;
}

std::string strip_spaces(const std::string &s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

} // namespace

Generator parse_generator(const std::string &text, int k, int p, const std::string &field) {
  const std::string rule =
      "field '" + field + "': '" + text + "' is not a generator of the form E=ABCD or E=-ABCD";
  std::string s = strip_spaces(text);
  auto eq = s.find('=');
  if (eq == std::string::npos || eq != 1 || s.size() < 3) throw sdk::InvalidInput(rule);
  Generator g;
  g.factor = letter_index(s[0]);
  std::string rhs = s.substr(2);
  if (!rhs.empty() && (rhs[0] == '-' || rhs[0] == '+')) {
    g.sign = rhs[0] == '-' ? -1 : 1;
    rhs.erase(0, 1);
  }
  const int basic = k - p;
  if (g.factor < basic || g.factor >= k)
    throw sdk::InvalidInput(rule + " (the left side must be one of the added factors " +
                            factor_letter(basic) + ".." + factor_letter(k - 1) + ")");
  auto word = parse_letters(rhs, basic);
  if (!word || word_length(*word) < 2)
    throw sdk::InvalidInput(rule + " (the right side must be a product of at least two basic factors A.." +
                            factor_letter(basic - 1) + ")");
  g.word = *word;
  return g;
}

std::string generator_text(const Generator &g) {
  return factor_letter(g.factor) + " = " + (g.sign < 0 ? "-" : "") + word_name(g.word);
}

std::optional<std::vector<std::string>> standard_generators(int k, int p) {
  auto it = table().find({k, p});
  if (it == table().end()) return std::nullopt;
  return it->second;
}

std::vector<int> standard_fractions(int k) {
  std::vector<int> out;
  for (const auto &[key, gens] : table())
    if (key.first == k) out.push_back(key.second);
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace qloop::doe
