#include "core/cli/context.hpp"

#include <ostream>

#include "core/cli/exit_codes.hpp"
#include "core/log/logging.hpp"
#include "core/store/sqlite/sqlite_store.hpp"

namespace qloop::cli {

const config::Config &Context::config() {
  if (config_) return *config_;
  try {
    config_ = std::make_unique<config::Config>(config::Config::load(config::Config::locate(config_option)));
  } catch (const config::ConfigError &e) {
    throw CommandError{kExitConfig, e.what()};
  }
  log::Settings settings = config_->host().log;
  if (!log_level_option.empty()) {
    settings.level = log_level_option;
    settings.levels.clear();
  }
  if (!settings.file.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(settings.file).parent_path(), ec);
  }
  try {
    log::configure(settings);
  } catch (const std::exception &e) {
    throw CommandError{kExitConfig, std::string("logging: ") + e.what()};
  }
  for (const auto &d : config_->diagnostics()) {
    if (d.severity == config::Diagnostic::Severity::Warning) log::get("config")->warn("{}", d.text());
  }
  return *config_;
}

plugins::PluginManager &Context::plugins() {
  if (plugins_) return *plugins_;
  // The hooks open the ledger only when a plugin submits something, so
  // commands that never touch intake never open the store.
  auto hooks = std::make_shared<plugins::HostHooks>();
  hooks->submit_records = [this](const std::string &plugin, std::string_view records) -> std::string {
    try {
      attach_classification();
      intake().submit(plugin, records);
      return {};
    } catch (const std::exception &e) {
      return e.what();
    }
  };
  hooks->quarantine = [this](const std::string &plugin, const std::string &key, std::string_view raw,
                             const std::string &reason) -> std::string {
    try {
      intake().quarantine(plugin, key, raw, reason);
      return {};
    } catch (const std::exception &e) {
      return e.what();
    }
  };
  plugins_ = std::make_unique<plugins::PluginManager>(config(), hooks);
  plugins_->load_all();
  for (const auto &d : plugins_->diagnostics())
    if (d.severity == config::Diagnostic::Severity::Warning) log::get("config")->warn("{}", d.text());
  return *plugins_;
}

workflow::Ledger &Context::ledger() {
  if (ledger_) return *ledger_;
  const auto &path = config().host().store_path;
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  try {
    store_ = std::make_unique<store::sqlite::SqliteStore>(path);
  } catch (const std::exception &e) {
    throw CommandError{kExitFailure, "cannot open the ledger " + path.string() + ": " + e.what()};
  }
  ledger_ = std::make_unique<workflow::Ledger>(*store_);
  return *ledger_;
}

workflow::Intake &Context::intake() {
  if (!intake_) {
    const auto &settings = config().host().intake;
    workflow::DuplicatePolicy duplicates;
    duplicates.link = settings.link_duplicates;
    duplicates.other_channels_only = !settings.duplicates_across_any_channel;
    duplicates.window_days = settings.duplicate_window_days;
    duplicates.min_similarity = settings.duplicate_similarity;
    intake_ =
        std::make_unique<workflow::Intake>(ledger(), config().host().data_dir / "attachments", duplicates);
  }
  return *intake_;
}

plugins::PluginClassifier *Context::classifier(std::string *why) {
  const auto &settings = config().host().classify;
  if (classifier_) return classifier_.get();
  if (settings.plugin.empty()) {
    if (why) *why = "[classify] plugin is empty: classification is off";
    return nullptr;
  }
  auto plugin = plugins().find(settings.plugin);
  if (!plugin) {
    if (why) *why = "the classifier plugin " + settings.plugin + " is not loaded (see qloop plugins list)";
    return nullptr;
  }
  try {
    classifier_ = std::make_unique<plugins::PluginClassifier>(plugin, settings.model_dir);
  } catch (const std::exception &e) {
    if (why) *why = settings.plugin + ": " + e.what();
    return nullptr;
  }
  return classifier_.get();
}

void Context::attach_classification() {
  if (classification_attached_) return;
  classification_attached_ = true;
  const auto &settings = config().host().classify;
  std::string why;
  if (auto *c = classifier(&why))
    intake().set_classifier(c, workflow::ClassifyPolicy{settings.triage_below});
  else
    log::get("intake")->info("records are not classified: {}", why);
  if (settings.routing.empty()) return;
  try {
    routing_ = std::make_unique<workflow::RoutingPolicy>(workflow::RoutingPolicy::load(settings.routing));
    intake().set_routing(routing_.get());
  } catch (const std::exception &e) {
    log::get("intake")->warn("complaints are not assigned: {}", e.what());
  }
}

const workflow::SlaPolicy &Context::sla_policy() {
  if (sla_) return *sla_;
  const auto &file = config().host().sla_policy;
  try {
    sla_ = std::make_unique<workflow::SlaPolicy>(file.empty() ? workflow::SlaPolicy::defaults()
                                                              : workflow::SlaPolicy::load(file));
  } catch (const std::exception &e) {
    throw CommandError{kExitConfig, e.what()};
  }
  return *sla_;
}

std::string Context::actor() const {
  if (!actor_option.empty()) return actor_option;
  for (const char *var : {"QLOOP_ACTOR", "USER"})
    if (const char *v = std::getenv(var); v != nullptr && *v != '\0') return v;
  return "cli";
}

} // namespace qloop::cli
