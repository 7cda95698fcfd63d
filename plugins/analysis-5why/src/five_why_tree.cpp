#include "five_why_tree.hpp"

namespace qloop::fivewhy {

Tree::Tree(const Analysis &analysis) : analysis_(analysis) {
  const auto &chains = analysis.chains;
  children_.resize(chains.size());
  parent_chain_.resize(chains.size());
  for (std::size_t c = 0; c < chains.size(); ++c) {
    children_[c].resize(chains[c].steps.size());
    for (std::size_t s = 0; s + 1 < chains[c].steps.size(); ++s) children_[c][s].push_back({c, s + 1});
  }
  for (std::size_t c = 0; c < chains.size(); ++c) {
    if (!chains[c].parent_chain) continue;
    for (std::size_t p = 0; p < chains.size(); ++p)
      if (chains[p].id == *chains[c].parent_chain) {
        parent_chain_[c] = p;
        children_[p][static_cast<std::size_t>(chains[c].parent_step - 1)].push_back({c, 0});
      }
  }
  for (ChainKind kind : {ChainKind::occurrence, ChainKind::escape})
    for (std::size_t c = 0; c < chains.size(); ++c)
      if (!parent_chain_[c] && chains[c].kind == kind) roots_.push_back({c, 0});
  std::vector<StepRef> prefix;
  for (const auto &root : roots_) collect_paths(root, prefix);
}

std::optional<StepRef> Tree::parent(StepRef at) const {
  if (at.step > 0) return StepRef{at.chain, at.step - 1};
  if (auto p = parent_chain_[at.chain])
    return StepRef{*p, static_cast<std::size_t>(analysis_.chains[at.chain].parent_step - 1)};
  return std::nullopt;
}

void Tree::collect_paths(StepRef at, std::vector<StepRef> &prefix) {
  prefix.push_back(at);
  const auto &next = children(at);
  if (next.empty()) paths_.push_back({prefix, analysis_.chains[at.chain].kind});
  for (const auto &child : next) collect_paths(child, prefix);
  prefix.pop_back();
}

} // namespace qloop::fivewhy
