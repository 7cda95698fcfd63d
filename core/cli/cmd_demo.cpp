// qloop demo seed: a realistic synthetic ledger, for demos and benchmarks.
#include <chrono>
#include <map>
#include <random>

#include "core/cli/commands.hpp"
#include "core/cli/ledger_support.hpp"
#include "core/demo/demo_generator.hpp"
#include "core/log/logging.hpp"

namespace qloop::cli {

void register_demo(CLI::App &app, Context &ctx) {
  auto *group = app.add_subcommand("demo", "Demo data");
  group->require_subcommand(1);
  struct O {
    std::int64_t count = 500;
    double years = 1;
    std::uint64_t seed = 20261124;
    std::size_t batch = 2000;
    bool if_empty = false;
  };
  auto o = std::make_shared<O>();
  auto *seed =
      group->add_subcommand("seed", "Fill the ledger with realistic synthetic complaints and their history");
  seed->add_option("--count", o->count, "How many complaints (default 500)")
      ->check(CLI::Range(1LL, 100000000LL));
  seed->add_option("--years", o->years, "Spread over this many years up to now (default 1)")
      ->check(CLI::Range(0.01, 50.0));
  seed->add_option("--seed", o->seed, "Random seed (same seed, same data)");
  seed->add_option("--batch", o->batch, "Complaints per transaction (default 2000)")
      ->check(CLI::Range(1, 1000000));
  seed->add_flag("--if-empty", o->if_empty, "Do nothing when the ledger already has complaints");
  seed->callback([&ctx, o] {
    auto &ledger = ctx.ledger();
    auto &store = ledger.store();
    std::int64_t existing = 0;
    store.read([&] { existing = store.count_complaints({}); });
    if (o->if_empty && existing > 0) {
      ctx.out << "ledger already has " << existing << " complaints; not seeding\n";
      return;
    }
    auto logger = log::get("demo");
    const auto t0 = std::chrono::steady_clock::now();
    demo::DemoGenerator gen(o->seed, o->years, ledger.now(), o->count);
    std::mt19937_64 rng(o->seed ^ 0x5eed);
    // Recurrences: a new complaint on the same product and defect as an archived case.
    std::map<std::string, std::int64_t> last_archived;
    std::int64_t made = 0;
    while (made < o->count) {
      store.write([&] {
        for (std::size_t i = 0; i < o->batch && made < o->count; ++i, ++made) {
          auto f = gen.next();
          const std::string key = f.complaint.product_model + "|" + f.complaint.subcategory;
          if (auto it = last_archived.find(key);
              it != last_archived.end() && std::uniform_real_distribution<double>(0, 1)(rng) < 0.03)
            f.complaint.recurrence_of = it->second;
          auto id = ledger_call([&] { return ledger.import_file(f, "demo"); });
          if (f.complaint.status == domain::Status::Archived) last_archived[key] = id;
        }
      });
      if (made % 100000 == 0) logger->info("{} complaints seeded", made);
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ctx.out << "seeded " << made << " complaints in " << secs << " s (" << static_cast<long long>(made / secs)
            << " per second) into " << ctx.config().host().store_path.string() << '\n';
  });
}

} // namespace qloop::cli
