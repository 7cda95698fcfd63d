// A complaint's whole file as one JSON document: what `complaint show --json`
// prints and what exporters receive (docs/ledger.md, "case file").
#pragma once

#include <nlohmann/json.hpp>

#include "core/cli/context.hpp"
#include "core/store/store.hpp"
#include "core/workflow/complaint_file.hpp"

namespace qloop::cli {

// Each SLA target of the complaint's grade: due, fraction used, met, breached.
nlohmann::json sla_json(Context &ctx, const workflow::ComplaintFile &f, domain::Timestamp now);

// complaint, contacts, actions, eight_d, revisits, sla; and "analyses" when given.
nlohmann::json case_file_json(Context &ctx, const workflow::ComplaintFile &f, domain::Timestamp now);
nlohmann::json case_file_json(Context &ctx, const workflow::ComplaintFile &f, domain::Timestamp now,
                              const std::vector<store::AnalysisRecord> &analyses);

} // namespace qloop::cli
