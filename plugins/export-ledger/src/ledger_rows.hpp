// The ledger's three tables and how one case file becomes their rows. Every
// output format (XLSX, CSV, JSON Lines) writes these same typed cells, so the
// columns are defined once. Absent or oddly typed fields never fail: a value
// that is not what the column expects is kept as text, an absent one is empty.
#pragma once

#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "labels.hpp"

namespace qloop::ledger {

enum class Table { Complaints, Actions, EightD };

enum class ColumnType { Text, Integer, Days, DateTime, Bool };

struct Column {
  const char *key; // stable English key: CSV/JSONL field name, never translated
  Words label;     // heading; date columns get the time zone appended
  ColumnType type;
  double width; // XLSX column width in characters
  Codes codes = Codes::None;
};

std::span<const Column> columns(Table table);
Words sheet_name(Table table);
// The column heading; date columns say in which time zone they are shown.
std::string heading(const Column &column, Lang lang, int utc_offset_minutes);

struct Cell {
  enum class Kind { Empty, Text, Number, Time, Bool };
  Kind kind = Kind::Empty;
  std::string text;  // Text
  double number = 0; // Number; Time: seconds since 1970-01-01Z
  bool flag = false; // Bool

  static Cell of_text(std::string s) {
    Cell c;
    if (!s.empty()) {
      c.kind = Kind::Text;
      c.text = std::move(s);
    }
    return c;
  }
  static Cell of_number(double v) {
    Cell c;
    c.kind = Kind::Number;
    c.number = v;
    return c;
  }
};

using Row = std::vector<Cell>;

// Builds rows; `lang` decides the words inside composed 8D texts and, when
// `display_codes`, how coded values (severity, status, ...) read.
class RowBuilder {
public:
  RowBuilder(Lang lang, bool display_codes) : lang_(lang), display_codes_(display_codes) {}

  // The case file's complaint row. Throws std::invalid_argument when the case
  // file is not an object with a "complaint" object.
  Row complaint(const nlohmann::json &case_file) const;
  // One row per entry of "actions" that is an object.
  std::vector<Row> actions(const nlohmann::json &case_file) const;
  // The 8D summary row, or an empty row when the case file has no 8D content.
  Row eight_d(const nlohmann::json &case_file) const;

private:
  Cell coded(const nlohmann::json &object, const char *key, Codes codes) const;

  Lang lang_;
  bool display_codes_;
};

} // namespace qloop::ledger
