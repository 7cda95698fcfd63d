#!/usr/bin/env bash
# End-to-end: the real qloop host loads the built pareto plugin, reads
# Montgomery's tank defect CSV (tests/data/README.md), applies the plugin's
# config section, and reports a CSV without rows with exit code 5.
# Usage: host_end_to_end.sh QLOOP_EXE DATA_DIR WORK_DIR
set -euo pipefail
qloop=$1 data=$2 work=$3
mkdir -p "$work"
printf '[log]\nfile =\nconsole = false\n' >"$work/default.ini"
printf '[log]\nfile =\nconsole = false\n[analysis.pareto]\nthreshold = 70\n' >"$work/seventy.ini"
csv="$data/montgomery-tank-defects.csv"

"$qloop" -c "$work/default.ini" analyze pareto --input "$csv" --option field=Defect --option value=Frequency \
  --format json >"$work/default.json"
"$qloop" -c "$work/seventy.ini" analyze pareto --input "$csv" --option field=Defect --option value=Frequency \
  --format json >"$work/seventy.json"
"$qloop" -c "$work/default.ini" analyze pareto --input "$csv" --option field=Defect --option value=Frequency \
  --option top_n=6 --lang zh-CN --format svg >"$work/chart.svg"

/usr/bin/python3 - "$work" <<'PY'
import json, sys, xml.dom.minidom
work = sys.argv[1]
r = json.load(open(f"{work}/default.json", encoding="utf-8"))
s = r["summary"]
assert r["method"] == "pareto"
assert (s["total"], s["categories"], s["vital_few"], s["top_category"]) == (166, 19, 6, "Incorrect dimensions"), s
# Montgomery's counts: cumulative 36, 70, 99, 116, 129, 135 of 166.
cum = [row[6] for row in r["tables"][0]["rows"]]
for got, n in zip(cum, [36, 70, 99, 116, 129, 135]):
    assert abs(got - 100 * n / 166) < 1e-9, (got, n)
assert cum[-1] == 100
assert [row[7] for row in r["tables"][0]["rows"]].count("yes") == 6
seventy = json.load(open(f"{work}/seventy.json", encoding="utf-8"))
assert seventy["summary"]["threshold_percent"] == 70 and seventy["summary"]["vital_few"] == 5, seventy["summary"]
svg = open(f"{work}/chart.svg", encoding="utf-8").read()
xml.dom.minidom.parseString(svg.encode("utf-8"))
assert "Defect 柏拉图" in svg and "其他 (13)" in svg and "累计百分比" in svg
PY

set +e
"$qloop" -c "$work/default.ini" analyze pareto --input "$data/header-only.csv" --option field=Defect >"$work/bad.out" \
  2>"$work/bad.err"
code=$?
set -e
[ "$code" -eq 5 ] || { echo "expected exit 5 for empty data, got $code"; cat "$work/bad.err"; exit 1; }
grep -q "table.rows" "$work/bad.err" || { echo "error does not name the field:"; cat "$work/bad.err"; exit 1; }
echo "pareto end to end: ok"
