#include <nlohmann/json.hpp>

#include "core/cli/commands.hpp"
#include "core/cli/exit_codes.hpp"

namespace qloop::cli {

void register_config(CLI::App &app, Context &ctx) {
  auto *group = app.add_subcommand("config", "Inspect the configuration");
  group->require_subcommand(1);
  auto *check = group->add_subcommand(
      "check", "Validate the configuration and every plugin section; exit 3 when anything is wrong");
  auto json = std::make_shared<bool>(false);
  check->add_flag("--json", *json, "Machine-readable output");
  check->callback([&ctx, json] {
    const auto &config = ctx.config();
    auto &manager = ctx.plugins();
    std::vector<config::Diagnostic> all = config.diagnostics();
    all.insert(all.end(), manager.diagnostics().begin(), manager.diagnostics().end());
    for (const auto &name : config.section_names()) {
      if (name.find('.') == std::string::npos) continue;
      if (!manager.find(name))
        all.push_back({config::Diagnostic::Severity::Warning, config.file().string(), name, "",
                       "section for a plugin that is not loaded"});
    }
    bool errors = false;
    for (const auto &r : manager.records())
      if (r.state == plugins::PluginState::Refused) {
        all.push_back({config::Diagnostic::Severity::Error, config.file().string(), "", "",
                       "plugin " + r.path.filename().string() + " refused: " + r.reason});
      }
    for (const auto &d : all) errors = errors || d.severity == config::Diagnostic::Severity::Error;

    if (*json) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto &d : all)
        arr.push_back({{"severity", d.severity == config::Diagnostic::Severity::Error ? "error" : "warning"},
                       {"file", d.file},
                       {"section", d.section},
                       {"key", d.key},
                       {"message", d.message}});
      ctx.out << nlohmann::json{{"file", config.file().string()}, {"ok", !errors}, {"findings", arr}}.dump(2)
              << '\n';
    } else {
      for (const auto &d : all)
        ctx.out << (d.severity == config::Diagnostic::Severity::Error ? "error: " : "warning: ") << d.text()
                << '\n';
      ctx.out << (config.file().empty() ? std::string("built-in defaults") : config.file().string()) << ": "
              << (errors ? "INVALID" : "OK") << '\n';
    }
    if (errors) throw CommandError{kExitConfig, ""};
  });
}

} // namespace qloop::cli
