#!/usr/bin/env bash
# End-to-end: the real qloop host loads the built 5why plugin, runs a Chinese
# request, applies the plugin's config section, and reports bad input with
# exit code 5. Usage: host_end_to_end.sh QLOOP_EXE DATA_DIR WORK_DIR
set -euo pipefail
qloop=$1 data=$2 work=$3
mkdir -p "$work"
printf '[log]\nfile =\nconsole = false\n' >"$work/default.ini"
printf '[log]\nfile =\nconsole = false\n[analysis.5why]\nmin_depth = 4\n' >"$work/deeper.ini"

"$qloop" -c "$work/default.ini" analyze 5why --input "$data/weld-crack.zh.json" --format json >"$work/default.json"
"$qloop" -c "$work/deeper.ini" analyze 5why --input "$data/weld-crack.zh.json" --format json >"$work/deeper.json"
"$qloop" -c "$work/default.ini" analyze 5why --input "$data/weld-crack.zh.json" --format svg >"$work/tree.svg"

/usr/bin/python3 - "$work" <<'PY'
import json, sys, xml.dom.minidom
work = sys.argv[1]
r = json.load(open(f"{work}/default.json", encoding="utf-8"))
assert r["method"] == "5why", r["method"]
s = r["summary"]
assert (s["chains"], s["occurrence_chains"], s["escape_chains"], s["steps"], s["paths"]) == (2, 1, 1, 7, 2), s
assert r["findings"] == [], r["findings"]
roots = r["tables"][1]["rows"]
assert [row[4] for row in roots] == ["system", "management"], roots
svg = r["charts"][0]["svg"]
assert "发生原因" in svg and "流出原因" in svg and "根本原因 · 体系" in svg
xml.dom.minidom.parseString(svg.encode("utf-8"))  # well-formed XML

deeper = json.load(open(f"{work}/deeper.json", encoding="utf-8"))
rules = [(f["rule"], f["where"]["chain"], f["where"]["depth"]) for f in deeper["findings"]]
assert rules == [("depth.too_shallow", "esc-1", 3)], rules
assert deeper["details"]["settings"]["min_depth"] == 4

tree = open(f"{work}/tree.svg", encoding="utf-8").read()
assert tree == svg, "--format svg writes the first chart"
PY

set +e
"$qloop" -c "$work/default.ini" analyze 5why --input "$data/bad-kind.json" --format json >"$work/bad.out" 2>"$work/bad.err"
code=$?
set -e
[ "$code" -eq 5 ] || { echo "expected exit 5 for invalid input, got $code"; cat "$work/bad.err"; exit 1; }
grep -q "data.chains\[0\].kind" "$work/bad.err" || { echo "error does not name the field:"; cat "$work/bad.err"; exit 1; }
echo "5why end to end: ok"
