// The complaints of a request's table, read by header name, from the JSON
// "table" or from host columns (ABI 1.3). Both give the same strings, so
// every method behaves identically on either path.
#pragma once

#include <array>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <qloop/plugin.hpp>

#include "features.hpp"
#include "targets.hpp"

namespace qloop::classify {

struct Records {
  std::vector<std::string> phenomenon, product_model, channel, customer;
  // Per target: one label per row ("" = unlabelled), or no rows at all when
  // the table has no such column.
  std::array<std::vector<std::string>, kTargetCount> labels;

  std::size_t size() const { return phenomenon.size(); }
  bool has_labels(Target t) const { return !labels[index_of(t)].empty(); }
  const std::string &label(Target t, std::size_t row) const { return labels[index_of(t)][row]; }
  RecordView view(std::size_t row) const {
    return {phenomenon[row], product_model[row], channel[row], customer[row]};
  }
};

// From request["table"] ({"columns": [...], "rows": [[...], ...]}).
// Throws sdk::InvalidInput naming the field ("table: column phenomenon is missing").
Records records_from_json(const nlohmann::json &request);
// From the host's columns; the same rules and messages.
Records records_from_columns(const sdk::RecordBatch &table);

} // namespace qloop::classify
