// qloop sla check: what is due soon and what is breached, with escalation.
#include "core/cli/commands.hpp"
#include "core/cli/ledger_support.hpp"
#include "core/cli/text_table.hpp"
#include "core/domain/json.hpp"
#include "core/workflow/sla_clock.hpp"

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
  auto *check = group->add_subcommand("check", "Open complaints breached or due within --within hours, with escalation");
  check->add_option("--within", o->within_hours, "Due-soon window in hours (default 4)");
  check->add_option("--at", o->at, "Judge as of this time (ISO 8601; default now)");
  check->add_flag("--json", o->as_json, "Machine-readable output");
  check->callback([&ctx, o] {
    auto &ledger = ctx.ledger();
    const auto &policy = ctx.sla_policy();
    const auto now = parse_time_option(o->at, ledger.now(), "--at");
    const auto soon = now + std::chrono::seconds(static_cast<std::int64_t>(o->within_hours * 3600));
    store::ComplaintFilter f;
    f.open_only = true;
    f.limit = 1000000;
    std::vector<domain::Complaint> open;
    ledger.store().read([&] { open = ledger.store().complaints(f); });
    json rows = json::array();
    for (const auto &c : open) {
      auto file = ledger.file(c.id);
      std::optional<domain::Timestamp> responded;
      for (const auto &k : file.contacts)
        if (k.direction == domain::Direction::Outbound) {
          responded = k.at;
          break;
        }
      std::optional<domain::Timestamp> contained;
      if (!file.eight_d.d3.empty()) contained = file.eight_d.d3.front().done_at;
      using workflow::SlaTarget;
      for (auto target : {SlaTarget::FirstResponse, SlaTarget::Acknowledge, SlaTarget::Containment,
                          SlaTarget::RootCause, SlaTarget::Closure}) {
        auto per = policy.targets.find(c.severity);
        if (per == policy.targets.end() || !per->second.count(target)) continue;
        std::optional<domain::Timestamp> met;
        if (target == SlaTarget::FirstResponse || target == SlaTarget::Acknowledge) met = responded;
        if (target == SlaTarget::Containment) met = contained;
        if (target == SlaTarget::RootCause && file.eight_d.has_cause("occurrence")) met = now;
        if (target == SlaTarget::Closure) met = file.eight_d.d8.closed_at;
        if (met && *met <= now && target != SlaTarget::RootCause) {
          auto s = workflow::evaluate(policy, c.severity, target, c.received_at, met, now, file.pauses);
          if (!s.breached) continue; // met in time: nothing to report
        } else if (met) {
          continue;
        }
        auto s = workflow::evaluate(policy, c.severity, target, c.received_at, met, now, file.pauses);
        const bool due_soon = s.due && *s.due <= soon;
        if (!s.breached && !due_soon) continue;
        rows.push_back({{"complaint", c.number},
                        {"severity", domain::severity_name(c.severity)},
                        {"target", workflow::sla_target_name(target)},
                        {"due", s.due},
                        {"state", s.breached ? "breached" : "due_soon"},
                        {"used_fraction", s.fraction},
                        {"escalate_to", s.escalated_to},
                        {"owner", c.owner},
                        {"waiting_on_customer", c.waiting_on_customer}});
      }
    }
    if (o->as_json) {
      ctx.out << json{{"at", domain::format_iso(now)}, {"items", rows}}.dump(2) << '\n';
      return;
    }
    TextTable t({"COMPLAINT", "SEVERITY", "TARGET", "DUE", "STATE", "USED", "ESCALATE TO", "OWNER"});
    for (const auto &r : rows)
      t.add({r["complaint"], r["severity"], r["target"], r["due"].is_null() ? "(paused)" : r["due"].get<std::string>(),
             r["state"], std::to_string(static_cast<int>(r["used_fraction"].get<double>() * 100)) + "%",
             r["escalate_to"].is_null() ? "" : r["escalate_to"].get<std::string>(), r["owner"]});
    t.print(ctx.out);
    ctx.out << rows.size() << " item(s) breached or due within " << o->within_hours << " h\n";
  });
}

} // namespace qloop::cli
