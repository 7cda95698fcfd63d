#!/usr/bin/env bash
# End-to-end: the real qloop host loads the built fishbone plugin, reads a
# CSV (host-built table) and a JSON request that describe the same diagram,
# and reports an unknown category with exit code 5.
# Usage: host_end_to_end.sh QLOOP_EXE DATA_DIR WORK_DIR
set -euo pipefail
qloop=$1 data=$2 work=$3
mkdir -p "$work"
printf '[log]\nfile =\nconsole = false\n' >"$work/qloop.ini"

"$qloop" -c "$work/qloop.ini" analyze fishbone --input "$data/weld-crack.fishbone.csv" --lang zh-CN \
  --option "effect=A100 支架焊点开裂" --format json >"$work/csv.json"
"$qloop" -c "$work/qloop.ini" analyze fishbone --input "$data/weld-crack.fishbone.json" --format json >"$work/json.json"

/usr/bin/python3 - "$work" <<'PY'
import json, sys, xml.dom.minidom
work = sys.argv[1]
csv = json.load(open(f"{work}/csv.json", encoding="utf-8"))
js = json.load(open(f"{work}/json.json", encoding="utf-8"))
assert csv["method"] == "fishbone"
s = csv["summary"]
assert (s["causes"], s["sub_causes"], s["verified"], s["suspected"], s["ruled_out"], s["categories_used"]) == \
    (7, 3, 4, 3, 3, 6), s
# The CSV and the JSON request describe the same diagram.
assert csv["details"] == js["details"], "CSV and JSON forms differ"
assert csv["summary"] == js["summary"]
by_category = {row[0]: row[1:] for row in csv["tables"][0]["rows"]}
assert by_category["机"] == [2, 2, 1, 2, 1], by_category["机"]
assert by_category["合计"] == [7, 3, 3, 4, 3], by_category["合计"]
svg = csv["charts"][0]["svg"]
for word in ["人", "机", "料", "法", "环", "测", "已验证", "疑似", "已排除", "A100 支架焊点开裂"]:
    assert f">{word}<" in svg or word in svg, word
xml.dom.minidom.parseString(svg.encode("utf-8"))
assert [f["rule"] for f in csv["findings"]] == [], csv["findings"]
PY

set +e
"$qloop" -c "$work/qloop.ini" analyze fishbone --input "$data/bad-category.csv" --option effect=x >"$work/bad.out" \
  2>"$work/bad.err"
code=$?
set -e
[ "$code" -eq 5 ] || { echo "expected exit 5 for an unknown category, got $code"; cat "$work/bad.err"; exit 1; }
grep -q "table.rows\[0\].category" "$work/bad.err" && grep -q "measurement" "$work/bad.err" ||
  { echo "error does not name the field and the allowed values:"; cat "$work/bad.err"; exit 1; }
echo "fishbone end to end: ok"
