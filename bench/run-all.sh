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
echo
echo "Analysis methods vs statsmodels/scipy/numpy (bench/analysis/run.sh)"
bash "$(dirname "$0")/analysis/run.sh" "$build"
echo
echo "Exporters: 8D PDF with 5 analyses, ledger XLSX memory (bench/export.sh)"
bash "$(dirname "$0")/export.sh" "$build" "${QLOOP_BENCH_EXPORT_N1:-100000}" "${QLOOP_BENCH_EXPORT_N2:-1000000}"
echo
echo "Intake: CSV through intake.files vs sqlite3 .import (bench/intake_csv.sh)"
bash "$(dirname "$0")/intake_csv.sh" "$build" "${QLOOP_BENCH_INTAKE_N:-1000000}" "${QLOOP_BENCH_INTAKE_M:-100000}"
