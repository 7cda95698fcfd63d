#!/usr/bin/env bash
# Issue #4: an N-row call-centre CSV imported end to end through the host and
# intake.files (parse, decode, map, validate, classify, de-duplicate, route,
# store with an audit event per complaint), against `sqlite3 .import` of the
# same file into a bare table. The classifier's throughput through the host
# is the difference between two imports of M rows, with and without it.
# Usage: bench/intake_csv.sh BUILD_DIR [N] [M]
set -euo pipefail
build=${1:-build/release}
n=${2:-1000000}
m=${3:-100000}
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${QLOOP_BENCH_TMP:-${TMPDIR:-/tmp}}/qloop-intake-csv.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
qloop=$build/bin/qloop
python3 "$src/bench/make_intake_csv.py" --rows "$n" --seed 7 --out "$tmp/calls.csv"
python3 "$src/bench/make_intake_csv.py" --rows "$m" --seed 8 --out "$tmp/small.csv"
mb=$(($(stat -c %s "$tmp/calls.csv") / 1048576))

config() { # data dir, classifier plugin id (empty: off)
  cat <<INI
[host]
data_dir = $1
[log]
file =
level = warn
[sla]
policy =
[classify]
plugin = $2
routing = $src/config/routing.ini
[analysis.classify]
rules_file = $src/config/classify-rules.ini
[intake.files]
batch_size = 2000
max_file_bytes = 4294967296
INI
}

run_import() { # name, classifier plugin id, CSV file
  config "$tmp/$1" "$2" >"$tmp/$1.ini"
  local q=("$qloop" --config "$tmp/$1.ini" --log-level warn)
  # The model learns from a graded history first, as a site's would.
  "${q[@]}" demo seed --count 20000 --years 1 --seed 3 >/dev/null
  [[ -z $2 ]] || "${q[@]}" classify train >/dev/null
  /usr/bin/time -f "%e %M" -o "$tmp/$1.time" "${q[@]}" intake run --channel intake.files --file "$3" \
    >"$tmp/$1.out"
  read -r secs kb <"$tmp/$1.time"
  local counts
  counts=$(sqlite3 "$tmp/$1/qloop.db" "SELECT (SELECT COUNT(*) FROM complaints WHERE source_key LIKE 'file%'), \
    (SELECT COUNT(*) FROM complaints WHERE source_key LIKE 'file%' AND status = 'duplicate'), \
    (SELECT COUNT(*) FROM classifications WHERE triage = 1), (SELECT COUNT(*) FROM quarantine)" 2>/dev/null ||
    echo "?|?|?|?")
  echo "$secs $kb $counts"
}

read -r with_s with_kb with_counts < <(run_import classified analysis.classify "$tmp/calls.csv")
read -r small_with_s _ _ < <(run_import small-classified analysis.classify "$tmp/small.csv")
read -r small_without_s _ _ < <(run_import small-unclassified "" "$tmp/small.csv")

start=$(date +%s.%N)
sqlite3 "$tmp/bare.db" <<SQL
.mode csv
.import $tmp/calls.csv calls
SQL
end=$(date +%s.%N)
bare_s=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
bare_rows=$(sqlite3 "$tmp/bare.db" "SELECT COUNT(*) FROM calls")

IFS='|' read -r stored linked triage quarantined <<<"$with_counts"
echo "| rows | CSV MB | qloop import s | peak RSS MB | sqlite3 .import s | ratio |"
echo "|---:|---:|---:|---:|---:|---:|"
awk -v n="$n" -v mb="$mb" -v w="$with_s" -v kb="$with_kb" -v b="$bare_s" \
  'BEGIN { printf "| %d | %d | %.1f | %.0f | %.1f | %.1f |\n", n, mb, w, kb / 1024, b, w / b }'
echo
echo "stored $stored complaints ($linked probable duplicates linked, $triage in triage), $quarantined quarantined; sqlite3 imported $bare_rows rows"
awk -v m="$m" -v w="$small_with_s" -v wo="$small_without_s" \
  'BEGIN { d = w - wo; printf "%d rows: %.1f s with the classifier, %.1f s without", m, w, wo;
           if (d > 0) printf ": %.0f records/s classified through the host", m / d; print "" }'
