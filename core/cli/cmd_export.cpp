// qloop export ledger|8d|review: streams case files from the ledger to an exporter
// plugin (export.<report>, or the one named with --exporter) in batches, so
// memory stays flat however large the ledger is.
#include <chrono>

#include <nlohmann/json.hpp>

#include "core/cli/case_file_json.hpp"
#include "core/cli/commands.hpp"
#include "core/cli/exit_codes.hpp"
#include "core/cli/file_io.hpp"
#include "core/cli/ledger_support.hpp"
#include "core/cli/period_option.hpp"
#include "core/log/logging.hpp"
#include "core/workflow/kpi.hpp"

namespace qloop::cli {
namespace {

using nlohmann::json;

constexpr std::size_t kBatch = 500;

struct CommonOptions {
  std::string format, out, lang = "en", exporter;
  std::vector<std::string> options;
};

void add_common(CLI::App *cmd, CommonOptions &o, const char *formats) {
  cmd->add_option("--format,-f", o.format, formats)->required();
  cmd->add_option("--out,-o", o.out, "The file to write")->required();
  cmd->add_option("--lang", o.lang, "Labels: en or zh-CN")->check(CLI::IsMember({"en", "zh-CN"}));
  cmd->add_option("--exporter", o.exporter, "Exporter plugin id (default export.<report>)");
  cmd->add_option("--option", o.options, "key=value passed to the exporter (repeatable)");
}

// The exporter for a report and format, checked before any work is done.
std::shared_ptr<plugins::LoadedPlugin> exporter_for(Context &ctx, const std::string &report,
                                                    const CommonOptions &o) {
  const std::string id = o.exporter.empty() ? "export." + report : o.exporter;
  auto plugin = ctx.plugins().find(id);
  if (!plugin || plugin->info().kind != QLOOP_KIND_EXPORTER)
    throw CommandError{kExitPlugin, "no loaded exporter '" + id + "' (see `qloop plugins list`)"};
  const auto &formats = plugin->info().capabilities;
  if (std::find(formats.begin(), formats.end(), o.format) == formats.end()) {
    std::string known;
    for (const auto &f : formats) known += (known.empty() ? "" : ", ") + f;
    throw CommandError{kExitUsage, id + " writes " + known + ", not " + o.format};
  }
  return plugin;
}

json request_for(const std::string &report, const CommonOptions &o, const std::filesystem::path &out,
                 json filters) {
  json options = parse_assignments(o.options);
  options["report"] = report;
  if (!filters.empty()) options["filters"] = std::move(filters);
  return {{"format", o.format}, {"output", out.string()}, {"lang", o.lang}, {"options", options}};
}

// Runs begin, one write_batch per page that `pages` produces, finish.
// Prints the exporter's summary.
void run_export(Context &ctx, const std::shared_ptr<plugins::LoadedPlugin> &plugin, const json &request,
                const std::function<void(const std::function<void(const json &)> &)> &pages) {
  const auto started = std::chrono::steady_clock::now();
  std::string summary;
  try {
    auto instance = plugin->create();
    instance.export_begin(request.dump());
    pages([&](const json &batch) { instance.export_batch(batch.dump()); });
    summary = instance.export_finish();
  } catch (const plugins::PluginCallError &e) {
    // The message already names the plugin and the call.
    throw CommandError{e.status() == QLOOP_ERR_INVALID_INPUT ? kExitInvalidInput : kExitPlugin, e.what()};
  }
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  log::get("export")->info("{} wrote {} in {} ms", plugin->info().id, request["output"].get<std::string>(),
                           ms.count());
  ctx.out << summary << '\n';
}

// A date (2026-01-31, taken as UTC midnight) or a full ISO date-time.
domain::Timestamp parse_bound(const std::string &text, const char *option, bool end_of_day,
                              domain::Timestamp now) {
  if (text.size() == 10) {
    auto t = parse_time_option(text + "T00:00:00Z", now, option);
    return end_of_day ? t + std::chrono::hours(24) : t;
  }
  return parse_time_option(text, now, option);
}

void register_ledger(CLI::App &group, Context &ctx) {
  struct Options : CommonOptions {
    std::string from, to, status, customer, product, category, severity, channel;
  };
  auto o = std::make_shared<Options>();
  auto *cmd = group.add_subcommand("ledger",
                                   "The ledger (complaints, actions, 8D summaries) as a spreadsheet or data");
  add_common(cmd, *o, "xlsx, csv or jsonl");
  cmd->add_option("--from", o->from, "Received on or after (date or ISO date-time)");
  cmd->add_option("--to", o->to, "Received up to and including this date (or before this date-time)");
  cmd->add_option("--status", o->status, "Only this status");
  cmd->add_option("--customer", o->customer, "Only this customer");
  cmd->add_option("--product", o->product, "Only this product model");
  cmd->add_option("--category", o->category, "Only this category");
  cmd->add_option("--severity", o->severity, "Only this severity")
      ->check(CLI::IsMember({"critical", "major", "minor"}));
  cmd->add_option("--channel", o->channel, "Only complaints that came in on this channel");
  cmd->callback([&ctx, o] {
    const auto out = checked_output_path(o->out);
    auto plugin = exporter_for(ctx, "ledger", *o);
    auto &ledger = ctx.ledger();
    store::ComplaintFilter filter;
    json filters = json::object();
    if (!o->status.empty()) {
      auto s = domain::parse_status(o->status);
      if (!s) throw CommandError{kExitUsage, "unknown status " + o->status};
      filter.status = s;
      filters["status"] = o->status;
    }
    if (!o->severity.empty()) {
      filter.severity = domain::parse_severity(o->severity);
      filters["severity"] = o->severity;
    }
    auto text_filter = [&](const std::string &value, std::string &field, const char *name) {
      if (value.empty()) return;
      field = value;
      filters[name] = value;
    };
    text_filter(o->customer, filter.customer, "customer");
    text_filter(o->product, filter.product_model, "product_model");
    text_filter(o->category, filter.category, "category");
    text_filter(o->channel, filter.channel, "channel");
    if (!o->from.empty()) {
      filter.received_from = parse_bound(o->from, "--from", false, ledger.now());
      filters["received_from"] = domain::format_iso(*filter.received_from);
    }
    if (!o->to.empty()) {
      filter.received_to = parse_bound(o->to, "--to", true, ledger.now());
      filters["received_before"] = domain::format_iso(*filter.received_to);
    }
    filter.limit = kBatch;
    const auto request = request_for("ledger", *o, out, filters);
    // One read snapshot for the whole export: a consistent ledger even while
    // others write, and stable pages.
    run_export(ctx, plugin, request, [&](const std::function<void(const json &)> &emit) {
      ledger.store().read([&] {
        for (filter.offset = 0;; filter.offset += kBatch) {
          auto page = ledger.store().complaints(filter);
          if (page.empty()) break;
          json batch = json::array();
          for (const auto &c : page)
            batch.push_back(
                case_file_json(ctx, ledger.file(c.id), ledger.now(), ledger.store().analyses(c.id)));
          emit(batch);
          if (page.size() < kBatch) break;
        }
      });
    });
  });
}

void register_eight_d(CLI::App &group, Context &ctx) {
  struct Options : CommonOptions {
    std::string id;
  };
  auto o = std::make_shared<Options>();
  auto *cmd = group.add_subcommand("8d", "One complaint's 8D report");
  cmd->add_option("ID", o->id, "Number (QC-2026-00042) or id")->required();
  add_common(cmd, *o, "html, pdf or md");
  cmd->callback([&ctx, o] {
    const auto out = checked_output_path(o->out);
    auto plugin = exporter_for(ctx, "8d", *o);
    auto &ledger = ctx.ledger();
    auto c = ledger_call([&] { return ledger.find(o->id); });
    json doc;
    ledger.store().read(
        [&] { doc = case_file_json(ctx, ledger.file(c.id), ledger.now(), ledger.store().analyses(c.id)); });
    run_export(ctx, plugin, request_for("8d", *o, out, json::object()),
               [&](const std::function<void(const json &)> &emit) { emit(json::array({doc})); });
  });
}

void register_review(CLI::App &group, Context &ctx) {
  struct Options : CommonOptions {
    std::string from, to, as_of;
    double threshold = 0.8;
  };
  auto o = std::make_shared<Options>();
  auto *cmd =
      group.add_subcommand("review", "The period review: the KPIs against the period before, with charts");
  add_common(cmd, *o, "html, pdf or xlsx");
  cmd->add_option("--from", o->from, "First day, YYYY-MM-DD (default: 1 January of this year)");
  cmd->add_option("--to", o->to, "Last day, inclusive, YYYY-MM-DD (default: today)");
  cmd->add_option("--as-of", o->as_of, "Judge open targets as of this time (ISO 8601; default now)");
  cmd->add_option("--pareto", o->threshold, "Share of the total the vital few reach (default 0.8)")
      ->check(CLI::Range(0.01, 1.0));
  cmd->callback([&ctx, o] {
    const auto out = checked_output_path(o->out);
    auto plugin = exporter_for(ctx, "review", *o);
    auto &ledger = ctx.ledger();
    const auto &policy = ctx.sla_policy();
    const auto now = parse_time_option(o->as_of, ledger.now(), "--as-of");
    const auto chosen = choose_period(o->from, o->to, policy.calendar.time_zone, now);
    json report =
        domain::to_json(workflow::compute_kpis(ledger.store(), policy, chosen.period, now, o->threshold));
    report["dates"] = {{"from", chosen.from}, {"to", chosen.to}};
    run_export(ctx, plugin, request_for("review", *o, out, json::object()),
               [&](const std::function<void(const json &)> &emit) { emit(json::array({report})); });
  });
}

} // namespace

void register_export(CLI::App &app, Context &ctx) {
  auto *group = app.add_subcommand("export", "Write reports and data out through the exporter plugins");
  group->require_subcommand(1);
  register_ledger(*group, ctx);
  register_eight_d(*group, ctx);
  register_review(*group, ctx);
}

} // namespace qloop::cli
