// qloop kpi: the brief's KPIs for a period against the one before it.
#include <cmath>
#include <cstdio>

#include "core/cli/commands.hpp"
#include "core/cli/ledger_support.hpp"
#include "core/cli/period_option.hpp"
#include "core/cli/text_table.hpp"
#include "core/workflow/kpi.hpp"

namespace qloop::cli {
namespace {

using nlohmann::json;

// Shares as percent, days and scores with one decimal, counts whole.
std::string shown(const std::optional<double> &v, const std::string &unit) {
  if (!v) return "-";
  char buf[32];
  if (unit == "share")
    std::snprintf(buf, sizeof buf, "%.1f%%", *v * 100);
  else if (unit == "count")
    std::snprintf(buf, sizeof buf, "%.0f", *v);
  else
    std::snprintf(buf, sizeof buf, "%.2f", *v);
  return buf;
}

std::string change_shown(const domain::Kpi &k) {
  if (!k.change) return "";
  char buf[32];
  if (k.unit == "count")
    std::snprintf(buf, sizeof buf, "%+.0f%%", *k.change * 100);
  else if (k.unit == "share")
    std::snprintf(buf, sizeof buf, "%+.1f pt", *k.change * 100);
  else
    std::snprintf(buf, sizeof buf, "%+.2f", *k.change);
  return buf;
}

} // namespace

void register_kpi(CLI::App &app, Context &ctx) {
  struct O {
    std::string from, to, as_of;
    double threshold = 0.8;
    bool as_json = false;
  };
  auto o = std::make_shared<O>();
  auto *cmd = app.add_subcommand("kpi", "KPIs for a period against the period before it (docs/kpi.md)");
  cmd->add_option("--from", o->from, "First day, YYYY-MM-DD (default: 1 January of this year)");
  cmd->add_option("--to", o->to, "Last day, inclusive, YYYY-MM-DD (default: today)");
  cmd->add_option("--as-of", o->as_of, "Judge open targets as of this time (ISO 8601; default now)");
  cmd->add_option("--pareto", o->threshold, "Share of the total the vital few reach (default 0.8)")
      ->check(CLI::Range(0.01, 1.0));
  cmd->add_flag("--json", o->as_json, "Machine-readable output");
  cmd->callback([&ctx, o] {
    auto &ledger = ctx.ledger();
    const auto &policy = ctx.sla_policy();
    const auto now = parse_time_option(o->as_of, ledger.now(), "--as-of");
    const std::string zone = policy.calendar.time_zone;
    const auto [from, to, period] = choose_period(o->from, o->to, zone, now);
    const auto report = workflow::compute_kpis(ledger.store(), policy, period, now, o->threshold);
    if (o->as_json) {
      ctx.out << domain::to_json(report).dump(2) << '\n';
      return;
    }
    ctx.out << "Period " << from << " .. " << to << " (" << zone << "), against the "
            << (period.to - period.from) / std::chrono::hours(24) << " days before\n";
    TextTable t({"KPI", "PERIOD", "BEFORE", "CHANGE", "OF"});
    for (const auto &k : report.kpis) {
      std::string of = k.unit == "share"
                           ? std::to_string(k.current.numerator) + "/" + std::to_string(k.current.denominator)
                       : k.unit == "count" ? ""
                                           : "n=" + std::to_string(k.current.denominator);
      if (k.current.pending) of += " (+" + std::to_string(k.current.pending) + " pending)";
      t.add({k.id, shown(k.current.value, k.unit), shown(k.previous.value, k.unit), change_shown(k), of});
    }
    t.print(ctx.out);
    auto top = [&](const char *title, const std::vector<domain::ParetoItem> &items) {
      ctx.out << '\n' << title << '\n';
      TextTable p({"", "COUNT", "SHARE", "CUMULATIVE", "VITAL FEW"});
      for (std::size_t i = 0; i < items.size() && i < 10; ++i)
        p.add({items[i].key, std::to_string(items[i].count), shown(items[i].share, "share"),
               shown(items[i].cumulative, "share"), items[i].vital ? "*" : ""});
      p.print(ctx.out);
    };
    top("Pareto by product", report.pareto_product);
    top("Pareto by defect (category / subcategory)", report.pareto_defect);
  });
}

} // namespace qloop::cli
