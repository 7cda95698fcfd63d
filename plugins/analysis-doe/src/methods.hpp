// The three methods, request JSON in, result JSON out. Each throws
// sdk::InvalidInput for a request it cannot serve. They move the table's cells
// out of the request (large tables are not copied): pass a copy to reuse it.
#pragma once

#include "request_io.hpp"

namespace qloop::doe {

Json design_method(Json &request);  // "doe.design"
Json analyze_method(Json &request); // "doe.analyze"
Json anova_method(Json &request);   // "anova"

} // namespace qloop::doe
