// The observations of a table as a response and factor columns with their
// levels: what both doe.analyze and anova read from a request.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "request_io.hpp"

namespace qloop::doe {

struct FactorColumn {
  std::string name;
  bool numeric = true;              // every value a number (else every value text)
  std::vector<std::string> levels;  // distinct values as text: numbers ascending, text in order of appearance
  std::vector<double> level_values; // numeric factors: the value of each level
  std::vector<std::uint32_t> level_of; // per observation
};

struct FactorTable {
  std::string response;
  std::vector<double> y;
  std::vector<FactorColumn> factors;
  std::optional<FactorColumn> block;
  std::vector<std::size_t> source_row; // data row (0-based) of each observation
  std::size_t dropped = 0;             // rows skipped for missing values (drop_missing)
};

struct FactorTableRequest {
  std::string response;
  std::vector<std::string> factors;
  std::optional<std::string> block;
  bool drop_missing = false;
  const Json *level_order = nullptr; // options.levels: {factor: [level, ...]} for text factors
};

// Throws InvalidInput naming the column and data row for an empty cell (unless
// drop_missing), a non-numeric response, NaN, a column that mixes numbers and
// text, a factor with a single level, or a level order that misses a level.
FactorTable read_factor_table(const DataTable &table, const FactorTableRequest &request);

} // namespace qloop::doe
