// Method "fmea.ap": the action priority of one S/O/D (or S/F/M) combination.
#include <map>

#include <qloop/plugin.hpp>

#include "columns.hpp"
#include "input_rows.hpp"
#include "methods.hpp"
#include "values.hpp"
#include "worksheet.hpp"

namespace qloop::fmea {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

struct Given {
  json value;
  std::string path;
};

// Ratings may sit in data or in options (from --option S=9); data wins.
void collect(const json &obj, const std::string &prefix, std::map<Field, Given> &out) {
  if (!obj.is_object()) return;
  for (const auto &[key, value] : obj.items()) {
    auto f = field_for_header(key);
    if (f && !out.count(*f)) out[*f] = Given{value, prefix + "." + key};
  }
}

} // namespace

ordered_json run_ap(const json &request) {
  if (!request.is_object()) throw sdk::InvalidInput("field 'request': must be a JSON object");
  const json options = request.value("options", json::object());
  const json data = request.value("data", json::object());
  FmeaType type = FmeaType::Process;
  if (options.is_object() && options.contains("type"))
    type = parse_type(options["type"], "options.type");
  else if (data.is_object() && data.contains("type"))
    type = parse_type(data["type"], "data.type");

  std::map<Field, Given> given;
  collect(data, "data", given);
  collect(options, "options", given);
  auto rating = [&](Field f) {
    auto it = given.find(f);
    const std::string path = it == given.end() ? "data." + column_header(f, type, Lang::En) : it->second.path;
    return parse_rating(it == given.end() ? json(nullptr) : it->second.value, path, rating_label(f, type));
  };
  const int s = rating(Field::Severity), o = rating(Field::Second), d = rating(Field::Third);
  int ap_s = s;
  if (type == FmeaType::Msr && d == 1 && given.count(Field::SAfterMsr)) {
    auto &g = given[Field::SAfterMsr];
    ap_s = parse_rating(g.value, g.path, rating_label(Field::SAfterMsr, type));
  }
  const Ap ap = lookup_ap(type, ap_s, o, d);
  const ApRule &rule = type == FmeaType::Msr ? msr_rule(ap_s, o, d) : design_process_rule(ap_s, o, d);
  const bool msr = type == FmeaType::Msr;
  const std::string second = msr ? "F" : "O", third = msr ? "M" : "D";
  const std::string letter(1, ap_letter(ap));

  ordered_json result;
  result["method"] = "fmea.ap";
  ordered_json summary;
  summary["fmea_type"] = type_name(type);
  summary["S"] = s;
  summary[second] = o;
  summary[third] = d;
  summary["RPN"] = s * o * d;
  summary["AP"] = letter;
  result["summary"] = summary;
  ordered_json table;
  table["title"] = "Action priority";
  table["columns"] = json::array({"S", second, third, "RPN", "AP"});
  table["rows"] = json::array({json::array({s, o, d, s * o * d, letter})});
  result["tables"] = json::array({table});
  ordered_json details;
  details["ap_table"] = msr ? "AIAG & VDA FMEA Handbook (2019), Action Priority (AP) for FMEA-MSR"
                            : "AIAG & VDA FMEA Handbook (2019), Action Priority (AP) for DFMEA and PFMEA";
  details["ap_severity"] = ap_s;
  details["ap_rule"] = {{"S", {rule.s.lo, rule.s.hi}},
                        {second, {rule.second.lo, rule.second.hi}},
                        {third, {rule.third.lo, rule.third.hi}},
                        {"AP", letter}};
  result["details"] = details;
  return result;
}

} // namespace qloop::fmea
