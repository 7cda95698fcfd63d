// The clock every figure of bench_analysis is read from. By default the
// process's CPU time: the benchmark machine is shared (other builds run on
// the same cores), and for single-threaded code CPU time stays close to what
// a quiet machine's wall clock would show, while the wall clock here mostly
// measures the other jobs. QLOOP_BENCH_CLOCK=wall selects the wall clock.
// peer.py reads the same variable and clock (time.process_time).
#pragma once

#include <cstdlib>
#include <cstring>
#include <ctime>

namespace qloop::bench {

inline bool wall_clock() {
  static const bool wall = [] {
    const char *v = std::getenv("QLOOP_BENCH_CLOCK");
    return v != nullptr && std::strcmp(v, "wall") == 0;
  }();
  return wall;
}

inline const char *clock_name() { return wall_clock() ? "wall" : "cpu"; }

// Seconds on the chosen clock.
inline double now() {
  timespec ts{};
  clock_gettime(wall_clock() ? CLOCK_MONOTONIC : CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

inline double since(double t0) { return now() - t0; }

} // namespace qloop::bench
