// The data of an SPC or capability request, whichever form it came in:
//   CSV / `table`:  a value column (+ subgroup column or subgroup_size, trial
//                   column), or count and size columns for attribute charts;
//   `data`:         [x, ...] | [[x, ...], ...] | {"values": [...]} |
//                   {"subgroups": [[...], ...]} | {"counts": [...], "sizes": [...]}
//                   with an optional "trial": [true, false, ...] per point.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "attribute_charts.hpp"
#include "chart_series.hpp"
#include "request_io.hpp"

namespace qloop::spc {

struct MeasuredData {
  std::string field = "data";      // the name errors and labels use for the values
  Subgroups groups;                // size-1 groups for individual values
  bool individuals = true;         // no subgroup structure was given
  std::vector<std::uint8_t> trial; // per point, from a trial column or data.trial; empty if none
  std::vector<std::string> labels; // subgroup ids from the subgroup column (table form)
};

struct CountData {
  AttributeData data;
  std::vector<std::uint8_t> trial;
};

enum class DataShape { individuals, subgroups, counts };

// What the data look like, to choose a default chart.
// `columns`: the table on the ABI 1.3 path (then the request has none).
DataShape detect_shape(const Json &request, const Options &options, const sdk::RecordBatch *columns);

// `want_subgroups`: group the values (X̄ charts, capability with subgroups);
// otherwise every value is its own point.
MeasuredData read_measurements(const Json &request, const Options &options, bool want_subgroups,
                               const sdk::RecordBatch *columns);
CountData read_counts(const Json &request, const Options &options, const std::string &chart,
                      const sdk::RecordBatch *columns);

// The phase-I set: option `phase1` (positions) wins, else the trial flags,
// else every point.
Phase1 phase1_from(const Options &options, const std::vector<std::uint8_t> &trial, std::size_t points);

} // namespace qloop::spc
