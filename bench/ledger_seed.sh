#!/usr/bin/env bash
# `qloop demo seed --count N` (every row through the ledger: validation,
# numbering, guards, audit events hash-chained) against the bare-insert
# ceiling of the same rows (bench/bare_insert.c). Prints both times, the
# ratio and qloop's peak memory. Usage: bench/ledger_seed.sh BUILD_DIR [N]
set -euo pipefail
build=${1:-build/release}
n=${2:-1000000}
tmp=$(mktemp -d "${QLOOP_BENCH_TMP:-${TMPDIR:-/tmp}}/qloop-ledger-seed.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
printf '[log]\nfile =\nlevel = warn\n[sla]\npolicy =\n' >"$tmp/qloop.ini"
mkdir -p "$tmp/ledger"
/usr/bin/time -f "%e %M" -o "$tmp/time" env QLOOP_DATA_DIR="$tmp/ledger" \
  "$build/bin/qloop" --config "$tmp/qloop.ini" demo seed --count "$n" --batch 5000 >/dev/null
read -r qloop_s peak_kb <"$tmp/time"
read -r _ rows _ scan_s _ copy_s _ insert_s < <("$build/bin/bench_bare_insert" "$tmp/ledger/qloop.db" "$tmp/bare.db")
size=$(du -m "$tmp/ledger/qloop.db" | cut -f1)
echo "| complaints | rows written | qloop demo seed s | peak RSS MB | bare insert s | ratio | ledger MB |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
awk -v n="$n" -v rows="$rows" -v q="$qloop_s" -v kb="$peak_kb" -v b="$insert_s" -v mb="$size" \
  'BEGIN { printf "| %d | %d | %.1f | %.0f | %.1f | %.2f | %d |\n", n, rows, q, kb / 1024, b, q / b, mb }'
