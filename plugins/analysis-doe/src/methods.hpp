// The three methods, request JSON in, result JSON out. Each throws
// sdk::InvalidInput for a request it cannot serve. They move the table's cells
// out of the request (large tables are not copied): pass a copy to reuse it.
#pragma once

#include "request_io.hpp"

namespace qloop::doe {

Json design_method(Json &request); // "doe.design"
// `columns`: the request's table as host columns (ABI 1.3 path), or null.
Json analyze_method(Json &request, const sdk::RecordBatch *columns); // "doe.analyze"
Json anova_method(Json &request, const sdk::RecordBatch *columns);   // "anova"
inline Json analyze_method(Json &request) { return analyze_method(request, nullptr); }
inline Json anova_method(Json &request) { return anova_method(request, nullptr); }

} // namespace qloop::doe
