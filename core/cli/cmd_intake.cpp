// qloop intake run|submit|quarantine: the intake channels on demand, and the
// quarantine of what they could not turn into complaints.
#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/cli/commands.hpp"
#include "core/cli/exit_codes.hpp"
#include "core/cli/file_io.hpp"
#include "core/cli/ledger_support.hpp"
#include "core/cli/text_table.hpp"
#include "core/domain/time.hpp"
#include "core/log/logging.hpp"

namespace qloop::cli {
namespace {

using nlohmann::json;

// "files" and "intake.files" name the same channel.
std::string channel_id(const std::string &name) {
  return name.find('.') == std::string::npos ? "intake." + name : name;
}

std::vector<std::shared_ptr<plugins::LoadedPlugin>> intake_plugins(Context &ctx, const std::string &channel) {
  std::vector<std::shared_ptr<plugins::LoadedPlugin>> out;
  for (const auto &p : ctx.plugins().loaded())
    if (p->info().kind == QLOOP_KIND_INTAKE && (channel.empty() || p->info().id == channel_id(channel)))
      out.push_back(p);
  if (out.empty())
    throw CommandError{kExitPlugin, channel.empty() ? "no intake plugin is loaded (see `qloop plugins list`)"
                                                    : "no loaded intake plugin '" + channel_id(channel) +
                                                          "' (see `qloop plugins list`)"};
  return out;
}

// Runs each channel once; a channel that fails is reported and the others
// still run. Returns the exit code.
int run_channels(Context &ctx, const std::vector<std::shared_ptr<plugins::LoadedPlugin>> &channels,
                 const json &request) {
  int code = kExitOk;
  for (const auto &plugin : channels) {
    try {
      auto instance = plugin->create();
      auto summary = instance.run_intake(request.dump());
      ctx.out << plugin->info().id << ": " << summary << '\n';
    } catch (const plugins::PluginCallError &e) {
      log::get("intake")->error("{}: {}", plugin->info().id, e.what());
      ctx.err << plugin->info().id << " failed: " << e.what() << '\n';
      code = e.status() == QLOOP_ERR_INVALID_INPUT ? kExitInvalidInput : kExitPlugin;
    }
  }
  return code;
}

std::string absolute(const std::string &path) {
  if (!std::filesystem::exists(path)) throw CommandError{kExitInvalidInput, "no such file: " + path};
  return std::filesystem::absolute(path).lexically_normal().string();
}

std::int64_t item_id(const std::string &text) {
  try {
    std::size_t used = 0;
    auto id = std::stoll(text, &used);
    if (used == text.size() && id > 0) return id;
  } catch (const std::exception &) {
  }
  throw CommandError{kExitUsage, "a quarantine item is named by its number, not '" + text + "'"};
}

json item_json(const store::QuarantineItem &q, bool with_raw) {
  json j = {{"id", q.id},
            {"channel", q.plugin},
            {"source_key", q.source_key},
            {"reason", q.reason},
            {"first_at", q.first_at},
            {"last_at", q.last_at},
            {"attempts", q.attempts},
            {"state", q.state},
            {"complaint_id", q.complaint_id},
            {"note", q.note},
            {"raw_bytes", q.raw.size()}};
  if (with_raw)
    j["raw"] = json::parse(q.raw, nullptr, false).is_discarded() ? json(q.raw) : json::parse(q.raw);
  return j;
}

void register_quarantine(CLI::App &intake, Context &ctx) {
  auto *q = intake.add_subcommand("quarantine", "What the channels could not take in, with the reasons");
  q->require_subcommand(1);

  struct ListOptions {
    std::string channel;
    bool all = false, as_json = false;
    std::size_t limit = 50;
  };
  auto lo = std::make_shared<ListOptions>();
  auto *list = q->add_subcommand("list", "Held items (oldest first)");
  list->add_option("--channel", lo->channel, "Only this channel");
  list->add_flag("--all", lo->all, "Also released and dismissed items");
  list->add_option("--limit", lo->limit, "At most this many (0: all)");
  list->add_flag("--json", lo->as_json, "Machine-readable output");
  list->callback([&ctx, lo] {
    store::QuarantineFilter f;
    f.plugin = lo->channel.empty() ? "" : channel_id(lo->channel);
    f.held_only = !lo->all;
    f.limit = lo->limit;
    auto items = ctx.intake().items(f);
    if (lo->as_json) {
      json out = json::array();
      for (const auto &i : items) out.push_back(item_json(i, false));
      ctx.out << out.dump(2) << '\n';
      return;
    }
    TextTable t({"ITEM", "CHANNEL", "STATE", "TRIES", "LAST", "SOURCE KEY", "REASON"});
    for (const auto &i : items)
      t.add({std::to_string(i.id), i.plugin, i.state, std::to_string(i.attempts),
             domain::format_iso(i.last_at).substr(0, 16), truncate_display(i.source_key, 40),
             truncate_display(i.reason, 70)});
    t.print(ctx.out);
    ctx.out << items.size() << " item(s)\n";
  });

  auto show_id = std::make_shared<std::string>();
  auto *show = q->add_subcommand("show", "One item with its raw input");
  show->add_option("ITEM", *show_id, "Item number")->required();
  show->callback([&ctx, show_id] {
    auto item = ledger_call([&] { return ctx.intake().item(item_id(*show_id)); });
    // Raw input is bytes as received (a GBK mail, say): bytes that are not
    // UTF-8 are shown as U+FFFD rather than failing the whole command.
    ctx.out << item_json(item, true).dump(2, ' ', false, json::error_handler_t::replace) << '\n';
  });

  struct RetryOptions {
    std::string id, record;
  };
  auto ro = std::make_shared<RetryOptions>();
  auto *retry = q->add_subcommand("retry", "Take the item in again, as it is or corrected");
  retry->add_option("ITEM", ro->id, "Item number")->required();
  retry->add_option("--record", ro->record, "A corrected record (JSON file, sdk/schemas/record.schema.json)");
  retry->callback([&ctx, ro] {
    std::optional<json> replacement;
    if (!ro->record.empty()) {
      auto parsed = json::parse(read_input_file(ro->record), nullptr, false);
      if (parsed.is_discarded()) throw CommandError{kExitInvalidInput, ro->record + ": not valid JSON"};
      replacement = std::move(parsed);
    }
    auto received =
        ledger_call([&] { return ctx.intake().retry(item_id(ro->id), replacement, ctx.actor()); });
    ctx.out << (received.created ? "created " : "already in the ledger as ") << received.complaint.number
            << '\n';
  });

  struct DismissOptions {
    std::string id, reason;
  };
  auto dio = std::make_shared<DismissOptions>();
  auto *dismiss = q->add_subcommand("dismiss", "Decide an item is not a complaint (kept, with why)");
  dismiss->add_option("ITEM", dio->id, "Item number")->required();
  dismiss->add_option("--reason", dio->reason, "Why")->required();
  dismiss->callback([&ctx, dio] {
    ledger_call([&] {
      ctx.intake().dismiss(item_id(dio->id), dio->reason, ctx.actor());
      return 0;
    });
    ctx.out << "dismissed " << dio->id << '\n';
  });
}

} // namespace

void register_intake(CLI::App &app, Context &ctx) {
  auto *intake = app.add_subcommand("intake", "Bring complaints in from the intake channels");
  intake->require_subcommand(1);

  struct RunOptions {
    std::string channel, file;
  };
  auto ro = std::make_shared<RunOptions>();
  auto *run = intake->add_subcommand("run", "Run the enabled channels once (or one channel)");
  run->add_option("--channel", ro->channel, "Only this channel (intake.files or files)");
  run->add_option("--file", ro->file, "Import this one file now (left where it is)");
  run->callback([&ctx, ro] {
    json request = json::object();
    if (!ro->file.empty()) request["file"] = absolute(ro->file);
    int code = run_channels(ctx, intake_plugins(ctx, ro->channel), request);
    if (code != kExitOk) throw CommandError{code, "one or more channels failed (see above)"};
  });

  struct SubmitOptions {
    std::string channel, file;
  };
  auto so = std::make_shared<SubmitOptions>();
  auto *submit = intake->add_subcommand("submit", "Hand one payload (a webhook body, a file) to a channel");
  submit->add_option("--channel", so->channel, "The channel, e.g. webhook")->required();
  submit->add_option("FILE", so->file, "The payload file")->required();
  submit->callback([&ctx, so] {
    int code =
        run_channels(ctx, intake_plugins(ctx, so->channel), json{{"payload_file", absolute(so->file)}});
    if (code != kExitOk) throw CommandError{code, "the channel refused the payload (see above)"};
  });

  register_quarantine(*intake, ctx);
}

} // namespace qloop::cli
