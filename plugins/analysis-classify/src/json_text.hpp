// Writing JSON text directly, for the per-record part of a predict result:
// building a JSON object per record and serializing it cost more than the
// classification itself.
#pragma once

#include <string>
#include <string_view>

namespace qloop::classify {

// `s` as a JSON string literal. Invalid UTF-8 becomes U+FFFD, as the
// result's other parts do (nlohmann's error_handler_t::replace).
void append_json_string(std::string &out, std::string_view s);

// The shortest text that reads back as `v`; null when not finite.
void append_json_number(std::string &out, double v);

} // namespace qloop::classify
