// The 5 Why analysis as data: chains of why -> because steps, linked into a
// tree under the problem statement, and the settings the review rules use.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace qloop::fivewhy {

// Occurrence: why the defect was made (发生原因). Escape: why it was not
// detected before it reached the customer (流出原因).
enum class ChainKind { occurrence, escape };

// The 6M plus the two system levels a reviewer wants a chain to reach.
enum class CauseType { man, machine, material, method, environment, measurement, system, management };

struct Step {
  std::string why;     // the question
  std::string because; // the answer
  std::vector<std::string> evidence;
  std::optional<CauseType> cause_type;
};

struct Chain {
  std::string id;
  ChainKind kind = ChainKind::occurrence;
  std::string title;
  std::vector<Step> steps;
  // A branch continues from a step of another chain (a second answer to the
  // question that step's answer raises). Steps are 1-based.
  std::optional<std::string> parent_chain;
  int parent_step = 0;
};

struct Analysis {
  std::string problem;
  std::vector<Chain> chains;
};

// A step's place: the chain index and the 0-based step index.
struct StepRef {
  std::size_t chain = 0;
  std::size_t step = 0;
  bool operator==(const StepRef &) const = default;
};

// One root-to-leaf path through the tree: what a reader follows from the
// problem down to one root cause.
struct Path {
  std::vector<StepRef> steps;
  ChainKind kind = ChainKind::occurrence;
};

struct Settings {
  int min_depth = 3;
  int max_depth = 7;
  bool link_check = true;  // does each "why" refer to the answer above it?
  int link_min_shared = 1; // keywords the two must share
  bool require_evidence = true;
  std::vector<std::string> human_error_terms; // added to the built-in list
};

} // namespace qloop::fivewhy
