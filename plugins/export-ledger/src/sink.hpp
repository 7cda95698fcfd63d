// One output format. The exporter hands each case file to the sink as it
// arrives; the sink writes it straight out and keeps nothing per record, so
// memory does not grow with the ledger.
#pragma once

#include <nlohmann/json.hpp>

namespace qloop::ledger {

class Sink {
public:
  virtual ~Sink() = default;
  // Writes one case file (already known to hold a "complaint" object).
  virtual void write(const nlohmann::json &case_file) = 0;
  // Completes the file at its temporary path and adds format-specific
  // figures to the summary. Throws sdk::Error on I/O failure.
  virtual void finish(nlohmann::json &summary) = 0;
};

} // namespace qloop::ledger
