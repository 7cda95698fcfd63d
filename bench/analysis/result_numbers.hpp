// The numbers of a qloop result that report.py compares with the peer's:
// the same keys as peer.py emits.
#pragma once

#include <nlohmann/json.hpp>

namespace qloop::bench {

// F, p, SS between, SS error, df error of the one factor.
nlohmann::json anova_numbers(const nlohmann::json &result);
// SS, F and p of every effect ("A", "AB", ... letters sorted), SS and df of error.
nlohmann::json doe_numbers(const nlohmann::json &result);
// I-chart centre and limits, MR-bar and MR UCL, count per Nelson rule on the
// I chart, I-chart points flagged, rule 1 on the MR chart, total violations.
nlohmann::json imr_numbers(const nlohmann::json &result);

} // namespace qloop::bench
