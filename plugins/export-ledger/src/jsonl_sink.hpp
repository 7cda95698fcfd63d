// The ledger as JSON Lines: one compact JSON object per line, UTF-8.
// Default shape "complaint": the complaints table flattened, keyed by the
// stable English column keys, with typed values (numbers, booleans, ISO 8601
// UTC times, null when absent) and coded values left as codes: for loading
// into other tools. Shape "casefile": each case file exactly as the host sent
// it (complaint, 8D, actions, contacts, revisits, analyses): lossless.
#pragma once

#include <cstddef>
#include <string>

#include "export_settings.hpp"
#include "file_writer.hpp"
#include "ledger_rows.hpp"
#include "sink.hpp"

namespace qloop::ledger {

// One row as a JSON object in column order.
nlohmann::ordered_json row_object(const Row &row, std::span<const Column> cols);

class JsonlSink : public Sink {
public:
  JsonlSink(const Settings &settings, const std::string &path);
  void write(const nlohmann::json &case_file) override;
  void finish(nlohmann::json &summary) override;

private:
  Settings settings_;
  RowBuilder builder_;
  FileWriter out_;
  std::size_t lines_ = 0;
};

} // namespace qloop::ledger
