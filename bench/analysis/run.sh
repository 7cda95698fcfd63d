#!/usr/bin/env bash
# Analysis methods, qloop against Python (issue #5): one-way ANOVA, a 2^5
# factorial analysis and an I-MR chart with all Nelson rules, on the same
# seeded data, 100 to 10^7 points. Prints one Markdown table with both times,
# the ratio and whether both sides' numbers agree (exit 1 when they differ).
#   bench/analysis/run.sh [BUILD_DIR]      (default build/release)
# Environment: QLOOP_BENCH_ANALYSIS_SIZES (default "100 1000 10000 100000
# 1000000 10000000"), PYTHON (default /usr/bin/python3: Debian's
# python3-statsmodels, python3-scipy, python3-numpy, python3-pandas),
# QLOOP_BENCH_CLOCK=wall to time by the wall clock instead of CPU time (the
# default, because the build machine is shared), OPENBLAS_NUM_THREADS (default
# 1 in peer.py: one core against one core). The 10^7 sets need ~5 GB of memory
# on the qloop side and ~11 GB for statsmodels' 2^5 fit.
# Data files (~0.8 GB for all sizes) are written once to BUILD_DIR/bench-analysis-data.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build/release}
sizes=${QLOOP_BENCH_ANALYSIS_SIZES:-100 1000 10000 100000 1000000 10000000}
python=${PYTHON:-/usr/bin/python3}

cmake --build "$build" --target bench_analysis >/dev/null
data="$build/bench-analysis-data"
# shellcheck disable=SC2086 # sizes is a list
"$python" "$here/make_data.py" "$data" $sizes

# Kept, so that report.py can be run again on the last results.
results="$build/bench-analysis-results.jsonl"
: >"$results"
echo "Analysis methods vs statsmodels/scipy/numpy, sizes: $sizes" >&2
# shellcheck disable=SC2086
"$build/bin/bench_analysis" "$data" $sizes >>"$results"
# shellcheck disable=SC2086
"$python" "$here/peer.py" "$data" $sizes >>"$results"
"$python" "$here/report.py" "$results"
