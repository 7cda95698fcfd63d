#include "literal_index.hpp"

#include <algorithm>
#include <map>
#include <queue>

namespace qloop::classify {

std::uint32_t LiteralIndex::add(std::string_view literal) {
  const auto it = std::find(literals_.begin(), literals_.end(), literal);
  if (it != literals_.end()) return static_cast<std::uint32_t>(it - literals_.begin());
  literals_.emplace_back(literal);
  return static_cast<std::uint32_t>(literals_.size() - 1);
}

void LiteralIndex::build() {
  std::fill(std::begin(byte_class_), std::end(byte_class_), 0);
  classes_ = 1;
  for (const auto &l : literals_)
    for (unsigned char c : l)
      if (byte_class_[c] == 0) byte_class_[c] = static_cast<std::uint8_t>(classes_++);

  // The trie, then failure links breadth first, which also completes the
  // table into a DFA (a missing edge goes where the failure link's goes).
  const std::size_t k = classes_;
  next_.assign(k, -1);
  std::vector<std::vector<std::uint32_t>> out(1);
  for (std::uint32_t id = 0; id < literals_.size(); ++id) {
    std::size_t s = 0;
    for (unsigned char c : literals_[id]) {
      auto &edge = next_[s * k + byte_class_[c]];
      if (edge < 0) {
        edge = static_cast<std::int32_t>(out.size());
        out.emplace_back();
        next_.resize(next_.size() + k, -1);
      }
      s = static_cast<std::size_t>(next_[s * k + byte_class_[c]]);
    }
    out[s].push_back(id);
  }
  std::vector<std::int32_t> fail(out.size(), 0);
  std::queue<std::size_t> queue;
  for (std::size_t c = 0; c < k; ++c) {
    auto &edge = next_[c];
    if (edge < 0) {
      edge = 0;
    } else {
      fail[static_cast<std::size_t>(edge)] = 0;
      queue.push(static_cast<std::size_t>(edge));
    }
  }
  while (!queue.empty()) {
    const std::size_t s = queue.front();
    queue.pop();
    const auto &inherited = out[static_cast<std::size_t>(fail[s])];
    out[s].insert(out[s].end(), inherited.begin(), inherited.end());
    for (std::size_t c = 0; c < k; ++c) {
      auto &edge = next_[s * k + c];
      const std::int32_t via_fail = next_[static_cast<std::size_t>(fail[s]) * k + c];
      if (edge < 0) {
        edge = via_fail;
      } else {
        fail[static_cast<std::size_t>(edge)] = via_fail;
        queue.push(static_cast<std::size_t>(edge));
      }
    }
  }
  output_begin_.assign(out.size() + 1, 0);
  output_.clear();
  for (std::size_t s = 0; s < out.size(); ++s) {
    output_begin_[s] = static_cast<std::uint32_t>(output_.size());
    output_.insert(output_.end(), out[s].begin(), out[s].end());
  }
  output_begin_[out.size()] = static_cast<std::uint32_t>(output_.size());
}

void LiteralIndex::scan(std::string_view text, LiteralHits &hits) const {
  if (hits.first.size() != literals_.size()) hits.first.assign(literals_.size(), LiteralHits::kNone);
  for (auto id : hits.touched) hits.first[id] = LiteralHits::kNone;
  hits.touched.clear();
  if (literals_.empty()) return;
  std::size_t s = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    s = static_cast<std::size_t>(next_[s * classes_ + byte_class_[static_cast<unsigned char>(text[i])]]);
    for (std::uint32_t o = output_begin_[s]; o < output_begin_[s + 1]; ++o) {
      const std::uint32_t id = output_[o];
      // Occurrences of one literal end in order, so the first one seen starts leftmost.
      if (hits.first[id] != LiteralHits::kNone) continue;
      hits.first[id] = static_cast<std::uint32_t>(i + 1 - literals_[id].size());
      hits.touched.push_back(id);
    }
  }
}

} // namespace qloop::classify
