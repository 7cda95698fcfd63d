// The chains linked into one tree: the problem at the root, each chain a run
// of steps, a branch chain hanging off a step of another chain. The review
// rules walk its root-to-leaf paths; the diagram draws it.
#pragma once

#include <optional>
#include <vector>

#include "five_why_model.hpp"

namespace qloop::fivewhy {

class Tree {
public:
  explicit Tree(const Analysis &analysis);

  // First steps of the chains that start at the problem: occurrence chains
  // first, then escape chains, each in input order.
  const std::vector<StepRef> &roots() const { return roots_; }
  // The next step of the same chain first, then branches in input order.
  const std::vector<StepRef> &children(StepRef at) const { return children_[at.chain][at.step]; }
  // The step above, or nothing for a first step under the problem.
  std::optional<StepRef> parent(StepRef at) const;
  // Every root-to-leaf path, in drawing order.
  const std::vector<Path> &paths() const { return paths_; }
  const Step &step(StepRef at) const { return analysis_.chains[at.chain].steps[at.step]; }
  const Chain &chain(StepRef at) const { return analysis_.chains[at.chain]; }

private:
  void collect_paths(StepRef at, std::vector<StepRef> &prefix);

  const Analysis &analysis_;
  std::vector<StepRef> roots_;
  std::vector<std::vector<std::vector<StepRef>>> children_;
  std::vector<std::optional<std::size_t>> parent_chain_;
  std::vector<Path> paths_;
};

} // namespace qloop::fivewhy
