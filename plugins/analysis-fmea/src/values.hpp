// Reading single cells: ratings (integers 1..10), dates, counts, text. Every
// failure throws qloop::sdk::InvalidInput naming the field and the rule.
#ifndef QLOOP_FMEA_VALUES_HPP
#define QLOOP_FMEA_VALUES_HPP

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace qloop::fmea {

// True for null, an empty string or a string of blanks.
bool is_blank(const nlohmann::json &v);

// A rating: an integer 1..10 given as a JSON number (7 or 7.0) or as text ("7").
// `path` names the field (e.g. "data.rows[2].O"), `label` the rating ("occurrence O").
int parse_rating(const nlohmann::json &v, const std::string &path, const std::string &label);
std::optional<int> parse_optional_rating(const nlohmann::json &v, const std::string &path,
                                         const std::string &label);

// Text of a cell: strings as they are, integral numbers without decimals.
std::string text_of(const nlohmann::json &v);

// A calendar date as YYYY-MM-DD. Accepts YYYY-MM-DD, YYYY/MM/DD and YYYY.MM.DD,
// with an optional time part after 'T' or a blank (dropped). Blank -> "".
std::string parse_date(const nlohmann::json &v, const std::string &path);
bool valid_iso_date(const std::string &text);

// A non-negative whole count (e.g. complaints).
long long parse_count(const nlohmann::json &v, const std::string &path);
// A finite number > 0 (e.g. exposure in units).
double parse_positive(const nlohmann::json &v, const std::string &path);

} // namespace qloop::fmea

#endif
