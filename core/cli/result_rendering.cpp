#include "core/cli/result_rendering.hpp"

#include <sstream>

#include <nlohmann/json.hpp>

#include "core/cli/exit_codes.hpp"
#include "core/cli/text_table.hpp"

namespace qloop::cli {
namespace {

std::string cell(const nlohmann::ordered_json &v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  if (v.is_number_float()) {
    std::ostringstream s;
    s.precision(6);
    s << v.get<double>();
    return s.str();
  }
  return v.dump();
}

} // namespace

std::string render_result(const std::string &result_json, const std::string &format) {
  // ordered_json keeps the plugin's order: "summary" is in display order.
  nlohmann::ordered_json result;
  try {
    result = nlohmann::ordered_json::parse(result_json);
  } catch (const nlohmann::json::exception &e) {
    throw CommandError{kExitPlugin, std::string("the plugin returned invalid JSON: ") + e.what()};
  }
  if (format == "json") return result.dump(2) + "\n";
  if (format == "svg") {
    if (!result.contains("charts") || result["charts"].empty())
      throw CommandError{kExitInvalidInput, "this result has no chart to write as SVG"};
    return result["charts"][0].value("svg", "");
  }
  std::ostringstream out;
  if (result.contains("summary") && result["summary"].is_object()) {
    TextTable t({"ITEM", "VALUE"});
    for (const auto &[k, v] : result["summary"].items()) t.add({k, cell(v)});
    t.print(out);
    out << '\n';
  }
  if (result.contains("tables")) {
    for (const auto &table : result["tables"]) {
      if (table.contains("title")) out << table["title"].get<std::string>() << '\n';
      std::vector<std::string> header;
      for (const auto &c : table.value("columns", nlohmann::ordered_json::array())) header.push_back(cell(c));
      TextTable t(header);
      for (const auto &row : table.value("rows", nlohmann::ordered_json::array())) {
        std::vector<std::string> cells;
        for (const auto &v : row) cells.push_back(cell(v));
        t.add(cells);
      }
      t.print(out);
      out << '\n';
    }
  }
  for (const auto &w : result.value("warnings", nlohmann::ordered_json::array()))
    out << "warning: " << cell(w) << '\n';
  return out.str();
}

} // namespace qloop::cli
