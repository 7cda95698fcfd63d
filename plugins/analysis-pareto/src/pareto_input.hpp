// Reading a Pareto request: which field to count by, the optional value
// column to sum instead of counting (cost), the settings, and one
// observation per row or record. Rows come from `table` (CSV through the
// host) or from `data.items` / `data.records` (JSON objects).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace qloop::pareto {

struct Settings {
  double threshold = 80;   // percent of the total the vital few must reach
  std::size_t top_n = 0;   // 0: no "other" bucket
  std::string other_label; // empty: "Other" / "其他"
};

struct Observation {
  std::string category;
  double value = 1; // 1 per row when counting
};

struct Input {
  std::string field;
  std::optional<std::string> value_field;
  Settings settings;
  std::vector<Observation> observations;
  std::size_t blank = 0; // rows without a category, kept as "(blank)"
  std::vector<std::string> warnings;
};

// The category rows without one are counted under.
inline constexpr const char *kBlankEn = "(blank)";
inline constexpr const char *kBlankZh = "(空白)";

// `defaults` are the plugin's configured settings; options override them.
Input read_input(const nlohmann::json &request, const Settings &defaults, bool zh);

} // namespace qloop::pareto
