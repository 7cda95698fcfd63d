// Reading the request: the data table (from `table`, or `data` as a table or
// an array of row objects) and typed options, with InvalidInput messages that
// name the field and the rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <qloop/plugin.hpp>

namespace qloop::doe {

// Ordered, so that row objects keep their column order.
using Json = nlohmann::ordered_json;

// A table from JSON cells or, on the ABI 1.3 path, a view of host-owned
// columns (valid for the call); both read the same, messages included.
class DataTable {
public:
  // Takes `columns` when given, else `table`, else `data` ({columns, rows}
  // or [{column: value}, ...]).
  static DataTable from_request(Json &request, const sdk::RecordBatch *columns = nullptr);

  const std::vector<std::string> &columns() const { return columns_; }
  std::size_t row_count() const { return row_count_; }
  // A cell as JSON: null, number, string or boolean (a copy on the column path).
  Json cell(std::size_t row, std::size_t column) const;
  std::optional<std::size_t> find_column(const std::string &name) const;
  // Throws InvalidInput naming `field` when the column does not exist.
  std::size_t column_index(const std::string &name, const std::string &field) const;

  // A finite number, or InvalidInput "field '<column>' (data row n): ...".
  double number(std::size_t row, std::size_t column) const;
  bool is_missing(std::size_t row, std::size_t column) const {
    return from_.empty() ? rows_[row][column].is_null() : !sdk::RecordBatch::has(from_[column], row);
  }

private:
  std::vector<std::string> columns_;
  std::size_t row_count_ = 0;
  std::vector<std::vector<Json>> rows_;    // JSON cells, or
  std::vector<const qloop_column *> from_; // host columns, one per name
};

// A level as text: numbers in shortest round-trip form ("160", "0.5").
std::string level_text(const Json &value);

class Options {
public:
  // request["options"]; for `merge_data`, keys of an object `data` are
  // defaults under the options.
  Options(const Json &request, bool merge_data);

  bool has(const std::string &key) const;
  const Json *raw(const std::string &key) const;
  std::optional<std::string> text(const std::string &key) const;
  std::optional<long long> integer(const std::string &key, long long min, long long max) const;
  std::optional<std::uint64_t> unsigned_integer(const std::string &key) const;
  std::optional<double> number(const std::string &key, double min, double max) const;
  std::optional<bool> boolean(const std::string &key) const;
  // An array of strings, or one string (a single item).
  std::optional<std::vector<std::string>> text_list(const std::string &key) const;
  // The value of the first key present, for accepted spellings (center/centre).
  std::optional<std::string> first_present(std::initializer_list<const char *> keys) const;

private:
  Json options_;
};

} // namespace qloop::doe
