// The result JSON of a categorical-factor ANOVA (the anova method, and
// doe.analyze on a general multi-level factorial).
#pragma once

#include <string>
#include <vector>

#include "factor_table.hpp"
#include "general_factorial.hpp"
#include "labels.hpp"
#include "request_io.hpp"

namespace qloop::doe {

struct CategoricalReport {
  std::string method;
  const FactorTable *table = nullptr;
  const CategoricalResult *result = nullptr;
  CategoricalOptions options;
  double alpha = 0.05;
  Labels labels;
  std::vector<std::string> warnings;
};

Json categorical_report(const CategoricalReport &report);

// FactorTable -> CategoricalData (copies the level indices).
CategoricalData categorical_data(const FactorTable &table);

const char *ss_type_name(SsType type);

} // namespace qloop::doe
