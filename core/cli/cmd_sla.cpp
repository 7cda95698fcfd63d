// qloop sla check: what is due soon and what is breached, with escalation.
#include "core/cli/commands.hpp"
#include "core/cli/ledger_support.hpp"
#include "core/cli/text_table.hpp"
#include "core/domain/json.hpp"
#include "core/workflow/sla_watch.hpp"

namespace qloop::cli {

using nlohmann::json;

void register_sla(CLI::App &app, Context &ctx) {
  auto *group = app.add_subcommand("sla", "Response-time targets");
  group->require_subcommand(1);
  struct O {
    double within_hours = 4;
    bool as_json = false;
    std::string at;
  };
  auto o = std::make_shared<O>();
  auto *check = group->add_subcommand(
      "check", "Open complaints breached or due within --within hours, with escalation");
  check->add_option("--within", o->within_hours, "Due-soon window in hours (default 4)");
  check->add_option("--at", o->at, "Judge as of this time (ISO 8601; default now)");
  check->add_flag("--json", o->as_json, "Machine-readable output");
  check->callback([&ctx, o] {
    auto &ledger = ctx.ledger();
    const auto now = parse_time_option(o->at, ledger.now(), "--at");
    const auto soon = now + std::chrono::seconds(static_cast<std::int64_t>(o->within_hours * 3600));
    json rows = json::array();
    for (const auto &item : workflow::open_sla_items(ledger, ctx.sla_policy(), now)) {
      const auto &s = item.state;
      const bool due_soon = s.due && *s.due <= soon;
      if (!s.breached && !due_soon) continue;
      rows.push_back({{"complaint", item.number},
                      {"severity", domain::severity_name(item.severity)},
                      {"target", workflow::sla_target_name(s.target)},
                      {"due", s.due},
                      {"state", s.breached ? "breached" : "due_soon"},
                      {"used_fraction", s.fraction},
                      {"escalate_to", s.escalated_to},
                      {"owner", item.owner},
                      {"waiting_on_customer", item.waiting_on_customer}});
    }
    if (o->as_json) {
      ctx.out << json{{"at", domain::format_iso(now)}, {"items", rows}}.dump(2) << '\n';
      return;
    }
    TextTable t({"COMPLAINT", "SEVERITY", "TARGET", "DUE", "STATE", "USED", "ESCALATE TO", "OWNER"});
    for (const auto &r : rows)
      t.add({r["complaint"], r["severity"], r["target"],
             r["due"].is_null() ? "(paused)" : r["due"].get<std::string>(), r["state"],
             std::to_string(static_cast<int>(r["used_fraction"].get<double>() * 100)) + "%",
             r["escalate_to"].is_null() ? "" : r["escalate_to"].get<std::string>(), r["owner"]});
    t.print(ctx.out);
    ctx.out << rows.size() << " item(s) breached or due within " << o->within_hours << " h\n";
  });

  auto *escalate = group->add_subcommand(
      "escalate", "Raise escalation events (audit kind sla.escalated) for levels newly reached; idempotent");
  escalate->add_option("--at", o->at, "Judge as of this past time (ISO 8601; default now)");
  escalate->add_flag("--json", o->as_json, "Machine-readable output");
  escalate->callback([&ctx, o] {
    auto &ledger = ctx.ledger();
    const auto now = parse_time_option(o->at, ledger.now(), "--at");
    // What is raised goes into the trail: it cannot be judged from the future.
    if (now > ledger.now())
      throw CommandError{kExitUsage, "--at: escalations are recorded in the audit trail; the time cannot be "
                                     "in the future"};
    const auto raised = workflow::raise_escalations(ledger, ctx.sla_policy(), now, ctx.actor());
    json rows = json::array();
    for (const auto &e : raised)
      rows.push_back({{"complaint", e.number},
                      {"target", workflow::sla_target_name(e.target)},
                      {"role", e.role},
                      {"level", e.level},
                      {"used_fraction", e.used_fraction}});
    if (o->as_json) {
      ctx.out << json{{"at", domain::format_iso(now)}, {"raised", rows}}.dump(2) << '\n';
      return;
    }
    TextTable t({"COMPLAINT", "TARGET", "ESCALATED TO", "LEVEL", "USED"});
    for (const auto &r : rows)
      t.add({r["complaint"], r["target"], r["role"],
             std::to_string(static_cast<int>(r["level"].get<double>() * 100)) + "%",
             std::to_string(static_cast<int>(r["used_fraction"].get<double>() * 100)) + "%"});
    if (!rows.empty()) t.print(ctx.out);
    ctx.out << rows.size() << " escalation(s) raised\n";
  });
}

} // namespace qloop::cli
