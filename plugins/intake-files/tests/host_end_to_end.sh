#!/usr/bin/env bash
# End to end through the real host: a GBK CSV (as Chinese Excel saves it) and
# an XLSX land in the drop folder; `qloop intake run` imports them into a real
# SQLite ledger, moves them to done/, keeps the bad rows in the quarantine,
# and a second run or a re-import of the same file creates nothing twice.
# Usage: host_end_to_end.sh QLOOP_EXE TESTS_DIR WORK_DIR
set -euo pipefail
qloop=$1 tests=$2 work=$3
rm -rf "$work" && mkdir -p "$work/drop"
cat >"$work/qloop.ini" <<INI
[host]
data_dir = $work
[log]
file =
console = false
[intake.files]
drop_dir = drop
settle_seconds = 0
INI
q() { "$qloop" -c "$work/qloop.ini" --log-level error "$@"; }

printf '客户名称,产品型号,批号,不良数量,不良现象,投诉日期,严重度\n华东汽车电子,PCBA-X100,L2026-01,12,焊点虚焊,2026-03-02 08:40,严重\n北方重工,PSU-450W,L2026-02,abc,输出电压偏低,2026-03-03,一般\n苏州精密,PCBA-X100,L2026-03,3,"外壳开裂, 有毛刺",2026-03-04,轻微\n' \
  | iconv -f UTF-8 -t GB18030 >"$work/drop/2026-03 客诉.csv"
/usr/bin/python3 "$tests/make_xlsx.py" "$work/drop/ledger.xlsx" complaints

q intake run --channel files >"$work/run1.txt"
[ -f "$work/drop/done/2026-03 客诉.csv" ] || { echo "CSV not moved to done/"; ls -R "$work/drop"; exit 1; }
[ -f "$work/drop/done/ledger.xlsx" ] || { echo "XLSX not moved to done/"; ls -R "$work/drop"; exit 1; }
q complaint list --limit 100 | tail -1 >"$work/count1.txt"
q intake run --channel files >"$work/run2.txt"
q intake run --channel files --file "$work/drop/done/2026-03 客诉.csv" >"$work/run3.txt"
q complaint list --limit 100 | tail -1 >"$work/count2.txt"
cmp -s "$work/count1.txt" "$work/count2.txt" || { echo "a re-run created complaints: $(cat "$work/count1.txt") -> $(cat "$work/count2.txt")"; exit 1; }
q intake quarantine list --json >"$work/held.json"
q complaint list --limit 100 >"$work/list.txt"

/usr/bin/python3 - "$work" <<'PY'
import json, re, sys
work = sys.argv[1]
run1 = json.loads(open(f"{work}/run1.txt", encoding="utf-8").read().split(": ", 1)[1])
assert run1["files"] == 2, run1
held = json.load(open(f"{work}/held.json", encoding="utf-8"))
reasons = " | ".join(h["reason"] for h in held)
assert "quantity_affected" in reasons and "abc" in reasons, reasons
assert all(h["channel"] == "intake.files" for h in held), held
listing = open(f"{work}/list.txt", encoding="utf-8").read()
for text in ("华东汽车电子", "苏州精密", "焊点虚焊"):
    assert text in listing, (text, listing)
m = re.search(r"^(\d+) of (\d+) complaint", open(f"{work}/count1.txt").read())
stored = int(m.group(2))
assert stored == run1["submitted"] - 0, (stored, run1)
PY
q audit verify >/dev/null
echo "intake.files end to end: ok"
