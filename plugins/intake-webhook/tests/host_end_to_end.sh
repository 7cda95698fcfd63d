#!/usr/bin/env bash
# End to end: webhook payloads through the real host into a real SQLite
# ledger. Good items become complaints once (a second submit of the same
# payload creates nothing); bad items and a broken payload are quarantined
# with their reasons; a corrected record releases a held item.
# Usage: host_end_to_end.sh QLOOP_EXE DATA_DIR WORK_DIR
set -euo pipefail
qloop=$1 data=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
cat >"$work/qloop.ini" <<INI
[host]
data_dir = $work
[log]
file =
console = false
[intake.webhook]
channel = chat
items_pointer = /items
mapping = source_key=/id; received_at=/created_at; customer=/customer/name; product_model=/product; order_number=/order; quantity_affected=/quantity; phenomenon=/text; severity=/severity; reporter=/agent
INI
q() { "$qloop" -c "$work/qloop.ini" --log-level error "$@"; }

q intake submit --channel webhook "$data/chat-batch.json" >"$work/first.txt"
q intake submit --channel webhook "$data/chat-batch.json" >"$work/second.txt"
set +e
q intake submit --channel webhook "$data/broken.json" 2>"$work/broken.err"
code=$?
set -e
[ "$code" -eq 5 ] || { echo "broken payload: exit $code, want 5"; exit 1; }
grep -q "not valid JSON" "$work/broken.err"


q intake quarantine list --json >"$work/held.json"

/usr/bin/python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
first = json.loads(open(f"{work}/first.txt").read().split(": ", 1)[1])
assert first == {"payloads": 1, "submitted": 3, "quarantined": 1}, first
held = json.load(open(f"{work}/held.json"))
reasons = {h["source_key"]: h["reason"] for h in held}
assert "webhook:9003" in reasons, reasons
assert "customer: must not be empty" in reasons["webhook:9003"], reasons
assert "quantity_affected" in reasons["webhook:9003"], reasons
assert any("not a JSON object" in r for r in reasons.values()), reasons
assert any("not valid JSON" in r for r in reasons.values()), reasons
# The second submit counted attempts instead of adding items.
assert len(held) == 3, held
assert {h["attempts"] for h in held if h["source_key"] == "webhook:9003"} == {2}
PY

# Exactly two complaints, whatever was submitted twice.
n=$(q complaint list --limit 100 | tail -1)
echo "$n" | grep -q "^2 of 2 complaint" || { echo "want 2 complaints, got: $n"; exit 1; }
q complaint show QC-2026-00001 --json >"$work/c1.json"
/usr/bin/python3 - "$work" <<'PY'
import json, sys
c = json.load(open(f"{sys.argv[1]}/c1.json"))["complaint"]
assert c["channel"] == "chat" and c["source_key"].startswith("webhook:900"), c
assert c["extra"]["payload"]["id"] in (9001, 9002), c["extra"]
if c["source_key"] == "webhook:9001":
    assert c["quantity_affected"] == 12 and c["customer"] == "华东汽车电子有限公司", c
PY

# A person fixes the held record and retries it.
item=$(/usr/bin/python3 -c 'import json,sys; print([h["id"] for h in json.load(open(sys.argv[1])) if h["source_key"]=="webhook:9003"][0])' "$work/held.json")
q intake quarantine show "$item" >"$work/item.json"
/usr/bin/python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
raw = json.load(open(f"{work}/item.json"))["raw"]
raw["customer"] = "北方重工机械"
raw["quantity_affected"] = 0
json.dump(raw, open(f"{work}/fixed.json", "w"), ensure_ascii=False)
PY
q intake quarantine retry "$item" --record "$work/fixed.json" | grep -q "^created QC-"
q intake quarantine list --json | /usr/bin/python3 -c 'import json,sys; assert len(json.load(sys.stdin)) == 2'
q audit verify >/dev/null
echo "webhook end to end: ok"
