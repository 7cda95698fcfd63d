// Times as a report prints them: "2025-11-25T18:01:27Z" becomes
// "2025-11-25 18:01 UTC" (minutes are what a reader needs; the zone is said).
#pragma once

#include <string>

namespace qloop::reportpdf {

// "2025-11-25T18:01:27Z" -> "2025-11-25 18:01 UTC"; "...+08:00" keeps its
// offset; a date stays a date; other text comes back unchanged.
std::string display_time(const std::string &iso);

} // namespace qloop::reportpdf
