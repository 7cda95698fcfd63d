#include "link_heuristic.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "text_width.hpp"

namespace qloop::fivewhy {
namespace {

constexpr std::string_view kStopWords[] = {
    "the",   "and",   "was",    "were",   "why",    "did",    "does",    "not",  "for",   "with", "that",
    "this",  "has",   "have",   "had",    "are",    "been",   "because", "due",  "from",  "too",  "very",
    "into",  "than",  "then",   "there",  "their",  "what",   "which",   "when", "who",   "how",  "can",
    "could", "would", "should", "wasn",   "didn",   "doesn",  "isn",     "aren", "weren", "hasn", "haven",
    "its",   "they",  "our",    "any",    "all",    "also",   "but",     "only", "being", "get",  "got",
    "make",  "made",  "cause",  "caused", "reason", "happen", "happened"};

constexpr std::string_view kStopBigrams[] = {"为什", "什么", "么会", "么没", "么不", "为何", "怎么", "原因",
                                             "因为", "导致", "没有", "是否", "所以", "由于", "造成", "为了"};

constexpr std::string_view kStopChars[] = {"的", "了", "是", "在", "和", "与", "或", "有", "无",
                                           "会", "被", "把", "也", "都", "就", "不", "没"};

template <std::size_t N> bool listed(const std::string_view (&list)[N], std::string_view s) {
  return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

bool is_han(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2FFFD);
}

// Letters and digits of alphabetic scripts form words.
bool is_word_char(char32_t cp) {
  return (cp < 0x80 && std::isalnum(static_cast<int>(cp)) != 0) || (cp >= 0xC0 && cp < 0x2000);
}

std::string stem(std::string w) {
  auto ends = [&](std::string_view suffix) {
    return w.size() >= suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (w.size() > 5 && ends("ing"))
    w.resize(w.size() - 3);
  else if (w.size() > 4 && (ends("ed") || ends("es")))
    w.resize(w.size() - 2);
  else if (w.size() > 3 && ends("s") && !ends("ss"))
    w.resize(w.size() - 1);
  return w;
}

bool is_latin(const std::string &token) {
  return !token.empty() && static_cast<unsigned char>(token[0]) < 0x80;
}

// Latin words match when one is a prefix of the other of at least 4 letters
// ("loose"/"loosened"), which covers most inflections stem() misses.
bool match(const std::string &a, const std::string &b) {
  if (a == b) return true;
  if (!is_latin(a) || !is_latin(b)) return false;
  const std::string &shorter = a.size() < b.size() ? a : b;
  const std::string &longer = a.size() < b.size() ? b : a;
  return shorter.size() >= 4 && longer.compare(0, shorter.size(), shorter) == 0;
}

} // namespace

std::set<std::string> keywords(std::string_view text) {
  std::set<std::string> out;
  std::string word;
  std::vector<std::string_view> han_run;
  auto flush_word = [&] {
    if (word.size() >= 3 && !listed(kStopWords, word)) out.insert(stem(word));
    word.clear();
  };
  auto flush_han = [&] {
    if (han_run.size() == 1 && !listed(kStopChars, han_run[0])) out.insert(std::string(han_run[0]));
    for (std::size_t i = 0; i + 1 < han_run.size(); ++i) {
      std::string bigram = std::string(han_run[i]) + std::string(han_run[i + 1]);
      if (!listed(kStopBigrams, bigram)) out.insert(bigram);
    }
    han_run.clear();
  };
  for (const auto &c : text::code_points(text)) {
    if (is_word_char(c.cp)) {
      flush_han();
      if (c.cp < 0x80)
        word += static_cast<char>(std::tolower(static_cast<int>(c.cp)));
      else
        word += c.bytes;
      continue;
    }
    flush_word();
    if (is_han(c.cp))
      han_run.push_back(c.bytes);
    else
      flush_han();
  }
  flush_word();
  flush_han();
  return out;
}

int shared_keywords(std::string_view question, std::string_view answer) {
  auto from_answer = keywords(answer);
  if (from_answer.empty()) return -1;
  auto from_question = keywords(question);
  int shared = 0;
  for (const auto &a : from_answer)
    if (std::any_of(from_question.begin(), from_question.end(),
                    [&](const std::string &q) { return match(a, q); }))
      ++shared;
  return shared;
}

} // namespace qloop::fivewhy
