#!/usr/bin/env bash
# End-to-end: the real qloop host seeds a demo ledger, loads the built
# export.ledger plugin and exports it as XLSX, CSV and JSON Lines; the files
# are read back with openpyxl and Python's csv/json modules and compared with
# the host's own complaint count and the plugin's summary.
# Usage: host_end_to_end.sh QLOOP_EXE PYTHON WORK_DIR
set -euo pipefail
qloop=$1 python=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
cat >"$work/qloop.ini" <<INI
[host]
data_dir = $work/data
[sla]
policy =
[log]
file =
console = false
[export.ledger]
utc_offset = +08:00
INI
q() { "$qloop" -c "$work/qloop.ini" "$@"; }

q demo seed --count 300 --seed 7 >/dev/null
q export ledger --format xlsx --out "$work/ledger.xlsx" >"$work/xlsx.json"
q export ledger --format xlsx --lang zh-CN --option utc_offset=UTC --out "$work/zh.xlsx" >"$work/zh.json"
q export ledger --format csv --option bom=true --status archived --out "$work/archived.csv" >"$work/csv.json"
q export ledger --format jsonl --out "$work/ledger.jsonl" >"$work/jsonl.json"

"$python" - "$work" <<'PY'
import csv, datetime, io, json, sys
import openpyxl
work = sys.argv[1]
summary = json.load(open(f"{work}/xlsx.json"))
n = summary["complaints"]
assert n == 300, summary
assert summary["format"] == "xlsx" and summary["utc_offset"] == "UTC+08:00", summary

book = openpyxl.load_workbook(f"{work}/ledger.xlsx")
assert book.sheetnames == ["Complaints", "Actions", "8D summary", "Export"], book.sheetnames
ws = book["Complaints"]
assert ws.max_row == n + 1 and ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:R{n + 1}"
head = [c.value for c in ws[1]]
assert head[1] == "Received (UTC+08:00)", head
for row in ws.iter_rows(min_row=2, values_only=True):
    assert isinstance(row[1], datetime.datetime), row[1]
    assert isinstance(row[6], (int, float)), row[6]           # quantity affected
    assert row[10] in ("critical", "major", "minor"), row[10]  # severity code
    if row[15] is not None:
        assert isinstance(row[15], datetime.datetime) and isinstance(row[16], float)
actions = book["Actions"]
assert actions.max_row - 1 == summary["rows"]["actions"] == summary["actions"], summary
for c in ("Complaints", "Actions", "8D summary"):
    for row in book[c].iter_rows():
        for cell in row:
            assert cell.data_type != "f", (c, cell.coordinate)

zh = openpyxl.load_workbook(f"{work}/zh.xlsx")
assert zh.sheetnames == ["客诉台账", "措施", "8D 摘要", "导出信息"], zh.sheetnames
assert zh["客诉台账"]["B1"].value == "受理时间 (UTC)"
assert {r[10] for r in zh["客诉台账"].iter_rows(min_row=2, values_only=True)} <= {"紧急", "重大", "一般"}

csv_summary = json.load(open(f"{work}/csv.json"))
assert csv_summary["filters"] == {"status": "archived"}, csv_summary
raw = open(f"{work}/archived.csv", "rb").read()
assert raw.startswith(b"\xef\xbb\xbf")
rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
assert len(rows) - 1 == csv_summary["rows"] == csv_summary["complaints"] > 0, (len(rows), csv_summary)
status = rows[0].index("Status")
assert {r[status] for r in rows[1:]} == {"archived"}

lines = open(f"{work}/ledger.jsonl", encoding="utf-8").read().splitlines()
assert len(lines) == n
numbers = [json.loads(l)["number"] for l in lines]
assert len(set(numbers)) == n
PY

set +e
q export ledger --format csv --option utc_offset=Mars --out "$work/bad.csv" >"$work/bad.out" 2>"$work/bad.err"
code=$?
set -e
[ "$code" -eq 5 ] || { echo "expected exit 5 for a bad option, got $code"; cat "$work/bad.err"; exit 1; }
grep -q "utc_offset" "$work/bad.err" || { echo "error does not name the option:"; cat "$work/bad.err"; exit 1; }
[ ! -e "$work/bad.csv" ] || { echo "a failed export left a file"; exit 1; }
echo "export.ledger end to end: ok"
