#include "breakdown.hpp"

#include <stdexcept>

// The plugins' internal headers, by path: both folders have a methods.hpp and
// a request_io.hpp.
#include "plugins/analysis-doe/src/factor_table.hpp"
#include "plugins/analysis-doe/src/methods.hpp"
#include "plugins/analysis-spc/src/data_input.hpp"
#include "plugins/analysis-spc/src/methods.hpp"
#include "plugins/analysis-spc/src/spc_options.hpp"
#include "plugins/analysis-spc/src/variables_charts.hpp"
#include "timer.hpp"

namespace qloop::bench {
namespace {

using Json = nlohmann::ordered_json; // what both plugins parse into

// Exactly the plugins' own first step (plugin.cpp: Json::parse(text, nullptr, false)).
Json parse(const std::string &text, double *seconds) {
  const auto t0 = now();
  Json j = Json::parse(text, nullptr, false);
  if (seconds) *seconds = since(t0);
  if (j.is_discarded()) throw std::runtime_error("benchmark request is not valid JSON");
  return j;
}

// The method's result written as the plugins do (plugin.cpp), then the
// request tree freed.
void finish(Lap &lap, Json &request, const Json &result) {
  if (!result.is_object()) throw std::runtime_error("method returned no object");
  auto t0 = now();
  const std::string text = result.dump(-1, ' ', false, Json::error_handler_t::replace);
  lap.write = since(t0);
  t0 = now();
  { Json gone = std::move(request); }
  lap.free = since(t0);
  if (text.empty()) throw std::runtime_error("empty result");
}

Lap factor_lap(const std::string &request, std::vector<std::string> factors,
               doe::Json (*method)(doe::Json &)) {
  Lap lap;
  {
    Json j = parse(request, &lap.parse);
    const auto t0 = now();
    doe::DataTable table = doe::DataTable::from_request(j);
    doe::FactorTableRequest req;
    req.response = "y";
    req.factors = std::move(factors);
    doe::FactorTable data = doe::read_factor_table(table, req);
    lap.read = since(t0);
    if (data.y.empty()) throw std::runtime_error("no observations read");
  }
  Json j = parse(request, nullptr);
  const auto t0 = now();
  const Json result = method(j);
  lap.method = since(t0);
  finish(lap, j, result);
  return lap;
}

} // namespace

Lap anova_lap(const std::string &request) { return factor_lap(request, {"g"}, &doe::anova_method); }

Lap doe_lap(const std::string &request) {
  return factor_lap(request, {"A", "B", "C", "D", "E"}, &doe::analyze_method);
}

Lap imr_lap(const std::string &request, const std::vector<double> &values) {
  Lap lap;
  Json j = parse(request, &lap.parse);
  {
    const auto t0 = now();
    const spc::Options o(j);
    spc::MeasuredData m = spc::read_measurements(j, o, false, nullptr);
    lap.read = since(t0);
    if (m.groups.values.size() != values.size())
      throw std::runtime_error("read a different number of values");
  }
  {
    const spc::Options o(j);
    std::vector<double> copy = values; // build_imr takes its values by value; the copy is not timed
    const auto t0 = now();
    spc::ChartSet set = spc::build_imr(std::move(copy), spc::Phase1{}, spc::LimitInputs{}, "data");
    spc::assign_rules(set, o);
    spc::evaluate_rules(set, spc::kDefaultMaxViolations, spc::kDefaultMaxPoints);
    lap.core = since(t0);
    if (!set.charts.front().violations) throw std::runtime_error("rules were not evaluated");
  }
  const auto t0 = now();
  const Json result = spc::spc_method(j);
  lap.method = since(t0);
  finish(lap, j, result);
  return lap;
}

} // namespace qloop::bench
