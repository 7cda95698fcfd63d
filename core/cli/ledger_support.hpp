// Helpers shared by the ledger commands: error mapping, key=value changes,
// and the complaint table.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/cli/exit_codes.hpp"
#include "core/domain/complaint.hpp"
#include "core/workflow/ledger.hpp"

namespace qloop::cli {

// Runs fn, turning a LedgerError into the CommandError with the right exit code.
template <class Fn> auto ledger_call(Fn &&fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const workflow::LedgerError &e) {
    int code = e.kind() == workflow::LedgerError::Kind::NotFound  ? kExitNotFound
               : e.kind() == workflow::LedgerError::Kind::Invalid ? kExitInvalidInput
                                                                  : kExitRefused;
    throw CommandError{code, e.what()};
  }
}

// ["lot=L7", "quantity_affected=12"] -> {"lot": "L7", "quantity_affected": 12}
// (values that read as JSON numbers, booleans or null are taken as such).
nlohmann::json parse_assignments(const std::vector<std::string> &items);

// A time given on the command line: ISO 8601, or "now".
domain::Timestamp parse_time_option(const std::string &text, domain::Timestamp now, const char *option);

void print_complaints(std::ostream &out, const std::vector<domain::Complaint> &complaints);

} // namespace qloop::cli
