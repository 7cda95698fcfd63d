// qloop audit log|verify, qloop db migrate|status
#include "core/cli/commands.hpp"
#include "core/cli/ledger_support.hpp"
#include "core/cli/text_table.hpp"

namespace qloop::cli {

using nlohmann::json;

void register_audit(CLI::App &app, Context &ctx) {
  auto *group = app.add_subcommand("audit", "The hash-chained audit trail");
  group->require_subcommand(1);
  struct Log {
    std::string id;
    std::size_t limit = 100;
    std::int64_t after = 0;
    bool as_json = false, own_only = false;
  };
  auto o = std::make_shared<Log>();
  auto *log = group->add_subcommand("log", "Show events, for one complaint or all");
  log->add_option("ID", o->id, "Complaint number or id (default: all)");
  log->add_option("--limit", o->limit, "At most this many (0: all)");
  log->add_option("--after", o->after, "Only events after this sequence number");
  log->add_flag("--own", o->own_only,
                "Only the complaint's own events, not those of complaints merged or linked into it");
  log->add_flag("--json", o->as_json, "Machine-readable output");
  log->callback([&ctx, o] {
    auto &ledger = ctx.ledger();
    store::AuditFilter f;
    f.limit = o->limit;
    f.after_seq = o->after;
    if (!o->id.empty()) f.complaint_id = ledger_call([&] { return ledger.find(o->id).id; });
    f.include_merged = !o->own_only;
    std::vector<domain::AuditEvent> events;
    ledger.store().read([&] { events = ledger.store().events(f); });
    if (o->as_json) {
      json arr = json::array();
      for (const auto &e : events)
        arr.push_back({{"seq", e.seq},
                       {"at", domain::format_iso(e.at)},
                       {"actor", e.actor},
                       {"complaint_id", e.complaint_id ? json(*e.complaint_id) : json()},
                       {"kind", e.kind},
                       {"before", e.before},
                       {"after", e.after},
                       {"reason", e.reason},
                       {"hash", e.hash}});
      ctx.out << arr.dump(2) << '\n';
      return;
    }
    TextTable t({"SEQ", "AT", "ACTOR", "COMPLAINT", "EVENT", "CHANGE", "REASON"});
    for (const auto &e : events) {
      std::string change = e.before.empty() ? e.after : e.before + " -> " + e.after;
      if (change.size() > 80) change = change.substr(0, 77) + "...";
      t.add({std::to_string(e.seq), domain::format_iso(e.at), e.actor,
             e.complaint_id ? std::to_string(*e.complaint_id) : "-", e.kind, change, e.reason});
    }
    t.print(ctx.out);
  });
  auto *verify =
      group->add_subcommand("verify", "Check the hash chain; names the first broken event (exit 1)");
  verify->callback([&ctx] {
    auto problems = ctx.ledger().verify_audit();
    if (problems.empty()) {
      ctx.out << "audit trail intact\n";
      return;
    }
    ctx.out << "audit trail BROKEN at event " << problems.front().seq << ": " << problems.front().problem
            << '\n';
    throw CommandError{kExitFailure, ""};
  });
}

void register_db(CLI::App &app, Context &ctx) {
  auto *group = app.add_subcommand("db", "The ledger database");
  group->require_subcommand(1);
  auto *migrate =
      group->add_subcommand("migrate", "Apply pending schema migrations (also done at every start)");
  migrate->callback([&ctx] {
    auto &store = ctx.ledger().store();
    int applied = store.migrate();
    ctx.out << "schema version " << store.schema_version() << " (" << applied << " applied now)\n";
  });
  auto *status = group->add_subcommand("status", "Where the ledger is, its schema version and size");
  status->callback([&ctx] {
    auto &ledger = ctx.ledger();
    std::int64_t n = 0;
    ledger.store().read([&] { n = ledger.store().count_complaints({}); });
    ctx.out << "ledger: " << ctx.config().host().store_path.string()
            << "\nschema version: " << ledger.store().schema_version() << "\ncomplaints: " << n << '\n';
  });
}

} // namespace qloop::cli
