#include <ostream>

#include "core/cli/commands.hpp"
#include "core/cli/exit_codes.hpp"
#include "core/log/logging.hpp"

namespace qloop::cli {

int run(int argc, const char *const *argv, Context &ctx) {
  CLI::App app{"qloop: customer-complaint quality platform host", "qloop"};
  app.require_subcommand(1);
  app.add_option(
      "--config,-c", ctx.config_option,
      "Configuration file (.ini, .json or .xml); default $QLOOP_CONFIG, then the installed qloop.ini");
  app.add_option("--actor", ctx.actor_option,
                 "Who is acting, for the audit trail (default $QLOOP_ACTOR or $USER)");
  app.add_option("--log-level", ctx.log_level_option, "trace, debug, info, warn, error, critical or off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}));

  register_version(app, ctx);
  register_plugins(app, ctx);
  register_config(app, ctx);
  register_analyze(app, ctx);
  register_complaint(app, ctx);
  register_loop_steps(app, ctx);
  register_sla(app, ctx);
  register_intake(app, ctx);
  register_export(app, ctx);
  register_kpi(app, ctx);
  register_classify(app, ctx);
  register_audit(app, ctx);
  register_db(app, ctx);
  register_demo(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp &e) {
    ctx.out << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp &e) {
    ctx.out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::ParseError &e) {
    // Help of a subcommand comes through here too.
    if (e.get_exit_code() == 0) {
      app.exit(e, ctx.out, ctx.err);
      return kExitOk;
    }
    app.exit(e, ctx.out, ctx.err);
    return kExitUsage;
  } catch (const CommandError &e) {
    if (!e.message.empty()) ctx.err << "qloop: " << e.message << '\n';
    return e.code;
  } catch (const std::exception &e) {
    ctx.err << "qloop: " << e.what() << '\n';
    return kExitFailure;
  }
  return kExitOk;
}

} // namespace qloop::cli
