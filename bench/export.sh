#!/usr/bin/env bash
# Exporters as the host runs them (issue #6):
#  1. the 8D PDF of one complaint with 5 analyses attached (pareto,
#     fishbone, 5 Why, X-bar/R, DOE effects): median of 5 `qloop export 8d`
#     runs, whole process, against the same complaint as HTML;
#  2. the ledger as XLSX for N1 and N2 complaints: time and peak RSS, which
#     must stay flat as the ledger grows (streamed in batches of 500).
# Usage: bench/export.sh BUILD_DIR [N1] [N2]
set -euo pipefail
build=${1:-build/release}
n1=${2:-100000}
n2=${3:-1000000}
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=${QLOOP_BENCH_TMP:-$(mktemp -d)}
trap 'rm -rf "$tmp"' EXIT
qloop=$build/bin/qloop
printf '[host]\ndata_dir = %s\n[log]\nfile =\nlevel = warn\n[sla]\npolicy =\n' "$tmp/ledger" >"$tmp/qloop.ini"
q() { "$qloop" --config "$tmp/qloop.ini" --log-level warn "$@"; }

median_ms() { # command... ; runs it 5 times, prints the median wall time in ms
  local times=()
  for _ in 1 2 3 4 5; do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

echo "== 8D report with 5 charts"
q demo seed --count 50 --years 1 >/dev/null
num=$(q complaint list --limit 1 | sed -n 3p | cut -d' ' -f1)
printf 'defect,count\n焊点虚焊,36\n尺寸超差,34\n外壳开裂,29\n标签错误,17\n异响,13\n其他,6\n' >"$tmp/defects.csv"
q analyze pareto -i "$tmp/defects.csv" --option field=defect --option value=count --complaint "$num" >/dev/null 2>&1
q analyze fishbone -i "$src/plugins/analysis-fishbone/tests/data/weld-crack.fishbone.json" --complaint "$num" >/dev/null 2>&1
q analyze 5why -i "$src/plugins/analysis-5why/tests/data/weld-crack.zh.json" --complaint "$num" >/dev/null 2>&1
q analyze spc -i "$src/tests/reference/spc/pistonrings.csv" --option chart=xbar-r --complaint "$num" >/dev/null 2>&1
q analyze doe.analyze -i "$src/tests/reference/doe/filtration-2x4.csv" --complaint "$num" >/dev/null 2>&1
charts=$(q export 8d "$num" --format pdf --out "$tmp/8d.pdf" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin).get("charts"))')
pdf_ms=$(median_ms q export 8d "$num" --format pdf --lang zh-CN --out "$tmp/8d.pdf")
html_ms=$(median_ms q export 8d "$num" --format html --lang zh-CN --out "$tmp/8d.html")
pages=$(pdfinfo "$tmp/8d.pdf" | awk '/^Pages:/ {print $2}')
echo "| report | charts | pages | PDF median ms | PDF KB | HTML median ms |"
echo "|---|---:|---:|---:|---:|---:|"
echo "| 8D $num (zh-CN) | $charts | $pages | $pdf_ms | $(( $(stat -c %s "$tmp/8d.pdf") / 1024 )) | $html_ms |"

echo
echo "== Ledger XLSX: time and peak memory as the ledger grows"
echo "| complaints | export s | peak RSS MB | XLSX MB |"
echo "|---:|---:|---:|---:|"
rm -rf "$tmp/ledger"
have=0
for n in "$n1" "$n2"; do
  q demo seed --count $((n - have)) --years 3 --batch 5000 --seed "$n" >/dev/null
  have=$n
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$qloop" --config "$tmp/qloop.ini" --log-level warn \
    export ledger --format xlsx --out "$tmp/ledger.xlsx" >/dev/null
  read -r secs kb <"$tmp/time"
  echo "| $n | $secs | $((kb / 1024)) | $(( $(stat -c %s "$tmp/ledger.xlsx") / 1048576 )) |"
done
