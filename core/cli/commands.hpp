// One registration function per command group; each lives in its own file.
#pragma once

#include <CLI/CLI.hpp>

#include "core/cli/context.hpp"

namespace qloop::cli {

void register_version(CLI::App &app, Context &ctx);
void register_plugins(CLI::App &app, Context &ctx);
void register_config(CLI::App &app, Context &ctx);
void register_analyze(CLI::App &app, Context &ctx);
void register_complaint(CLI::App &app, Context &ctx);
void register_loop_steps(CLI::App &app, Context &ctx); // contact, action, 8d, revisit
void register_audit(CLI::App &app, Context &ctx);
void register_db(CLI::App &app, Context &ctx);
void register_demo(CLI::App &app, Context &ctx);
void register_sla(CLI::App &app, Context &ctx);
void register_intake(CLI::App &app, Context &ctx); // run, submit, quarantine
void register_export(CLI::App &app, Context &ctx); // ledger, 8d, review
void register_kpi(CLI::App &app, Context &ctx);
void register_classify(CLI::App &app, Context &ctx); // classify train|eval|try, triage list|review

// Parses argv and runs the chosen command; returns the process exit code.
int run(int argc, const char *const *argv, Context &ctx);

} // namespace qloop::cli
