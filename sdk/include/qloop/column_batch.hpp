// qloop plugin SDK: an owning builder of a column table (qloop_record_batch,
// ABI 1.2/1.3), header-only. The host uses it to hand a CSV to an analysis
// plugin's analyze_columns; plugin authors use it to test their column path
// without a host. The builder owns every array the C view points into, so the
// view stays valid while the builder lives unchanged.
#ifndef QLOOP_COLUMN_BATCH_HPP
#define QLOOP_COLUMN_BATCH_HPP

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <qloop/plugin.h>

namespace qloop::sdk {

class ColumnBatch {
public:
  explicit ColumnBatch(std::size_t rows) : rows_(rows) {}

  // `present` holds one flag per row (0: null), or is empty when every row
  // has a value. Each vector must hold `rows` entries; throws
  // std::invalid_argument otherwise.
  void add_doubles(std::string name, std::vector<double> values, std::vector<std::uint8_t> present = {}) {
    check(name, values.size(), present.size());
    Column c;
    c.name = std::move(name);
    c.type = QLOOP_VALUE_DOUBLE;
    c.doubles = std::move(values);
    c.present = std::move(present);
    columns_.push_back(std::move(c));
  }
  void add_strings(std::string name, std::vector<std::string> values,
                   std::vector<std::uint8_t> present = {}) {
    check(name, values.size(), present.size());
    Column c;
    c.name = std::move(name);
    c.type = QLOOP_VALUE_STRING;
    c.strings = std::move(values);
    c.present = std::move(present);
    columns_.push_back(std::move(c));
  }

  // The columns of a JSON table {"columns": [...], "rows": [[...], ...]} as
  // the host would send them from the same CSV: a column of numbers and nulls
  // is DOUBLE, any other STRING (numbers in it as their JSON text). For tests
  // of a plugin's column path against its JSON path; `Json` is any
  // nlohmann::basic_json, so this header does not depend on it.
  template <class Json> static ColumnBatch from_json_table(const Json &table) {
    const auto &names = table.at("columns");
    const auto &rows = table.at("rows");
    ColumnBatch batch(rows.size());
    for (std::size_t j = 0; j < names.size(); ++j) {
      std::vector<std::uint8_t> present(rows.size(), 1);
      bool numeric = true;
      for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto &v = rows[r].at(j);
        present[r] = !v.is_null();
        numeric = numeric && (v.is_null() || (v.is_number() && !v.is_boolean()));
      }
      if (numeric) {
        std::vector<double> values(rows.size());
        for (std::size_t r = 0; r < rows.size(); ++r)
          if (present[r]) values[r] = rows[r].at(j).template get<double>();
        batch.add_doubles(names[j].template get<std::string>(), std::move(values), std::move(present));
      } else {
        std::vector<std::string> values(rows.size());
        for (std::size_t r = 0; r < rows.size(); ++r) {
          const auto &v = rows[r].at(j);
          if (v.is_string())
            values[r] = v.template get<std::string>();
          else if (!v.is_null())
            values[r] = v.dump();
        }
        batch.add_strings(names[j].template get<std::string>(), std::move(values), std::move(present));
      }
    }
    return batch;
  }

  std::size_t rows() const noexcept { return rows_; }
  std::size_t columns() const noexcept { return columns_.size(); }

  // The C view over the columns added so far. Invalidated by the next add.
  const qloop_record_batch &view() {
    view_columns_.assign(columns_.size(), qloop_column{});
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      Column &c = columns_[i];
      qloop_column &v = view_columns_[i];
      v.struct_size = sizeof(qloop_column);
      v.type = c.type;
      v.name = c.name.c_str();
      v.present = c.present.empty() ? nullptr : c.present.data();
      if (c.type == QLOOP_VALUE_STRING) {
        c.string_data.resize(c.strings.size());
        c.lengths.resize(c.strings.size());
        for (std::size_t r = 0; r < c.strings.size(); ++r) {
          c.string_data[r] = c.strings[r].data();
          c.lengths[r] = c.strings[r].size();
        }
        v.strings = c.string_data.data();
        v.lengths = c.lengths.data();
      } else {
        v.doubles = c.doubles.data();
      }
    }
    view_.struct_size = sizeof(qloop_record_batch);
    view_.column_count = static_cast<std::uint32_t>(view_columns_.size());
    view_.row_count = rows_;
    view_.columns = view_columns_.empty() ? nullptr : view_columns_.data();
    return view_;
  }

private:
  struct Column {
    std::string name;
    qloop_value_type type = QLOOP_VALUE_DOUBLE;
    std::vector<std::uint8_t> present;
    std::vector<double> doubles;
    std::vector<std::string> strings;
    std::vector<const char *> string_data;
    std::vector<std::size_t> lengths;
  };
  void check(const std::string &name, std::size_t values, std::size_t present) const {
    if (values != rows_ || (present != 0 && present != rows_))
      throw std::invalid_argument("column '" + name + "' has " + std::to_string(values) + " values for " +
                                  std::to_string(rows_) + " rows");
  }

  std::size_t rows_;
  std::vector<Column> columns_;
  std::vector<qloop_column> view_columns_;
  qloop_record_batch view_{};
};

} // namespace qloop::sdk

#endif // QLOOP_COLUMN_BATCH_HPP
