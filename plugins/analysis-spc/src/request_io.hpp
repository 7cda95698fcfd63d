// Reading requests: the options, a data table (from `table`, or `data` as
// {columns, rows} or row objects), and cell values with InvalidInput
// messages that name the field and the rule.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <qloop/plugin.hpp>

namespace qloop::spc {

using Json = nlohmann::ordered_json;

class Options {
public:
  explicit Options(const Json &request);

  bool has(const std::string &key) const;
  const Json *raw(const std::string &key) const;
  std::optional<std::string> text(const std::string &key) const;
  std::optional<long long> integer(const std::string &key, long long min, long long max) const;
  std::optional<double> number(const std::string &key) const;
  std::optional<bool> boolean(const std::string &key) const;
  // The first of several accepted spellings that is present.
  std::optional<std::string> first_present(std::initializer_list<const char *> keys) const;

private:
  Json options_;
};

// A number from a JSON value: finite numbers, or strings that read wholly as
// one. Empty when the value is not a number.
std::optional<double> as_number(const Json &v);
// true/false, "TRUE"/"FALSE"/"yes"/"no"/"1"/"0", 1/0.
std::optional<bool> as_boolean(const Json &v);
std::string describe(const Json &v);

// A table from JSON cells or, on the ABI 1.3 path, a view of host-owned
// columns (valid for the call); both read the same, messages included.
class DataTable {
public:
  // From `columns` when given, else `table`, or `data` when it is {columns,
  // rows} or an array of row objects; empty when the request holds no table.
  static std::optional<DataTable> from_request(const Json &request,
                                               const sdk::RecordBatch *columns = nullptr);

  const std::vector<std::string> &columns() const { return columns_; }
  std::size_t rows() const { return row_count_; }
  // A cell as JSON: null, number, string or boolean (a copy on the column path).
  Json cell(std::size_t row, std::size_t column) const;
  // Exact name first, then case-insensitive.
  std::optional<std::size_t> find(const std::string &name) const;
  // The first column whose name is one of `names` (case-insensitive).
  std::optional<std::size_t> find_any(std::initializer_list<const char *> names) const;
  std::size_t require(const std::string &name, const std::string &option) const;
  bool is_numeric_column(std::size_t column) const;

  // A finite number, or InvalidInput "field '<column>' (data row n): ...".
  double number(std::size_t row, std::size_t column) const;
  bool boolean(std::size_t row, std::size_t column) const;

private:
  double number_of(const Json &v, std::size_t row, std::size_t column) const;

  std::vector<std::string> columns_;
  std::size_t row_count_ = 0;
  std::vector<std::vector<Json>> rows_;    // JSON cells, or
  std::vector<const qloop_column *> from_; // host columns, one per name
};

// A finite number from `data` arrays: InvalidInput naming `field[i]`.
double number_at(const Json &array, std::size_t i, const std::string &field);

// "1-25", "1-10,12,15-20", or an array of 1-based positions: a mask over
// `points` positions. InvalidInput naming `field` on a bad entry.
std::vector<std::uint8_t> parse_positions(const Json &spec, std::size_t points, const std::string &field);

} // namespace qloop::spc
