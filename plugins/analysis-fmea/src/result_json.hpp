// Assembling the analysis result (sdk/schemas/analysis-result.schema.json)
// of the "fmea" method from an evaluated worksheet.
#ifndef QLOOP_FMEA_RESULT_JSON_HPP
#define QLOOP_FMEA_RESULT_JSON_HPP

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "evaluate.hpp"
#include "output_table.hpp"
#include "request_options.hpp"

namespace qloop::fmea {

// The headline figures, in display order (also the XLSX summary sheet).
std::vector<std::pair<std::string, nlohmann::json>> summary_pairs(const Evaluation &ev);

nlohmann::json finding_json(const Finding &f);
nlohmann::json row_details(const EvaluatedRow &e, FmeaType type);

struct WrittenFile {
  std::string path, format;
};

nlohmann::ordered_json fmea_result(const Evaluation &ev, const OutputTable &table, const FmeaRequest &request,
                                   const LoadedWorksheet &input, const WrittenFile *written);

} // namespace qloop::fmea

#endif
