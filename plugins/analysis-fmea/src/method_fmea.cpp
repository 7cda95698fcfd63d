// Method "fmea": read the worksheet, rate it, write it out when asked.
#include "csv_writer.hpp"
#include "evaluate.hpp"
#include "methods.hpp"
#include "output_table.hpp"
#include "request_options.hpp"
#include "result_json.hpp"
#include "xlsx_writer.hpp"

namespace qloop::fmea {

nlohmann::ordered_json run_fmea(const nlohmann::json &request, const Logger &log) {
  FmeaRequest options = parse_fmea_request(request);
  LoadedWorksheet input = load_worksheet(request, options);
  Evaluation ev = evaluate(input.worksheet, options.evaluate);
  OutputTable table = worksheet_table(ev, options.lang);

  WrittenFile written;
  if (options.output == OutputFormat::Xlsx) {
    XlsxExtras extras;
    extras.summary = summary_pairs(ev);
    extras.findings = ev.findings;
    write_xlsx(options.output_path, table, extras, options.lang);
    written = {options.output_path, "xlsx"};
  } else if (options.output == OutputFormat::Csv) {
    write_csv(options.output_path, table);
    written = {options.output_path, "csv"};
  }
  if (log && !written.path.empty())
    log("fmea: wrote " + std::to_string(ev.rows.size()) + " worksheet rows to " + written.path);
  return fmea_result(ev, table, options, input, written.path.empty() ? nullptr : &written);
}

} // namespace qloop::fmea
