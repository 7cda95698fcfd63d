// Turns one case file (contracts.md: what `qloop complaint show --json`
// prints, plus "analyses") into the report model. Containers of the wrong
// shape are errors naming the field ("case file: 'eight_d.d3[1]' must be an
// object"); scalars of an unexpected type are shown as text; unknown and
// absent fields are normal.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "labels.hpp"
#include "report_model.hpp"
#include "report_pdf/time_text.hpp"

namespace qloop::eightd {

// `generated_at` is the time printed on the report (ISO 8601 UTC). The case
// file is an ordered_json so an analysis summary keeps its display order.
// Throws qloop::sdk::InvalidInput on a case file it cannot read.
Report build_report(const nlohmann::ordered_json &case_file, Lang lang, const ModelLimits &limits,
                    const std::string &generated_at);

// "2025-11-25T18:01:27Z" -> "2025-11-25 18:01 UTC"; other text unchanged.
using reportpdf::display_time;

} // namespace qloop::eightd
