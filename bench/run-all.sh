#!/usr/bin/env bash
# Runs every benchmark against a build tree and prints the figures recorded in
# docs/benchmarks.md. Usage: bench/run-all.sh [build/release]
set -euo pipefail
build=${1:-build/release}
cmake --build "$build" --target bench_boundary_cost bench_startup_time bench_bare_insert qloop >/dev/null
echo "# qloop benchmarks, $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo
"$build/bin/bench_boundary_cost"
echo
"$build/bin/bench_startup_time"
echo
echo "Ledger seed vs bare insert (N=${QLOOP_BENCH_LEDGER_N:-1000000})"
bash "$(dirname "$0")/ledger_seed.sh" "$build" "${QLOOP_BENCH_LEDGER_N:-1000000}"
