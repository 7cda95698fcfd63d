// Cost of one call across the SDK boundary for typical complaint records
// (about 1 KB of JSON each), against the same function called directly in C++,
// for batches of 1, 100 and 10 000 records. Prints ns per record and ratios:
//   direct    digest_records() on the host's structs (no JSON, no boundary)
//   json      digest_json() called directly: JSON parsing, no boundary
//   plugin    the plugin's write_batch through the C ABI on a ready JSON batch
//   plugin+   the same plus the host serialising its records into the batch
//   columns   ABI 1.2: the host builds column views of its records (no copy
//             of text) and the plugin's write_columns reads them
// plugin/json is the price of crossing the boundary itself; plugin+/direct is
// the whole price of handing records to a plugin as JSON; columns/direct the
// price of the 1.2 fast path.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/config/config.hpp"
#include "core/log/logging.hpp"
#include "core/plugins/plugin_manager.hpp"
#include "plugins/record_digest.hpp"

using qloop::bench::Record;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<Record> make_records(std::size_t n) {
  const char *phenomena[] = {
      "客户产线反馈:批次焊点虚焊,导致整机上电后间歇性失效,已停线排查。现场抽检 200 pcs 中发现 18 pcs "
      "焊点开裂,"
      "焊锡量不足,外观可见明显空洞,需要供应商提供 8D 报告并在 24 小时内确认遏制措施。客户要求对在途及库存产品"
      "全部隔离筛选,并评估同型号其他批次是否存在相同风险,每日通报进展。",
      "Customer reports intermittent failure after power-on; 18 of 200 sampled units show cracked solder "
      "joints "
      "with visible voids and insufficient solder volume. Line stopped at the customer site; containment "
      "requested "
      "within 24 hours, 8D report expected, suspect lots to be sorted at the warehouse and in transit. The "
      "customer "
      "also asks whether other lots of the same model share the risk and wants a daily status until "
      "closure."};
  std::vector<Record> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    Record &r = out[i];
    r.source_key = "file:calls-2026-11.csv#row=" + std::to_string(i) + ":sha256=9f2c4e1a7b";
    r.channel = i % 3 == 0 ? "email" : "phone";
    r.received_at = "2026-11-24T08:15:00+08:00";
    r.customer = "华东汽车电子有限公司 East China Automotive Electronics Co., Ltd.";
    r.contact = "王工 Wang Gong <wang.gong@example.com> +86 21 5555 0101";
    r.product_model = "PCBA-X" + std::to_string(100 + i % 7);
    r.lot = "L2026-" + std::to_string(4000 + i % 50);
    r.order_number = "SO-" + std::to_string(880000 + i);
    r.quantity_affected = static_cast<std::int64_t>(i % 200);
    r.phenomenon = phenomena[i % 2];
    r.reporter = "call-centre agent 17";
    r.category = "product quality";
    r.severity = "major";
  }
  return out;
}

std::string to_json(const Record *records, std::size_t n) {
  nlohmann::json batch = nlohmann::json::array();
  for (std::size_t i = 0; i < n; ++i) {
    const Record &r = records[i];
    batch.push_back({{"source_key", r.source_key},
                     {"channel", r.channel},
                     {"received_at", r.received_at},
                     {"customer", r.customer},
                     {"contact", r.contact},
                     {"product_model", r.product_model},
                     {"lot", r.lot},
                     {"order_number", r.order_number},
                     {"quantity_affected", r.quantity_affected},
                     {"phenomenon", r.phenomenon},
                     {"reporter", r.reporter},
                     {"category", r.category},
                     {"severity", r.severity}});
  }
  return batch.dump();
}

// Best of `reps` runs, in nanoseconds per record.
template <class Fn> double ns_per_record(std::size_t records, int reps, Fn &&fn) {
  double best = 1e300;
  for (int r = 0; r < reps; ++r) {
    auto t0 = Clock::now();
    fn();
    auto t1 = Clock::now();
    best = std::min(best,
                    std::chrono::duration<double, std::nano>(t1 - t0).count() / static_cast<double>(records));
  }
  return best;
}

} // namespace

int main(int argc, char **argv) {
  const std::filesystem::path plugin_dir = argc > 1 ? argv[1] : QLOOP_BENCH_PLUGIN_DIR;
  const std::size_t total = 10000;
  auto records = make_records(total);
  const double bytes_per_record = static_cast<double>(to_json(records.data(), total).size()) / total;

  auto ini = std::filesystem::temp_directory_path() / "qloop-bench-boundary.ini";
  std::ofstream(ini) << "[plugins]\ndirs = " << plugin_dir.string() << "\nenabled = export.bench-digest\n"
                     << "[log]\nfile =\nlevel = warn\n";
  auto config = qloop::config::Config::load(ini);
  qloop::log::configure(config.host().log);
  qloop::plugins::PluginManager manager(config);
  manager.load_all();
  auto plugin = manager.find("export.bench-digest");
  if (!plugin) {
    std::fprintf(stderr, "bench plugin not found in %s\n", plugin_dir.c_str());
    return 1;
  }
  auto instance = plugin->create();

  std::printf("Boundary cost: %zu complaint records of %.0f bytes of JSON each, best of 5 runs\n\n", total,
              bytes_per_record);
  std::printf(
      "| batch | direct ns/rec | json ns/rec | plugin ns/rec | plugin+ ns/rec | columns ns/rec | plugin/json "
      "| plugin+/direct | columns/direct | columns − direct ns/rec |\n"
      "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (std::size_t batch : {std::size_t{1}, std::size_t{100}, std::size_t{10000}}) {
    std::vector<std::string> batches;
    for (std::size_t i = 0; i < total; i += batch) batches.push_back(to_json(&records[i], batch));
    qloop::bench::Digest sink;
    double direct = ns_per_record(total, 5, [&] {
      for (std::size_t i = 0; i < total; i += batch) qloop::bench::digest_records(sink, &records[i], batch);
    });
    double json = ns_per_record(total, 5, [&] {
      for (const auto &b : batches) qloop::bench::digest_json(sink, b);
    });
    instance.export_begin("{}");
    double plugin_only = ns_per_record(total, 5, [&] {
      for (const auto &b : batches) instance.export_batch(b);
    });
    double plugin_total = ns_per_record(total, 5, [&] {
      for (std::size_t i = 0; i < total; i += batch) instance.export_batch(to_json(&records[i], batch));
    });
    qloop::bench::ColumnBuilder builder;
    double columns = ns_per_record(total, 5, [&] {
      for (std::size_t i = 0; i < total; i += batch) {
        builder.build(&records[i], batch);
        instance.export_columns(builder.batch());
      }
    });
    auto summary = nlohmann::json::parse(instance.export_finish());
    if (summary["records"].get<std::size_t>() != 15 * total) { // 3 x 5 runs of `total`
      std::fprintf(stderr, "plugin digested %s records, expected %zu\n", summary["records"].dump().c_str(),
                   15 * total);
      return 1;
    }
    std::printf("| %zu | %.1f | %.0f | %.0f | %.0f | %.1f | %.3f | %.0f | %.1f | %.1f |\n", batch, direct,
                json, plugin_only, plugin_total, columns, plugin_only / json, plugin_total / direct,
                columns / direct, columns - direct);
    std::fflush(stdout);
    if (sink.records == 0) return 1;
  }
  std::printf(
      "\nplugin/json near 1: the C call itself costs nothing measurable; JSON is the cost. columns − direct: "
      "what the 1.2 column path adds per record.\n");
  return 0;
}
