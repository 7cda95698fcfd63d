#include "engine.hpp"

namespace qloop::classify {

Engine::Engine(const RuleSet *rules, const ModelSet *models, double min_confidence)
    : rules_(rules), models_(models), min_confidence_(min_confidence),
      extractor_(models ? models->options.features : FeatureOptions{}) {}

void Engine::decide(const RecordView &record, RowDecisions &out) {
  for (auto &d : out) d.reset();
  const bool learned = models_ != nullptr && models_->any();
  // The rules read the same folded text the features start from.
  if (learned)
    extractor_.extract(record, scratch_.doc);
  else
    scratch_.doc.text = normalize(record.phenomenon);
  if (rules_ != nullptr && !rules_->empty() &&
      rules_->apply(scratch_.doc.text, record, out, hits_) == kTargetCount)
    return;
  if (!learned) return;
  models_->vocabulary.vectorize(scratch_.doc, scratch_.nodes, scratch_.term_of);
  for (Target t : kTargets) {
    const auto &tm = models_->targets[index_of(t)];
    if (out[index_of(t)] || !tm) continue;
    Decision d = predict(*tm, scratch_);
    if (d.confidence >= min_confidence_) out[index_of(t)] = std::move(d);
  }
}

} // namespace qloop::classify
