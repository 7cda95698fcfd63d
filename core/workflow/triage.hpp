// The triage queue: complaints whose automatic classification a person must
// check (low confidence, or a target nobody could decide). A review confirms
// or corrects the grading; corrections change the complaint's own fields
// (audited), so the next `classify train` learns from them, and are kept on
// the classification record to measure how often the classifier is wrong.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/workflow/ledger.hpp"

namespace qloop::workflow {

class Triage {
public:
  explicit Triage(Ledger &ledger) : ledger_(ledger) {}

  std::vector<domain::Classification> queue(std::size_t limit);

  // `changes`: category, subcategory and/or severity; `department` and
  // `owner`: the right assignment (empty: keep). With none, the decisions
  // are confirmed as they are. The complaint leaves the queue either way.
  domain::Classification review(std::int64_t complaint_id, const nlohmann::json &changes,
                                const std::string &department, const std::string &owner,
                                const std::string &actor, const std::string &reason);

private:
  Ledger &ledger_;
};

} // namespace qloop::workflow
