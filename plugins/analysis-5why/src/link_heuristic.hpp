// The "does this why follow from the answer above?" heuristic. A reviewer
// reads each question as a question about the previous answer; here that is
// approximated by shared keywords: Latin words (lower-cased, light suffix
// stripping, stop words dropped) and Chinese character bigrams (question
// words like 为什么 dropped).
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace qloop::fivewhy {

std::set<std::string> keywords(std::string_view text);

// The number of keywords `question` shares with `answer`, or -1 when the
// answer has no keywords at all (nothing to judge by).
int shared_keywords(std::string_view question, std::string_view answer);

} // namespace qloop::fivewhy
