// Imports one file through the plugin's C entry, as the host does, into a
// host that counts records instead of keeping them, then prints the process's
// peak resident memory. A separate process, so the figure starts from a
// clean slate and not from the test runner's heap.
//   intake_files_rss_probe FILE [key=value ...]
//   -> {"status":0,"rows":..,"submitted":..,"quarantined":..,"baseline_kb":..,"peak_kb":..,"seconds":..}
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include <sys/resource.h>

#include "fake_host.hpp"

namespace {

// VmHWM: the peak resident set size so far, in KiB.
long peak_kb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE [key=value ...]\n", argv[0]);
    return 2;
  }
  files_test::FakeHost host;
  host.keep_records = false;
  for (int i = 2; i < argc; ++i) {
    const std::string kv = argv[i];
    const auto eq = kv.find('=');
    if (eq != std::string::npos) host.config[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  files_test::descriptor(host.host()); // load the plugin before the baseline
  const long baseline = peak_kb();
  const auto start = std::chrono::steady_clock::now();
  const auto result = files_test::run_plugin(host, {{"file", argv[1]}});
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  files_test::json out = {{"status", result.status},
                          {"error", result.error},
                          {"rows", result.summary.value("rows", 0)},
                          {"submitted", result.summary.value("submitted", 0)},
                          {"quarantined", result.summary.value("quarantined", 0)},
                          {"taken", host.taken},
                          {"baseline_kb", baseline},
                          {"peak_kb", peak_kb()},
                          {"maxrss_kb", usage.ru_maxrss},
                          {"seconds", seconds}};
  std::printf("%s\n", out.dump().c_str());
  return result.status == QLOOP_OK ? 0 : 1;
}
