// Which column feeds which record field. Built-in aliases cover the Chinese
// and English headers that call-centre, online-service and Excel exports
// use; the `mapping` and `mapping_file` settings add or override entries.
// Headers are compared loosely (see normalize_header), so "Lot No.",
// "lot_no" and "LOT NO" are one header.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace qloop::intake_files {

// Targets a header can map to: the record fields below, "extra" (keep it in
// record.extra under its header) or "ignore" (leave it out on purpose).
const std::vector<std::string> &mappable_fields();
// Columns a file must have, else the whole file fails.
const std::vector<std::string> &required_fields();

// Lower-case ASCII; drops spaces, '_', '-', '.', a trailing ':' / '：' / '*',
// and a trailing unit in brackets: "数量（个）" -> "数量", "Qty (pcs)" -> "qty".
std::string normalize_header(std::string_view header);

class Mapping {
public:
  // The built-in aliases.
  static Mapping defaults();

  // "客户全称=customer; 机型=product_model" (';' or new lines between
  // entries). `where` names the setting in errors. Throws
  // std::invalid_argument naming the bad entry.
  void add_text(std::string_view text, const std::string &where);
  // An INI file (header = field lines; [sections] and #/; comments allowed)
  // or a JSON object {"header": "field"} when the file is .json or starts
  // with '{'. Throws std::invalid_argument.
  void add_file(const std::string &path);
  void add(std::string_view header, std::string_view field, const std::string &where);

  // The target of a header, or "" when it has none (then it goes to extra).
  std::string target(std::string_view header) const;

private:
  std::map<std::string, std::string> aliases_; // normalized header -> target
};

// How a file's header row maps onto a record.
struct ColumnPlan {
  std::vector<std::string> headers; // as in the file (UTF-8, trimmed)
  // Per column: a record field, "extra" or "ignore". Two columns for one field:
  // the first feeds it, later ones go to extra.
  std::vector<std::string> targets;
  std::vector<std::string> extra_names; // per column: its key in record.extra
  std::vector<std::string> missing;     // required fields no column maps to
  std::vector<std::string> notes;       // duplicates and blanks, for the log
  // Index of the column feeding each field.
  std::map<std::string, std::size_t> field_column;
};

ColumnPlan plan_columns(const std::vector<std::string> &headers, const Mapping &mapping);

} // namespace qloop::intake_files
