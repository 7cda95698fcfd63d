// qloop classify train|eval|try, qloop triage list|review: automatic grading
// of complaints (the classifier plugin) and the people who check it.
#include <algorithm>

#include "core/cli/analysis_request.hpp"
#include "core/cli/commands.hpp"
#include "core/cli/file_io.hpp"
#include "core/cli/ledger_support.hpp"
#include "core/cli/result_rendering.hpp"
#include "core/cli/text_table.hpp"
#include "core/workflow/triage.hpp"

namespace qloop::cli {
namespace {

using nlohmann::json;

plugins::PluginClassifier &need_classifier(Context &ctx) {
  std::string why;
  auto *c = ctx.classifier(&why);
  if (!c) throw CommandError{kExitPlugin, why};
  return *c;
}

// The ledger's labelled history, newest first: complaints with a category,
// duplicates left out (they are another complaint's report).
std::vector<domain::Complaint> labelled_history(Context &ctx, std::size_t limit) {
  auto &store = ctx.ledger().store();
  store::ComplaintFilter f;
  f.limit = limit;
  std::vector<domain::Complaint> all;
  store.read([&] { all = store.complaints(f); });
  std::erase_if(all, [](const domain::Complaint &c) {
    return c.category.empty() || c.status == domain::Status::Duplicate;
  });
  return all;
}

std::vector<const domain::Complaint *> pointers(const std::vector<domain::Complaint> &v) {
  std::vector<const domain::Complaint *> out;
  for (const auto &c : v) out.push_back(&c);
  return out;
}

// A labelled CSV (the columns of plugins::ClassifierTable) as a table of
// strings: a phenomenon such as "12" stays text.
json csv_as_text_table(const std::string &content) {
  json table = csv_to_table(content);
  for (auto &row : table["rows"])
    for (auto &cell : row)
      if (cell.is_null())
        cell = "";
      else if (!cell.is_string())
        cell = cell.dump();
  return table;
}

void register_train(CLI::App &group, Context &ctx) {
  struct O {
    std::size_t limit = 200000;
    bool as_json = false;
  };
  auto o = std::make_shared<O>();
  auto *cmd = group.add_subcommand("train", "Train the classifier on the ledger's labelled complaints");
  cmd->add_option("--limit", o->limit, "The newest N labelled complaints (default 200000)");
  cmd->add_flag("--json", o->as_json, "Machine-readable output");
  cmd->callback([&ctx, o] {
    auto &classifier = need_classifier(ctx);
    auto history = labelled_history(ctx, o->limit);
    if (history.size() < 10)
      throw CommandError{kExitRefused,
                         "only " + std::to_string(history.size()) +
                             " labelled complaints in the ledger; grade some first (or qloop demo "
                             "seed)"};
    auto &ledger = ctx.ledger();
    const auto at = domain::format_iso(ledger.now());
    json result;
    try {
      result = classifier.train(pointers(history), at);
    } catch (const plugins::PluginCallError &e) {
      throw CommandError{kExitPlugin, std::string("classify.train: ") + e.what()};
    }
    ledger.store().write([&] {
      ledger.audit(ctx.actor(), std::nullopt, "classify.trained", "",
                   json{{"records", history.size()}, {"model_dir", classifier.model_dir().string()}}.dump());
    });
    if (o->as_json) {
      ctx.out << result.dump(2) << '\n';
      return;
    }
    ctx.out << "trained on " << history.size() << " complaints into " << classifier.model_dir().string()
            << '\n'
            << render_result(result.dump(), "table");
  });
}

void register_eval(CLI::App &group, Context &ctx) {
  struct O {
    std::string csv;
    double test_fraction = 0.2;
    int seed = 1;
    std::size_t limit = 200000;
    bool as_json = false;
  };
  auto o = std::make_shared<O>();
  auto *cmd = group.add_subcommand(
      "eval", "Accuracy, macro-F1 and confusion matrices on a held-out split of the ledger (or of --csv)");
  cmd->add_option(
      "--csv", o->csv,
      "A labelled CSV instead of the ledger (phenomenon, product_model, channel, customer, category, "
      "subcategory, severity, owner_department)");
  cmd->add_option("--test-fraction", o->test_fraction, "Held-out share (default 0.2)")
      ->check(CLI::Range(0.05, 0.5));
  cmd->add_option("--seed", o->seed, "Split seed (default 1)");
  cmd->add_option("--limit", o->limit, "From the ledger: the newest N labelled complaints");
  cmd->add_flag("--json", o->as_json, "Machine-readable output");
  cmd->callback([&ctx, o] {
    auto &classifier = need_classifier(ctx);
    json table;
    if (!o->csv.empty()) {
      table = csv_as_text_table(read_input_file(o->csv));
    } else {
      auto history = labelled_history(ctx, o->limit);
      table = plugins::ClassifierTable::json_table(pointers(history), true);
    }
    json result;
    try {
      result = classifier.eval(table, o->test_fraction, o->seed);
    } catch (const plugins::PluginCallError &e) {
      throw CommandError{kExitPlugin, std::string("classify.eval: ") + e.what()};
    }
    ctx.out << (o->as_json ? result.dump(2) + "\n" : render_result(result.dump(), "table"));
  });
}

void register_try(CLI::App &group, Context &ctx) {
  struct O {
    std::string text, product, channel = "phone", customer;
    bool as_json = false;
  };
  auto o = std::make_shared<O>();
  auto *cmd = group.add_subcommand("try", "Classify one text as intake would, and say why");
  cmd->add_option("TEXT", o->text, "The phenomenon, in any language")->required();
  cmd->add_option("--product", o->product, "Product model");
  cmd->add_option("--channel", o->channel, "Channel (default phone)");
  cmd->add_option("--customer", o->customer, "Customer");
  cmd->add_flag("--json", o->as_json, "Machine-readable output");
  cmd->callback([&ctx, o] {
    auto &classifier = need_classifier(ctx);
    domain::Complaint c;
    c.phenomenon = o->text;
    c.product_model = o->product;
    c.channel = o->channel;
    c.customer = o->customer;
    std::vector<workflow::Decisions> decisions;
    try {
      decisions = classifier.classify({&c});
    } catch (const plugins::PluginCallError &e) {
      throw CommandError{kExitPlugin, std::string("classify.predict: ") + e.what()};
    }
    const auto &d = decisions.at(0);
    if (o->as_json) {
      ctx.out << json(d).dump(2) << '\n';
      return;
    }
    if (!classifier.has_model()) ctx.out << "(no model trained yet: rules only; run qloop classify train)\n";
    TextTable t({"TARGET", "VALUE", "CONFIDENCE", "BY", "WHY"});
    for (const char *target : domain::kClassifyTargets) {
      auto it = d.find(target);
      if (it == d.end()) {
        t.add({target, "-", "-", "-", "undecided"});
        continue;
      }
      char conf[16];
      std::snprintf(conf, sizeof conf, "%.2f", it->second.confidence);
      t.add({target, it->second.value, conf, it->second.by, it->second.explanation});
    }
    t.print(ctx.out);
  });
}

void register_triage(CLI::App &app, Context &ctx) {
  auto *group = app.add_subcommand("triage", "Complaints whose automatic grading a person must check");
  group->require_subcommand(1);
  struct List {
    std::size_t limit = 50;
    bool as_json = false;
  };
  auto lo = std::make_shared<List>();
  auto *list = group->add_subcommand("list", "The triage queue, oldest first");
  list->add_option("--limit", lo->limit, "At most this many (0: all)");
  list->add_flag("--json", lo->as_json, "Machine-readable output");
  list->callback([&ctx, lo] {
    auto &ledger = ctx.ledger();
    auto queue = workflow::Triage(ledger).queue(lo->limit);
    json arr = json::array();
    TextTable t({"NUMBER", "CUSTOMER", "PROPOSED", "WHY IN TRIAGE", "PHENOMENON"});
    for (const auto &q : queue) {
      auto c = ledger.store().complaint(q.complaint_id);
      if (!c) continue;
      if (lo->as_json) {
        json item = q;
        item["number"] = c->number;
        item["complaint"] = *c;
        arr.push_back(std::move(item));
        continue;
      }
      std::string text = c->phenomenon.size() > 60 ? c->phenomenon.substr(0, 57) + "..." : c->phenomenon;
      t.add({c->number, c->customer,
             c->category + "/" + c->subcategory + ", " + domain::severity_name(c->severity) + ", " +
                 c->owner_department,
             q.triage_reason, text});
    }
    if (lo->as_json)
      ctx.out << arr.dump(2) << '\n';
    else
      t.print(ctx.out);
  });
  struct Review {
    std::string id, department, owner, reason;
    std::vector<std::string> sets;
  };
  auto ro = std::make_shared<Review>();
  auto *review = group->add_subcommand(
      "review", "Confirm the grading, or correct it: --set category=logistics --set severity=major");
  review->add_option("ID", ro->id, "Number or id")->required();
  review->add_option("--set", ro->sets, "category|subcategory|severity=value (repeatable)");
  review->add_option("--department", ro->department, "The right owner department");
  review->add_option("--owner", ro->owner, "The right owner");
  review->add_option("--reason", ro->reason, "Why (kept in the audit trail)");
  review->callback([&ctx, ro] {
    auto &ledger = ctx.ledger();
    auto result = ledger_call([&] {
      auto c = ledger.find(ro->id);
      return workflow::Triage(ledger).review(c.id, parse_assignments(ro->sets), ro->department, ro->owner,
                                             ctx.actor(), ro->reason);
    });
    ctx.out << ro->id
            << (result.corrections.empty() ? " confirmed" : " corrected: " + result.corrections.dump())
            << '\n';
  });
}

} // namespace

void register_classify(CLI::App &app, Context &ctx) {
  auto *group =
      app.add_subcommand("classify", "Automatic classification of complaints (the classifier plugin)");
  group->require_subcommand(1);
  register_train(*group, ctx);
  register_eval(*group, ctx);
  register_try(*group, ctx);
  register_triage(app, ctx);
}

} // namespace qloop::cli
