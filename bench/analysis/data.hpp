// The benchmark data written by make_data.py, loaded into memory before any
// timing starts, and the JSON requests built from it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <qloop/column_batch.hpp>

namespace qloop::bench {

struct AnovaData {
  std::vector<std::int32_t> group; // 1..5
  std::vector<double> y;
};

struct DoeData {
  std::vector<std::int8_t> x; // rows x 5, -1/+1, row-major
  std::vector<double> y;
};

// Throw std::runtime_error naming the file when it is missing or short.
std::vector<double> load_imr(const std::string &dir, std::size_t n);
AnovaData load_anova(const std::string &dir, std::size_t n);
DoeData load_doe(const std::string &dir, std::size_t n);

// The requests, as a host sends them (docs/methods/*.md): the data as
// {"table": {"columns", "rows"}} for anova and doe.analyze, a plain array for
// the I-MR chart. Numbers are written in shortest round-trip form.
std::string anova_request(const AnovaData &d);
std::string doe_request(const DoeData &d);
std::string imr_request(const std::vector<double> &x);

// The same data for the ABI 1.3 column path: the host copies its arrays into
// DOUBLE columns (ColumnBatch), and the request keeps only the options.
sdk::ColumnBatch anova_columns(const AnovaData &d);
sdk::ColumnBatch doe_columns(const DoeData &d);
sdk::ColumnBatch imr_columns(const std::vector<double> &x);
extern const char *const kAnovaOptions;
extern const char *const kDoeOptions;
extern const char *const kImrOptions;

} // namespace qloop::bench
