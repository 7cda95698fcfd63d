// Builds the analysis request the host passes to a plugin from what the user
// gave `qloop analyze`: a JSON request file as is, or a CSV table turned into
// the request's "table", plus --option key=value pairs.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <qloop/column_batch.hpp>

namespace qloop::cli {

// Parses CSV text (RFC 4180 quoting, UTF-8 with or without BOM) into
// {"columns": [...], "rows": [[...]]}: cells that read as numbers become
// numbers, empty cells null. Throws CommandError naming the line on bad input.
nlohmann::json csv_to_table(const std::string &text);

// The same CSV as columns for the ABI 1.3 path: a column whose every cell is
// a number or empty is DOUBLE (empty cells not present), any other STRING.
sdk::ColumnBatch csv_to_columns(const std::string &text);

bool is_csv_name(const std::string &input_name);

// The request for `method`. `input_name` decides the parser by extension.
nlohmann::json build_request(const std::string &method, const std::string &input_name,
                             const std::string &content, const std::vector<std::string> &options);

} // namespace qloop::cli
