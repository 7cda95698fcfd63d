// The plugin's three methods, each from a parsed request (and, on the ABI
// 1.3 path, the table as host columns) to a result shaped by
// sdk/schemas/analysis-result.schema.json. README.md documents the shapes.
#pragma once

#include <functional>
#include <string>

#include <nlohmann/json.hpp>
#include <qloop/plugin.hpp>

#include "state.hpp"

namespace qloop::classify {

using Json = nlohmann::ordered_json;

struct Context {
  State &state;
  std::string rules_file;                        // from the plugin's config; empty: no rules
  std::function<void(const std::string &)> warn; // the host's logger
  std::function<void(const std::string &)> debug;
};

// Each returns the result as JSON text.
// classify.train: {"model_dir": ABS, "table": ..., "trained_at"?, "C"?, "min_df"?, "hash_bits"?}
std::string train_method(const nlohmann::json &request, const sdk::RecordBatch *columns, Context &ctx);
// classify.predict: {"model_dir"?: ABS, "table": ..., "min_confidence"?}
std::string predict_method(const nlohmann::json &request, const sdk::RecordBatch *columns, Context &ctx);
// classify.eval: {"table": ..., "test_fraction"?: 0.2, "seed"?: 1, "use_rules"?: false, "C"?, ...}
std::string eval_method(const nlohmann::json &request, const sdk::RecordBatch *columns, Context &ctx);

// Text from a ledger may hold invalid UTF-8: replaced, not a failed batch.
inline std::string serialize(const Json &result) {
  return result.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace qloop::classify
