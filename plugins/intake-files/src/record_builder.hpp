// One source row -> one record (sdk/schemas/record.schema.json), checked
// against the schema's rules here too, so a row that fails is quarantined
// with a reason naming the row and every bad field, e.g.
//   row 17: quantity_affected 'abc' is not a whole number (column 不良数量)
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mapping.hpp"
#include "source_table.hpp"
#include "values.hpp"

namespace qloop::intake_files {

struct BuildOptions {
  std::string channel = "file"; // when no column gives one
  UtcOffset timezone;           // for date-times without an offset
  std::size_t max_field_bytes = 1u << 20;
  std::string file_name; // for record.extra._source
};

struct Built {
  nlohmann::json record;             // valid when problems is empty
  std::vector<std::string> problems; // "field 'value' is wrong (column X)"
};

Built build_record(const SourceRow &row, const SourceInfo &table, const ColumnPlan &plan,
                   const std::string &source_key, const BuildOptions &options);

// Problems of a record already built, by the schema's rules (required
// fields, types, enum, lengths). build_record applies it; tests use it to
// check that every record the plugin submits is valid.
std::vector<std::string> schema_problems(const nlohmann::json &record);

} // namespace qloop::intake_files
