// The closed loop as a state machine: which state may follow which, and the
// guards a CQE would expect on each step. Pure: judges a ComplaintFile.
#pragma once

#include <string>
#include <vector>

#include "core/domain/status.hpp"
#include "core/workflow/complaint_file.hpp"

namespace qloop::workflow {

// The states that may follow `from`, in the order a CQE usually takes them.
const std::vector<domain::Status> &next_states(domain::Status from);

// What is missing for `file` to move to `to` (empty: allowed). Each entry is a
// sentence a CQE can act on, e.g. "no escape cause (D4 kind 'escape')".
std::vector<std::string> missing_for(const ComplaintFile &file, domain::Status to, const std::string &reason);

// Missing items for closing D8 (no open actions).
std::vector<std::string> missing_for_d8_closure(const ComplaintFile &file);

// "cannot move QC-2026-00001 from received to archived: allowed next states are ..."
std::string illegal_transition_message(const domain::Complaint &c, domain::Status to);

} // namespace qloop::workflow
