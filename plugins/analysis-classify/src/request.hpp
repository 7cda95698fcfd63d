// Reading a request's parameters. Each may be given at the top level of the
// request ({"model_dir": ...}) or under "options" (what `qloop analyze
// --option model_dir=...` sends); the top level wins. Messages name the
// parameter: "model_dir: must be an absolute path".
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <qloop/plugin.hpp>

#include "model.hpp"
#include "records.hpp"

namespace qloop::classify {

class Params {
public:
  // Throws InvalidInput unless `request` is an object (and options, if there, too).
  explicit Params(const nlohmann::json &request);

  const nlohmann::json *find(const char *key) const;
  std::optional<std::string> text(const char *key) const;
  // Finite numbers, or strings that read wholly as one.
  std::optional<double> number(const char *key) const;
  std::optional<std::int64_t> integer(const char *key, std::int64_t min, std::int64_t max) const;
  std::optional<bool> boolean(const char *key) const;
  // An absolute directory path; empty text counts as absent.
  std::optional<std::filesystem::path> directory(const char *key) const;

private:
  const nlohmann::json &request_;
  const nlohmann::json *options_ = nullptr;
};

// C, min_df and hash_bits, each optional.
TrainOptions train_options(const Params &params);

// The table from the host columns when given, else from request["table"].
Records read_records(const nlohmann::json &request, const sdk::RecordBatch *columns);

} // namespace qloop::classify
