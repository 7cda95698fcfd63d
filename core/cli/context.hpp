// What every command shares: global options, the configuration and the plugin
// manager, loaded on first use so `qloop version` touches neither.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>

#include "core/config/config.hpp"
#include "core/plugins/plugin_classifier.hpp"
#include "core/plugins/plugin_manager.hpp"
#include "core/store/store.hpp"
#include "core/workflow/intake.hpp"
#include "core/workflow/ledger.hpp"
#include "core/workflow/sla_policy.hpp"

namespace qloop::cli {

class Context {
public:
  Context(std::ostream &out, std::ostream &err) : out(out), err(err) {}

  std::filesystem::path config_option; // --config
  std::string log_level_option;        // --log-level
  std::string actor_option;            // --actor
  std::ostream &out;                   // command output (stdout)
  std::ostream &err;                   // messages for the user (stderr)

  // Loads the configuration and sets up logging; throws CommandError(kExitConfig).
  const config::Config &config();
  // Loads the enabled plugins (once). What intake plugins submit goes to intake().
  plugins::PluginManager &plugins();
  // Opens the ledger store (migrating it) and the ledger on it.
  workflow::Ledger &ledger();
  // Intake into the ledger; attachments under <data_dir>/attachments.
  workflow::Intake &intake();
  const workflow::SlaPolicy &sla_policy();
  // The classifier plugin ([classify] plugin), or null when none is
  // configured or it is not loaded (then `why` says which).
  plugins::PluginClassifier *classifier(std::string *why = nullptr);
  // Who is acting: --actor, else $QLOOP_ACTOR, else $USER, else "cli".
  std::string actor() const;

private:
  std::unique_ptr<config::Config> config_;
  std::unique_ptr<plugins::PluginManager> plugins_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<workflow::Ledger> ledger_;
  std::unique_ptr<workflow::Intake> intake_;
  std::unique_ptr<workflow::SlaPolicy> sla_;
  // Classification and routing are attached to intake when a plugin first
  // submits records, so commands that never take records in load neither.
  void attach_classification();
  bool classification_attached_ = false;
  std::unique_ptr<plugins::PluginClassifier> classifier_;
  std::unique_ptr<workflow::RoutingPolicy> routing_;
};

} // namespace qloop::cli
