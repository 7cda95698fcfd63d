// qloop complaint new|list|show|update|assign|transition|wait|resume|link|merge|unlink
#include <fstream>
#include <sstream>

#include "core/cli/case_file_json.hpp"
#include "core/cli/commands.hpp"
#include "core/cli/ledger_support.hpp"
#include "core/domain/json.hpp"
#include "core/workflow/merging.hpp"
#include "core/workflow/sla_clock.hpp"
#include "core/workflow/state_machine.hpp"

namespace qloop::cli {
namespace {

using nlohmann::json;

struct NewOptions {
  std::string customer, contact, received_at, channel = "phone", product, lot, order, phenomenon, reporter,
                                              category, subcategory, severity = "minor", source_key,
                                              json_file;
  std::int64_t quantity = 0;
  bool key = false, as_json = false;
};

void register_new(CLI::App &group, Context &ctx) {
  auto o = std::make_shared<NewOptions>();
  auto *cmd = group.add_subcommand("new", "Receive a complaint (受理) into the ledger");
  cmd->add_option("--customer", o->customer, "Customer name");
  cmd->add_option("--contact", o->contact, "Customer contact person and how to reach them");
  cmd->add_option("--received-at", o->received_at, "When it was received (ISO 8601; default now)");
  cmd->add_option("--channel", o->channel, "phone, email, online, social, file, ...");
  cmd->add_option("--product", o->product, "Product model");
  cmd->add_option("--lot", o->lot, "Lot / batch");
  cmd->add_option("--order", o->order, "Order number");
  cmd->add_option("--quantity", o->quantity, "Quantity affected");
  cmd->add_option("--phenomenon", o->phenomenon, "Defect phenomenon, any language");
  cmd->add_option("--reporter", o->reporter, "Who logged it");
  cmd->add_option("--category", o->category, "product_quality, service, logistics, other");
  cmd->add_option("--subcategory", o->subcategory, "Subcategory");
  cmd->add_option("--severity", o->severity, "critical, major or minor")
      ->check(CLI::IsMember({"critical", "major", "minor"}));
  cmd->add_flag("--key", o->key, "A key complaint (重点客诉): two contacts within 48 h");
  cmd->add_option("--source-key", o->source_key, "Stable id at the source; a repeat creates nothing");
  cmd->add_option("--from-json", o->json_file,
                  "Read the record from a JSON file (sdk/schemas/record.schema.json)");
  cmd->add_flag("--json", o->as_json, "Print the complaint as JSON");
  cmd->callback([&ctx, o] {
    auto &ledger = ctx.ledger();
    domain::Complaint c;
    if (!o->json_file.empty()) {
      std::ifstream in(o->json_file);
      if (!in) throw CommandError{kExitInvalidInput, "cannot read " + o->json_file};
      try {
        c = json::parse(in).get<domain::Complaint>();
      } catch (const std::exception &e) {
        throw CommandError{kExitInvalidInput, o->json_file + ": " + e.what()};
      }
    } else {
      c.customer = o->customer;
      c.contact = o->contact;
      c.received_at = parse_time_option(o->received_at, ledger.now(), "--received-at");
      c.channel = o->channel;
      c.product_model = o->product;
      c.lot = o->lot;
      c.order_number = o->order;
      c.quantity_affected = o->quantity;
      c.phenomenon = o->phenomenon;
      c.reporter = o->reporter;
      c.category = o->category;
      c.subcategory = o->subcategory;
      c.severity = *domain::parse_severity(o->severity);
      c.key_complaint = o->key;
      c.source_key = o->source_key;
    }
    auto r = ledger_call([&] { return ledger.receive(c, ctx.actor()); });
    if (o->as_json)
      ctx.out << json{{"created", r.created}, {"complaint", r.complaint}}.dump(2) << '\n';
    else
      ctx.out << r.complaint.number << (r.created ? " received" : " already in the ledger (same source key)")
              << '\n';
  });
}

struct ListOptions {
  std::string status, severity, customer, product, category, from, to;
  bool open = false, as_json = false;
  std::size_t limit = 50, offset = 0;
};

void register_list(CLI::App &group, Context &ctx) {
  auto o = std::make_shared<ListOptions>();
  auto *cmd = group.add_subcommand("list", "List complaints, newest first");
  cmd->add_option("--status", o->status, "Only this state");
  cmd->add_flag("--open", o->open, "Only complaints not archived, rejected or duplicate");
  cmd->add_option("--severity", o->severity, "critical, major or minor");
  cmd->add_option("--customer", o->customer, "Customer (exact)");
  cmd->add_option("--product", o->product, "Product model (exact)");
  cmd->add_option("--category", o->category, "Category");
  cmd->add_option("--from", o->from, "Received at or after (ISO 8601)");
  cmd->add_option("--to", o->to, "Received before (ISO 8601)");
  cmd->add_option("--limit", o->limit, "At most this many (default 50)");
  cmd->add_option("--offset", o->offset, "Skip this many");
  cmd->add_flag("--json", o->as_json, "Machine-readable output");
  cmd->callback([&ctx, o] {
    store::ComplaintFilter f;
    if (!o->status.empty()) {
      f.status = domain::parse_status(o->status);
      if (!f.status) throw CommandError{kExitUsage, "--status: unknown state '" + o->status + "'"};
    }
    if (!o->severity.empty()) {
      f.severity = domain::parse_severity(o->severity);
      if (!f.severity) throw CommandError{kExitUsage, "--severity: expected critical, major or minor"};
    }
    f.open_only = o->open;
    f.customer = o->customer;
    f.product_model = o->product;
    f.category = o->category;
    auto &ledger = ctx.ledger();
    if (!o->from.empty()) f.received_from = parse_time_option(o->from, ledger.now(), "--from");
    if (!o->to.empty()) f.received_to = parse_time_option(o->to, ledger.now(), "--to");
    f.limit = o->limit;
    f.offset = o->offset;
    std::vector<domain::Complaint> rows;
    std::int64_t total = 0;
    ledger.store().read([&] {
      rows = ledger.store().complaints(f);
      total = ledger.store().count_complaints(f);
    });
    if (o->as_json) {
      ctx.out << json{{"total", total}, {"offset", o->offset}, {"complaints", rows}}.dump(2) << '\n';
    } else {
      print_complaints(ctx.out, rows);
      ctx.out << rows.size() << " of " << total << " complaint(s)\n";
    }
  });
}

void register_show(CLI::App &group, Context &ctx) {
  auto id = std::make_shared<std::string>();
  auto as_json = std::make_shared<bool>(false);
  auto *cmd = group.add_subcommand("show", "Everything about one complaint, and what its next step needs");
  cmd->add_option("ID", *id, "Number (QC-2026-00042) or id")->required();
  cmd->add_flag("--json", *as_json, "Machine-readable output");
  cmd->callback([&ctx, id, as_json] {
    auto &ledger = ctx.ledger();
    auto c = ledger_call([&] { return ledger.find(*id); });
    auto f = ledger.file(c.id);
    json next = json::array();
    for (auto s : workflow::next_states(c.status)) {
      auto missing = workflow::missing_for(f, s, "(reason)");
      next.push_back({{"state", domain::status_name(s)}, {"missing", missing}});
    }
    json doc = case_file_json(ctx, f, ledger.now());
    doc["next"] = next;
    if (*as_json) {
      ctx.out << doc.dump(2) << '\n';
      return;
    }
    const auto &x = f.complaint;
    ctx.out << x.number << "  " << domain::status_name(x.status)
            << (x.waiting_on_customer ? " (waiting on customer)" : "") << "  "
            << domain::severity_name(x.severity) << (x.key_complaint ? " key" : "") << '\n'
            << "customer:  " << x.customer << (x.contact.empty() ? "" : " / " + x.contact) << '\n'
            << "received:  " << domain::format_iso(x.received_at) << " via " << x.channel << '\n'
            << "product:   " << x.product_model << "  lot " << x.lot << "  order " << x.order_number
            << "  qty " << x.quantity_affected << '\n'
            << "owner:     " << x.owner << (x.owner_department.empty() ? "" : " (" + x.owner_department + ")")
            << '\n'
            << "phenomenon: " << x.phenomenon << "\n\n";
    auto number_of = [&](std::int64_t id) {
      auto c = ctx.ledger().store().complaint(id);
      return c ? c->number : std::to_string(id);
    };
    for (const auto &l : f.links)
      ctx.out << (l.complaint_id == x.id ? "folded into " + number_of(l.survivor_id)
                                         : "absorbed " + number_of(l.complaint_id))
              << " (" << domain::link_kind_name(l.kind) << ", " << domain::format_iso(l.at) << ", " << l.actor
              << "): " << l.reason << '\n';
    if (!f.links.empty()) ctx.out << '\n';
    ctx.out << "contacts: " << f.contacts.size() << ", actions: " << f.actions.size()
            << ", root causes: " << f.eight_d.d4.size() << ", revisits: " << f.revisits.size() << "\n";
    for (const auto &a : f.actions)
      ctx.out << "  A-" << a.id << " [" << domain::action_type_name(a.type) << ", "
              << domain::action_status_name(a.status) << "] " << a.description << " (" << a.owner << ")\n";
    ctx.out << "\nSLA:\n";
    for (const auto &s : doc["sla"])
      ctx.out << "  " << s["target"].get<std::string>() << ": due "
              << (s["due"].is_null() ? "(paused)" : s["due"].get<std::string>())
              << (s["met"].get<bool>() ? ", met" : "") << (s["breached"].get<bool>() ? ", BREACHED" : "")
              << '\n';
    ctx.out << "\nnext steps:\n";
    for (const auto &n : next) {
      ctx.out << "  -> " << n["state"].get<std::string>();
      if (n["missing"].empty())
        ctx.out << ": ready\n";
      else {
        std::string m;
        for (const auto &item : n["missing"]) m += (m.empty() ? "" : "; ") + item.get<std::string>();
        ctx.out << ": needs " << m << '\n';
      }
    }
  });
}

void register_update(CLI::App &group, Context &ctx) {
  struct O {
    std::string id, reason;
    std::vector<std::string> sets;
  };
  auto o = std::make_shared<O>();
  auto *cmd = group.add_subcommand("update", "Change template fields: --set lot=L7 --set severity=major");
  cmd->add_option("ID", o->id, "Number or id")->required();
  cmd->add_option("--set", o->sets, "field=value (repeatable)")->required();
  cmd->add_option("--reason", o->reason, "Why (kept in the audit trail)");
  cmd->callback([&ctx, o] {
    auto &ledger = ctx.ledger();
    auto c = ledger_call([&] {
      auto found = ledger.find(o->id);
      return ledger.update(found.id, parse_assignments(o->sets), ctx.actor(), o->reason);
    });
    ctx.out << c.number << " updated\n";
  });
}

void register_assign(CLI::App &group, Context &ctx) {
  struct O {
    std::string id, owner, department;
  };
  auto o = std::make_shared<O>();
  auto *cmd = group.add_subcommand("assign", "Give a complaint an owner and owner department");
  cmd->add_option("ID", o->id, "Number or id")->required();
  cmd->add_option("--owner", o->owner, "Owner")->required();
  cmd->add_option("--department", o->department, "Owner department");
  cmd->callback([&ctx, o] {
    auto &ledger = ctx.ledger();
    auto c = ledger_call(
        [&] { return ledger.assign(ledger.find(o->id).id, o->owner, o->department, ctx.actor()); });
    ctx.out << c.number << " assigned to " << c.owner << '\n';
  });
}

void register_transition(CLI::App &group, Context &ctx) {
  struct O {
    std::string id, state, reason;
  };
  auto o = std::make_shared<O>();
  auto *cmd = group.add_subcommand("transition", "Move a complaint to its next state (guards apply)");
  cmd->add_option("ID", o->id, "Number or id")->required();
  cmd->add_option("STATE", o->state,
                  "acknowledged, containing, investigating, correcting, verifying, "
                  "feeding_back, revisiting, archived, rejected, reopened")
      ->required();
  cmd->add_option("--reason", o->reason, "Why (required for rejected and reopened)");
  cmd->callback([&ctx, o] {
    auto to = domain::parse_status(o->state);
    if (!to) throw CommandError{kExitUsage, "STATE: unknown state '" + o->state + "'"};
    auto &ledger = ctx.ledger();
    auto c =
        ledger_call([&] { return ledger.transition(ledger.find(o->id).id, *to, ctx.actor(), o->reason); });
    ctx.out << c.number << " is now " << domain::status_name(c.status) << '\n';
  });
}

void register_wait(CLI::App &group, Context &ctx) {
  struct O {
    std::string id, reason;
  };
  auto o = std::make_shared<O>();
  auto *wait = group.add_subcommand("wait", "Mark as waiting on the customer: SLA clocks pause");
  wait->add_option("ID", o->id, "Number or id")->required();
  wait->add_option("--reason", o->reason, "What the customer is to provide")->required();
  wait->callback([&ctx, o] {
    auto &ledger = ctx.ledger();
    auto c =
        ledger_call([&] { return ledger.wait_on_customer(ledger.find(o->id).id, o->reason, ctx.actor()); });
    ctx.out << c.number << " waiting on the customer; SLA clocks paused\n";
  });
  auto rid = std::make_shared<std::string>();
  auto *resume = group.add_subcommand("resume", "End the wait on the customer: SLA clocks run again");
  resume->add_option("ID", *rid, "Number or id")->required();
  resume->callback([&ctx, rid] {
    auto &ledger = ctx.ledger();
    auto c = ledger_call([&] { return ledger.resume(ledger.find(*rid).id, ctx.actor()); });
    ctx.out << c.number << " resumed\n";
  });
}

void register_link(CLI::App &group, Context &ctx) {
  struct O {
    std::string id, recurrence_of, duplicate_of, reason;
  };
  auto o = std::make_shared<O>();
  auto *cmd =
      group.add_subcommand("link", "Link to an archived case it repeats, or to the complaint it duplicates");
  cmd->add_option("ID", o->id, "Number or id")->required();
  auto *rec =
      cmd->add_option("--recurrence-of", o->recurrence_of, "The archived case this one repeats (reopens it)");
  auto *dup = cmd->add_option("--duplicate-of", o->duplicate_of, "The complaint this one duplicates");
  rec->excludes(dup);
  cmd->add_option("--reason", o->reason, "Why (kept in the link and the trail)");
  cmd->callback([&ctx, o] {
    auto &ledger = ctx.ledger();
    auto c = ledger_call([&] {
      auto self = ledger.find(o->id);
      if (!o->recurrence_of.empty())
        return ledger.link_recurrence(self.id, ledger.find(o->recurrence_of).id, ctx.actor());
      if (!o->duplicate_of.empty())
        return workflow::Merger(ledger).link_duplicate(self.id, ledger.find(o->duplicate_of).id, ctx.actor(),
                                                       o->reason);
      throw CommandError{kExitUsage, "give --recurrence-of or --duplicate-of"};
    });
    ctx.out << c.number << " linked\n";
  });
}

void register_merge(CLI::App &group, Context &ctx) {
  struct O {
    std::string survivor, other, reason;
  };
  auto o = std::make_shared<O>();
  auto *cmd = group.add_subcommand(
      "merge", "Fold OTHER into SURVIVOR: contacts, attachments and conversation move; OTHER becomes a "
               "duplicate (undo: complaint unlink OTHER)");
  cmd->add_option("SURVIVOR", o->survivor, "The complaint that stays (number or id)")->required();
  cmd->add_option("OTHER", o->other, "The complaint folded into it")->required();
  cmd->add_option("--reason", o->reason, "Why");
  cmd->callback([&ctx, o] {
    auto &ledger = ctx.ledger();
    auto c = ledger_call([&] {
      return workflow::Merger(ledger).merge(ledger.find(o->survivor).id, ledger.find(o->other).id,
                                            ctx.actor(), o->reason);
    });
    ctx.out << c.number << " merged into " << o->survivor << '\n';
  });
}

void register_unlink(CLI::App &group, Context &ctx) {
  struct O {
    std::string id, reason;
  };
  auto o = std::make_shared<O>();
  auto *cmd = group.add_subcommand(
      "unlink",
      "Undo a wrong duplicate link or merge: what moved goes back, the complaint returns to its state");
  cmd->add_option("ID", o->id, "The complaint that was linked or merged (number or id)")->required();
  cmd->add_option("--reason", o->reason, "Why the link was wrong")->required();
  cmd->callback([&ctx, o] {
    auto &ledger = ctx.ledger();
    auto c = ledger_call(
        [&] { return workflow::Merger(ledger).unlink(ledger.find(o->id).id, ctx.actor(), o->reason); });
    ctx.out << c.number << " unlinked; now " << domain::status_name(c.status) << '\n';
  });
}

} // namespace

void register_complaint(CLI::App &app, Context &ctx) {
  auto *group = app.add_subcommand("complaint", "The complaint ledger (客诉台账)");
  group->require_subcommand(1);
  register_new(*group, ctx);
  register_list(*group, ctx);
  register_show(*group, ctx);
  register_update(*group, ctx);
  register_assign(*group, ctx);
  register_transition(*group, ctx);
  register_wait(*group, ctx);
  register_link(*group, ctx);
  register_merge(*group, ctx);
  register_unlink(*group, ctx);
}

} // namespace qloop::cli
