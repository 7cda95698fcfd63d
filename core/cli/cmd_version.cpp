#include <nlohmann/json.hpp>
#include <qloop/plugin.h>

#include "core/cli/commands.hpp"
#include "core/version.hpp"

namespace qloop::cli {

void register_version(CLI::App &app, Context &ctx) {
  auto *cmd = app.add_subcommand("version", "Print the host version and the plugin ABI it speaks");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "Machine-readable output");
  cmd->callback([&ctx, json] {
    if (*json) {
      ctx.out << nlohmann::json{{"version", kVersion},
                                {"abi", {{"major", QLOOP_ABI_MAJOR}, {"minor", QLOOP_ABI_MINOR}}}}
                     .dump(2)
              << '\n';
    } else {
      ctx.out << "qloop " << kVersion << " (plugin ABI " << QLOOP_ABI_MAJOR << "." << QLOOP_ABI_MINOR
              << ")\n";
    }
  });
}

} // namespace qloop::cli
