// hello-analysis: the smallest useful qloop analysis plugin. Method
// "hello.stats" takes {"data": {"values": [numbers]}} (or a CSV with a
// "value" column) and returns count, mean and sample standard deviation.
#include <cmath>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <qloop/plugin.hpp>

namespace {

std::vector<double> read_values(const nlohmann::json &request) {
  std::vector<double> values;
  if (request.contains("data") && request["data"].contains("values")) {
    for (const auto &v : request["data"]["values"]) {
      if (!v.is_number()) throw qloop::sdk::InvalidInput("field 'data.values': every entry must be a number");
      values.push_back(v.get<double>());
    }
  } else if (request.contains("table")) {
    const auto &columns = request["table"]["columns"];
    auto it = std::find(columns.begin(), columns.end(), "value");
    if (it == columns.end()) throw qloop::sdk::InvalidInput("table: needs a column named 'value'");
    auto index = static_cast<std::size_t>(it - columns.begin());
    for (const auto &row : request["table"]["rows"]) {
      if (!row[index].is_number())
        throw qloop::sdk::InvalidInput("column 'value': every cell must be a number");
      values.push_back(row[index].get<double>());
    }
  }
  if (values.size() < 2) throw qloop::sdk::InvalidInput("field 'data.values': needs at least 2 numbers");
  return values;
}

class Hello : public qloop::sdk::AnalysisPlugin {
public:
  static constexpr const char *id = "analysis.hello";
  static constexpr const char *name = "Hello statistics";
  static constexpr const char *version = "1.0.0";
  static constexpr const char *vendor = "Example Vendor Ltd.";
  static constexpr const char *description = "Count, mean and standard deviation of a list of numbers";
  static constexpr const char *license = "Apache-2.0";
  static constexpr const char *methods[] = {"hello.stats", nullptr};
  static constexpr qloop_config_key config_keys[] = {
      qloop::sdk::key("decimals", QLOOP_CONFIG_INT, "4", "Digits after the point in the summary"),
  };

  using AnalysisPlugin::AnalysisPlugin;

  std::string analyze(std::string_view, std::string_view request_json) override {
    auto request = nlohmann::json::parse(request_json, nullptr, false);
    if (request.is_discarded()) throw qloop::sdk::InvalidInput("request: not valid JSON");
    auto values = read_values(request);
    // Welford's update: stable where a naive sum of squares is not.
    double mean = 0, m2 = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
      double delta = values[i] - mean;
      mean += delta / static_cast<double>(i + 1);
      m2 += delta * (values[i] - mean);
    }
    double sd = std::sqrt(m2 / static_cast<double>(values.size() - 1));
    double scale = std::pow(10.0, static_cast<double>(host().config_int("decimals", 4)));
    host().debug("hello.stats on " + std::to_string(values.size()) + " values");
    nlohmann::json result = {{"method", "hello.stats"},
                             {"summary",
                              {{"n", values.size()},
                               {"mean", std::round(mean * scale) / scale},
                               {"sd", std::round(sd * scale) / scale}}},
                             {"details", {{"mean", mean}, {"sd", sd}}}};
    return result.dump();
  }
};

} // namespace

QLOOP_PLUGIN(Hello)
