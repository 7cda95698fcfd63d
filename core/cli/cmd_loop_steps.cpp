// The steps of the loop after receipt: qloop contact add, action add|update|
// verify, 8d show|set, revisit.
#include <fstream>

#include "core/cli/commands.hpp"
#include "core/cli/ledger_support.hpp"
#include "core/domain/json.hpp"

namespace qloop::cli {
namespace {

using nlohmann::json;

void register_contact(CLI::App &app, Context &ctx) {
  auto *group = app.add_subcommand("contact", "Customer contacts (every call, mail and visit)");
  group->require_subcommand(1);
  struct O {
    std::string id, channel = "phone", direction = "out", purpose = "update", summary, at;
    bool as_json = false;
  };
  auto o = std::make_shared<O>();
  auto *add = group->add_subcommand("add", "Record a contact with the customer");
  add->add_option("ID", o->id, "Complaint number or id")->required();
  add->add_option("--channel", o->channel, "phone, email, visit, chat, ...");
  add->add_option("--direction", o->direction, "out (we contacted them) or in")
      ->check(CLI::IsMember({"in", "out"}));
  add->add_option("--purpose", o->purpose, "first_response, update, feedback, revisit or other");
  add->add_option("--summary", o->summary, "What was said")->required();
  add->add_option("--at", o->at, "When (ISO 8601; default now)");
  add->add_flag("--json", o->as_json, "Print the contact as JSON");
  add->callback([&ctx, o] {
    auto &ledger = ctx.ledger();
    domain::Contact c;
    c.channel = o->channel;
    c.direction = o->direction == "in" ? domain::Direction::Inbound : domain::Direction::Outbound;
    c.purpose = o->purpose;
    c.summary = o->summary;
    c.at = parse_time_option(o->at, ledger.now(), "--at");
    auto added = ledger_call([&] { return ledger.add_contact(ledger.find(o->id).id, c, ctx.actor()); });
    if (o->as_json)
      ctx.out << json(added).dump(2) << '\n';
    else
      ctx.out << "contact " << added.id << " recorded\n";
  });
}

void register_action(CLI::App &app, Context &ctx) {
  auto *group = app.add_subcommand("action", "Temporary, permanent and preventive actions");
  group->require_subcommand(1);

  struct Add {
    std::string id, type = "permanent", description, owner, department, due;
    bool as_json = false;
  };
  auto a = std::make_shared<Add>();
  auto *add = group->add_subcommand("add", "Add an action to a complaint");
  add->add_option("ID", a->id, "Complaint number or id")->required();
  add->add_option("--type", a->type, "temporary, permanent or preventive")
      ->check(CLI::IsMember({"temporary", "permanent", "preventive"}));
  add->add_option("--description", a->description, "What will be done")->required();
  add->add_option("--owner", a->owner, "Who is responsible")->required();
  add->add_option("--department", a->department, "Owner department");
  add->add_option("--due", a->due, "Due (ISO 8601)");
  add->add_flag("--json", a->as_json, "Print the action as JSON");
  add->callback([&ctx, a] {
    auto &ledger = ctx.ledger();
    domain::Action action;
    action.type = *domain::parse_action_type(a->type);
    action.description = a->description;
    action.owner = a->owner;
    action.owner_department = a->department;
    if (!a->due.empty()) action.due = parse_time_option(a->due, ledger.now(), "--due");
    auto added = ledger_call([&] { return ledger.add_action(ledger.find(a->id).id, action, ctx.actor()); });
    if (a->as_json)
      ctx.out << json(added).dump(2) << '\n';
    else
      ctx.out << "A-" << added.id << " added\n";
  });

  struct Update {
    std::int64_t id = 0;
    std::vector<std::string> sets;
  };
  auto u = std::make_shared<Update>();
  auto *update = group->add_subcommand("update", "Change an action: --set status=done --set evidence=...");
  update->add_option("ACTION", u->id, "Action id (the number in A-12)")->required();
  update->add_option("--set", u->sets, "field=value (repeatable)")->required();
  update->callback([&ctx, u] {
    auto &ledger = ctx.ledger();
    auto changes = parse_assignments(u->sets);
    if (changes.contains("due") && changes["due"].is_string())
      changes["due"] = json(parse_time_option(changes["due"], ledger.now(), "due"));
    auto updated = ledger_call([&] { return ledger.update_action(u->id, changes, ctx.actor()); });
    ctx.out << "A-" << updated.id << " " << domain::action_status_name(updated.status) << '\n';
  });

  struct Verify {
    std::int64_t id = 0;
    std::string result;
  };
  auto v = std::make_shared<Verify>();
  auto *verify =
      group->add_subcommand("verify", "Record the verification of a done action (not by its owner)");
  verify->add_option("ACTION", v->id, "Action id")->required();
  verify->add_option("--result", v->result, "What the data showed")->required();
  verify->callback([&ctx, v] {
    auto &ledger = ctx.ledger();
    auto verified = ledger_call([&] { return ledger.verify_action(v->id, v->result, ctx.actor()); });
    ctx.out << "A-" << verified.id << " verified by " << verified.verified_by << '\n';
  });
}

void register_eight_d(CLI::App &app, Context &ctx) {
  auto *group = app.add_subcommand("8d", "The structured 8D record, D0 to D8");
  group->require_subcommand(1);
  struct Show {
    std::string id, section;
  };
  auto s = std::make_shared<Show>();
  auto *show = group->add_subcommand("show", "Print the 8D (or one section) as JSON");
  show->add_option("ID", s->id, "Complaint number or id")->required();
  show->add_option("--section", s->section, "d0 ... d8");
  show->callback([&ctx, s] {
    auto &ledger = ctx.ledger();
    auto f = ledger_call([&] { return ledger.file(ledger.find(s->id).id); });
    json doc = f.eight_d;
    if (!s->section.empty()) {
      if (!doc.contains(s->section)) throw CommandError{kExitUsage, "--section: expected d0 to d8"};
      doc = doc[s->section];
    }
    ctx.out << doc.dump(2) << '\n';
  });
  struct Set {
    std::string id, section, file, text;
  };
  auto t = std::make_shared<Set>();
  auto *set = group->add_subcommand("set", "Replace one section from JSON (--file or --json)");
  set->add_option("ID", t->id, "Complaint number or id")->required();
  set->add_option("SECTION", t->section, "d0 ... d8")->required();
  auto *file = set->add_option("--file", t->file, "JSON file with the section");
  set->add_option("--json", t->text, "The section as JSON text")->excludes(file);
  set->callback([&ctx, t] {
    std::string text = t->text;
    if (!t->file.empty()) {
      std::ifstream in(t->file);
      if (!in) throw CommandError{kExitInvalidInput, "cannot read " + t->file};
      text.assign(std::istreambuf_iterator<char>(in), {});
    }
    auto value = json::parse(text, nullptr, false);
    if (value.is_discarded()) throw CommandError{kExitInvalidInput, t->section + ": not valid JSON"};
    auto &ledger = ctx.ledger();
    ledger_call([&] { return ledger.set_eight_d(ledger.find(t->id).id, t->section, value, ctx.actor()); });
    ctx.out << t->section << " saved\n";
  });
}

void register_revisit(CLI::App &app, Context &ctx) {
  struct O {
    std::string id, comment, waive, at;
    int satisfaction = 0;
    bool recurred = false;
  };
  auto o = std::make_shared<O>();
  auto *cmd = app.add_subcommand("revisit", "Record the revisit (回访): satisfaction 1-5, or --waive REASON");
  cmd->add_option("ID", o->id, "Complaint number or id")->required();
  cmd->add_option("--satisfaction", o->satisfaction, "1 (very dissatisfied) to 5 (very satisfied)");
  cmd->add_option("--comment", o->comment, "What the customer said");
  cmd->add_flag("--recurred", o->recurred, "The problem came back");
  cmd->add_option("--waive", o->waive, "No revisit, for this reason");
  cmd->add_option("--at", o->at, "When (ISO 8601; default now)");
  cmd->callback([&ctx, o] {
    auto &ledger = ctx.ledger();
    domain::Revisit r;
    r.satisfaction = o->satisfaction;
    r.comment = o->comment;
    r.problem_recurred = o->recurred;
    r.waived = !o->waive.empty();
    r.waiver_reason = o->waive;
    r.at = parse_time_option(o->at, ledger.now(), "--at");
    ledger_call([&] { return ledger.record_revisit(ledger.find(o->id).id, r, ctx.actor()); });
    ctx.out << (r.waived ? "revisit waived\n" : "revisit recorded\n");
  });
}

} // namespace

void register_loop_steps(CLI::App &app, Context &ctx) {
  register_contact(app, ctx);
  register_action(app, ctx);
  register_eight_d(app, ctx);
  register_revisit(app, ctx);
}

} // namespace qloop::cli
