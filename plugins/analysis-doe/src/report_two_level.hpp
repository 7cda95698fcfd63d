// The result JSON of doe.analyze on a two-level factorial.
#pragma once

#include <string>
#include <vector>

#include "labels.hpp"
#include "request_io.hpp"
#include "two_level_analysis.hpp"

namespace qloop::doe {

struct TwoLevelFactorInfo {
  std::string name;
  std::string low, high;        // level labels
  std::optional<double> centre; // numeric centre value when there are centre points
};

struct TwoLevelReport {
  std::string response;
  std::vector<TwoLevelFactorInfo> factors;
  const TwoLevelResult *result = nullptr;
  TwoLevelOptions options;
  Labels labels;
  std::string coding; // "auto" or "coded"
  std::size_t dropped = 0;
  std::vector<std::string> warnings;
};

Json two_level_report(const TwoLevelReport &report);

} // namespace qloop::doe
