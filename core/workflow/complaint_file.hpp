// Everything the workflow needs to judge one complaint: the record, its 8D,
// actions, contacts, revisits, pauses and duplicate links. Loaded by the ledger from the store.
#pragma once

#include <vector>

#include "core/domain/action.hpp"
#include "core/domain/complaint.hpp"
#include "core/domain/complaint_link.hpp"
#include "core/domain/contact.hpp"
#include "core/domain/eight_d.hpp"
#include "core/domain/revisit.hpp"
#include "core/workflow/sla_clock.hpp"

namespace qloop::workflow {

struct ComplaintFile {
  domain::Complaint complaint;
  domain::EightD eight_d;
  std::vector<domain::Action> actions;
  std::vector<domain::Contact> contacts;
  std::vector<domain::Revisit> revisits;
  std::vector<Pause> pauses;
  std::vector<domain::ComplaintLink> links; // active: folded into it, or it into another
};

} // namespace qloop::workflow
