// bench_analysis: one-way ANOVA (anova), a 2^5 factorial analysis
// (doe.analyze) and an I-MR chart with all Nelson rules (spc) through the
// plugin ABI, on the data files of make_data.py, against peer.py (statsmodels,
// scipy, numpy). Prints one JSON line per method and size; report.py joins
// them with the peer's lines into the table of docs/benchmarks.md.
//
// Usage: bench_analysis DATA_DIR N [N ...]
// (the plugin files are those of the same build, QLOOP_BENCH_DOE_PLUGIN and
// QLOOP_BENCH_SPC_PLUGIN; the environment variables of the same names override)
//
// Per method and size, medians over the same number of runs as peer.py (one
// warm-up first, except at 10^7 where one run is all there is), in seconds of
// CPU time (timer.hpp; QLOOP_BENCH_CLOCK=wall for the wall clock):
//   build_s   the host writing the request JSON from its arrays
//   abi_s     analyze() through the C ABI: plugin parses, computes, writes the result
//   total_s   build + abi: the qloop time compared with the peer
// and the same for the ABI 1.3 column path (columns_build_s: the host copying
// its arrays into columns; columns_abi_s: analyze_columns; columns_total_s),
// whose numbers must equal the JSON path's (columns_agree).
// plus the stage breakdown of breakdown.hpp (parse, read, core, method,
// write, free), each a median over its own runs.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "breakdown.hpp"
#include "data.hpp"
#include "plugin_host.hpp"
#include "result_numbers.hpp"
#include "timer.hpp"

namespace {

using namespace qloop::bench;
using nlohmann::json;

// Same policy as peer.py.
int reps_for(std::size_t n) {
  return n >= 10'000'000 ? 1 : n >= 1'000'000 ? 3 : n >= 100'000 ? 7 : n >= 10'000 ? 15 : 31;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

std::string plugin_path(const char *variable, const char *built) {
  const char *env = std::getenv(variable);
  return env && *env ? env : built;
}

struct Case {
  const char *method;
  std::size_t n;
  PluginHost *plugin;
  std::function<std::string()> build;
  std::function<qloop::sdk::ColumnBatch()> build_columns;
  const char *options;
  std::function<Lap(const std::string &)> lap;
  std::function<json(const json &)> numbers;
};

void run(const Case &c) {
  const int reps = reps_for(c.n);
  if (reps > 1) c.plugin->analyze(c.method, c.build()); // warm-up
  std::vector<double> build, abi, total;
  std::string result;
  std::size_t request_bytes = 0;
  for (int r = 0; r < reps; ++r) {
    const auto t0 = now();
    const std::string request = c.build();
    const double tb = since(t0);
    const auto t1 = now();
    result = c.plugin->analyze(c.method, request);
    const double ta = since(t1);
    build.push_back(tb);
    abi.push_back(ta);
    total.push_back(tb + ta);
    request_bytes = request.size();
  }
  std::vector<double> parse, read, core, method, write, free;
  {
    const std::string request = c.build();
    for (int r = 0; r < reps; ++r) {
      const Lap lap = c.lap(request);
      parse.push_back(lap.parse);
      read.push_back(lap.read);
      core.push_back(lap.core);
      method.push_back(lap.method);
      write.push_back(lap.write);
      free.push_back(lap.free);
    }
  }
  std::vector<double> cbuild, cabi, ctotal;
  std::string cresult;
  if (reps > 1) {
    auto warm = c.build_columns();
    c.plugin->analyze_columns(c.method, c.options, warm.view());
  }
  for (int r = 0; r < reps; ++r) {
    const auto t0 = now();
    qloop::sdk::ColumnBatch table = c.build_columns();
    const qloop_record_batch &view = table.view();
    const double tb = since(t0);
    const auto t1 = now();
    cresult = c.plugin->analyze_columns(c.method, c.options, view);
    const double ta = since(t1);
    cbuild.push_back(tb);
    cabi.push_back(ta);
    ctotal.push_back(tb + ta);
  }
  const json parsed = json::parse(result);
  json line = {{"side", "qloop"},
               {"clock", clock_name()},
               {"method", c.method},
               {"n", c.n},
               {"reps", reps},
               {"request_bytes", request_bytes},
               {"result_bytes", result.size()},
               {"build_s", median(build)},
               {"abi_s", median(abi)},
               {"total_s", median(total)},
               {"parse_s", median(parse)},
               {"read_s", median(read)},
               {"method_s", median(method)},
               {"write_s", median(write)},
               {"free_s", median(free)},
               {"numbers", c.numbers(parsed)},
               {"columns_build_s", median(cbuild)},
               {"columns_abi_s", median(cabi)},
               {"columns_total_s", median(ctotal)},
               {"columns_agree", c.numbers(json::parse(cresult)) == c.numbers(parsed)}};
  if (core.front() >= 0) line["core_s"] = median(core);
  std::printf("%s\n", line.dump().c_str());
  std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DATA_DIR N [N ...]\n", argv[0]);
    return 2;
  }
  try {
    const std::string data = argv[1];
    PluginHost doe(plugin_path("QLOOP_BENCH_DOE_PLUGIN", QLOOP_BENCH_DOE_PLUGIN));
    PluginHost spc(plugin_path("QLOOP_BENCH_SPC_PLUGIN", QLOOP_BENCH_SPC_PLUGIN));
    std::printf("%s\n", json({{"side", "qloop"},
                              {"plugins",
                               {{doe.descriptor().id, doe.descriptor().version},
                                {spc.descriptor().id, spc.descriptor().version}}}})
                            .dump()
                            .c_str());
    for (int a = 2; a < argc; ++a) {
      const auto n = static_cast<std::size_t>(std::stod(argv[a]));
      {
        const AnovaData d = load_anova(data, n);
        run({"anova", n, &doe, [&] { return anova_request(d); }, [&] { return anova_columns(d); },
             kAnovaOptions, anova_lap, anova_numbers});
      }
      {
        const DoeData d = load_doe(data, n);
        run({"doe.analyze", n, &doe, [&] { return doe_request(d); }, [&] { return doe_columns(d); },
             kDoeOptions, doe_lap, doe_numbers});
      }
      {
        const std::vector<double> x = load_imr(data, n);
        run({"spc", n, &spc, [&] { return imr_request(x); }, [&] { return imr_columns(x); }, kImrOptions,
             [&](const std::string &r) { return imr_lap(r, x); }, imr_numbers});
      }
    }
  } catch (const std::exception &e) {
    std::fprintf(stderr, "bench_analysis: %s\n", e.what());
    return 1;
  }
  return 0;
}
