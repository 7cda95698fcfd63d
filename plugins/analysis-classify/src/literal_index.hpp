// Every literal word of a rule set in one Aho-Corasick automaton: a single
// pass over a complaint's text finds where each word first occurs, however
// many rules and words there are. Rules then look their words up instead of
// searching the text once per word, and a regex rule runs its regex only
// when the words any match must contain are there.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qloop::classify {

// Per literal id, the byte offset of its leftmost occurrence, or kNone.
struct LiteralHits {
  static constexpr std::uint32_t kNone = UINT32_MAX;
  std::vector<std::uint32_t> first;
  std::vector<std::uint32_t> touched; // ids set by the last scan, to reset cheaply
  std::uint32_t at(std::uint32_t id) const { return first[id]; }
};

class LiteralIndex {
public:
  // The id of `literal` (non-empty), the same for the same bytes.
  std::uint32_t add(std::string_view literal);
  // Call after the last add and before scan.
  void build();
  std::size_t size() const { return literals_.size(); }
  std::size_t length(std::uint32_t id) const { return literals_[id].size(); }

  void scan(std::string_view text, LiteralHits &hits) const;

private:
  std::vector<std::string> literals_;
  // The automaton as a dense table over byte classes (bytes no literal uses
  // share class 0), with each state's matches flattened.
  std::uint8_t byte_class_[256] = {};
  std::size_t classes_ = 1;
  std::vector<std::int32_t> next_;          // state * classes_ + class -> state
  std::vector<std::uint32_t> output_begin_; // state -> range in output_
  std::vector<std::uint32_t> output_;
};

} // namespace qloop::classify
