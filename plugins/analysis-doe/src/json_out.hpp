// Building the result JSON: numbers (NaN and infinities become null), ANOVA
// tables for display and for `details`.
#pragma once

#include <string>
#include <vector>

#include "glm_anova.hpp"
#include "request_io.hpp"

namespace qloop::doe {

Json number(double v);
// Degrees of freedom and counts: an integer when the value is whole.
Json whole(double v);
// A value rounded to `digits` significant digits for display tables (details
// keep full precision).
Json rounded(double v, int digits = 6);

// {"source", "df", "ss", "ms", "f", "p"}
Json anova_row_json(const AnovaRow &row);
// Display table: Source, DF, SS, MS, F, P.
Json anova_table(const std::string &title, const std::vector<AnovaRow> &rows);

Json finding(const std::string &severity, const std::string &rule, const std::string &message,
             const Json &where = Json());

// A number for a message, `digits` significant digits.
std::string fmt(double v, int digits = 4);

// "p < 0.0001" style text is left to renderers; this gives the p-value rounded.
std::string format_p(double p);

} // namespace qloop::doe
