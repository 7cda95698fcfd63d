// Classification at intake: a Classifier (in practice the analysis.classify
// plugin, behind core/plugins/plugin_classifier) decides category,
// subcategory, severity and department for a batch of new complaints; the
// host fills in what the channel left empty, and sends a complaint whose
// decisions it had to rely on with low confidence to the triage queue.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/domain/classification.hpp"
#include "core/domain/complaint.hpp"

namespace qloop::workflow {

using Decisions = std::map<std::string, domain::Decision>; // target -> decision

class Classifier {
public:
  virtual ~Classifier() = default;
  // One Decisions per complaint, in order. Throws when it cannot classify
  // at all; intake then stores the complaints unclassified, in triage.
  virtual std::vector<Decisions> classify(const std::vector<const domain::Complaint *> &batch) = 0;
};

struct ClassifyPolicy {
  double triage_below = 0.6; // [classify] triage_below
};

// What the channel gave is kept; an empty category, subcategory or owner
// department, and a severity the record did not state, are filled from the
// decisions. A filled field decided below the threshold, or a field left
// empty because nothing decided it, puts the complaint in triage.
domain::Classification apply_classification(domain::Complaint &c, const Decisions &decisions,
                                            bool severity_given, const ClassifyPolicy &policy);

// A classifier that failed: the complaint is stored as it came, in triage.
domain::Classification unclassified(const std::string &why);

} // namespace qloop::workflow
