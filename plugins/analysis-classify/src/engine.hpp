// Deciding one record: the rules first (first match per target), then the
// learned models for whatever the rules left open.
#pragma once

#include "model.hpp"
#include "rules.hpp"

namespace qloop::classify {

class Engine {
public:
  // Either may be null. Model decisions below `min_confidence` are left out.
  Engine(const RuleSet *rules, const ModelSet *models, double min_confidence = 0);

  // Fills `out` (cleared first); a target nothing could decide stays empty.
  void decide(const RecordView &record, RowDecisions &out);

private:
  const RuleSet *rules_;
  const ModelSet *models_;
  double min_confidence_;
  FeatureExtractor extractor_;
  Scratch scratch_;
  LiteralHits hits_;
};

} // namespace qloop::classify
