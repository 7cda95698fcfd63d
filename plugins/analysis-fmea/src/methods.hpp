// The plugin's methods, callable without the plugin boundary (tests use them
// directly): "fmea" rates a worksheet, "fmea.ap" looks up one action priority.
#ifndef QLOOP_FMEA_METHODS_HPP
#define QLOOP_FMEA_METHODS_HPP

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

namespace qloop::fmea {

using Logger = std::function<void(const std::string &)>;

// Request and result as in sdk/schemas/analysis-{request,result}.schema.json.
nlohmann::ordered_json run_fmea(const nlohmann::json &request, const Logger &log = nullptr);
nlohmann::ordered_json run_ap(const nlohmann::json &request);

} // namespace qloop::fmea

#endif
