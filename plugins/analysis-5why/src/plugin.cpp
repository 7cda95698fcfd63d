// Plugin entry for method "5why": reads the configured defaults, hands the
// request to the method code, returns its result.
#include <algorithm>
#include <string>

#include <qloop/plugin.hpp>

#include "five_why_analysis.hpp"

namespace {

using qloop::fivewhy::Settings;

class FiveWhyPlugin : public qloop::sdk::AnalysisPlugin {
public:
  static constexpr const char *id = "analysis.5why";
  static constexpr const char *name = "5 Why";
  static constexpr const char *version = "1.0.0";
  static constexpr const char *vendor = "qloop";
  static constexpr const char *description =
      "5 Why chains (occurrence and escape) with review findings and a tree diagram";
  static constexpr const char *license = "Apache-2.0";
  static constexpr const char *methods[] = {"5why", nullptr};
  static constexpr qloop_config_key config_keys[] = {
      qloop::sdk::key("min_depth", QLOOP_CONFIG_INT, "3", "Fewer whys than this on a path is a finding"),
      qloop::sdk::key("max_depth", QLOOP_CONFIG_INT, "7", "More whys than this on a path is a finding"),
      qloop::sdk::key("link_check", QLOOP_CONFIG_BOOL, "true",
                      "Check that each why refers to the answer above it (shared keywords)"),
      qloop::sdk::key("link_min_shared", QLOOP_CONFIG_INT, "1",
                      "Keywords a why must share with the answer above"),
      qloop::sdk::key("require_evidence", QLOOP_CONFIG_BOOL, "true", "A step without evidence is a finding"),
  };

  using AnalysisPlugin::AnalysisPlugin;

  std::string analyze(std::string_view, std::string_view request_json) override {
    auto request = nlohmann::json::parse(request_json, nullptr, false);
    if (request.is_discarded()) throw qloop::sdk::InvalidInput("request: not valid JSON");
    auto result = qloop::fivewhy::analyze(request, configured());
    host().debug("5why: " + std::to_string(result["findings"].size()) + " findings");
    return result.dump();
  }

private:
  // The plugin's section ([analysis.5why]); request options override it.
  Settings configured() const {
    // Clamped before narrowing: a huge configured number is then reported, not wrapped.
    auto int_key = [&](const char *key, int fallback) {
      return static_cast<int>(std::clamp<long long>(host().config_int(key, fallback), -1, 1000));
    };
    Settings s;
    s.min_depth = int_key("min_depth", s.min_depth);
    s.max_depth = int_key("max_depth", s.max_depth);
    s.link_check = host().config_bool("link_check", s.link_check);
    s.link_min_shared = int_key("link_min_shared", s.link_min_shared);
    s.require_evidence = host().config_bool("require_evidence", s.require_evidence);
    if (s.min_depth < 1 || s.max_depth < s.min_depth || s.link_min_shared < 1)
      throw qloop::sdk::Error(QLOOP_ERR_CONFIG, "[analysis.5why]: need 1 <= min_depth <= max_depth and "
                                                "link_min_shared >= 1, got min_depth=" +
                                                    std::to_string(s.min_depth) +
                                                    " max_depth=" + std::to_string(s.max_depth));
    return s;
  }
};

} // namespace

QLOOP_PLUGIN(FiveWhyPlugin)
