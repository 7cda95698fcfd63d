// key_columns: a row's source key made from the values of chosen columns
// instead of the file's hash and the row number, so a cumulative export
// (each day's file repeats the earlier rows) or a re-saved workbook brings in
// only what is new: the host skips keys it already has.
//   filekey:<channel>:<sha256 hex of the values as a compact JSON array>
// e.g. key_columns = 工单号 and a row with 工单号 "T-1" in channel "file":
//   filekey:file:<sha256 of the 7 bytes ["T-1"]>
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mapping.hpp"
#include "source_table.hpp"

namespace qloop::intake_files {

// "工单号; order_number, line" -> its entries, trimmed (';' ',' and their
// full-width forms separate them).
std::vector<std::string> parse_key_columns(std::string_view setting);

struct KeyColumns {
  std::vector<std::size_t> columns; // in the order of the setting
  std::vector<std::string> names;   // the file's headers of those columns, for messages
  std::string joined_names() const; // "工单号, 行号"
};

// Each entry is a header of the file (compared loosely, as mapping does) or
// a record field (order_number), or a header the mapping maps to a field:
// then the column feeding that field. Throws FileRejected naming the entries
// the file lacks and the headers it has.
KeyColumns resolve_key_columns(const std::vector<std::string> &entries, const ColumnPlan &plan,
                               const Mapping &mapping, std::size_t header_row);

struct RowKey {
  std::string source_key;    // filekey:<channel>:<hex>
  std::uint64_t fingerprint; // the first 64 bits of the digest
  std::string values;        // the values as JSON, for messages
};

// The row's key, or nothing when every key column is empty. Values are the
// cells' text trimmed like record text (spaces, NBSP, ideographic space; ="00123").
std::optional<RowKey> row_key(const SourceRow &row, const KeyColumns &key, const std::string &channel);

// The keys met so far in one file, to catch a key that repeats. Holds 64-bit
// fingerprints in one open-addressing table (16 bytes a keyed row), not the
// keys; two different keys would share a fingerprint about once in 10^10
// files of a million rows.
class SeenKeys {
public:
  struct Earlier {
    std::size_t row;     // where the key first was
    bool same_cells;     // whether that row's cells were the same
    std::uint32_t count; // how many rows had the key, this one included
  };
  // Remembers the key; the earlier sighting when it was seen before.
  std::optional<Earlier> add(std::uint64_t fingerprint, std::uint32_t cells_hash, std::size_t row);

private:
  struct Slot {
    std::uint64_t fingerprint = 0; // 0: empty (a real 0 is stored as 1)
    std::uint32_t row = 0;
    std::uint16_t cells_hash = 0;
    std::uint16_t count = 0;
  };
  void grow();
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

// A short hash of a row's cells, to tell a repeated row from a changed one.
std::uint32_t cells_hash(const SourceRow &row);

} // namespace qloop::intake_files
