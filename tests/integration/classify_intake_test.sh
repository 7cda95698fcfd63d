#!/usr/bin/env bash
# Classification, triage, routing and cross-channel duplicates through the
# real host, with the real analysis.classify plugin and intake.webhook: a
# demo ledger trains the model, webhook payloads come in, and the CQE's
# commands see the grading, the queue, the owners and the links.
# Usage: classify_intake_test.sh QLOOP_EXE SOURCE_DIR
set -euo pipefail
qloop=$1 src=$2
tmp=$(mktemp -d)
trap '[[ -n ${KEEP:-} ]] || rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cat >"$tmp/qloop.ini" <<INI
[host]
data_dir = $tmp/data
[log]
file =
console = false
[sla]
policy =
[classify]
routing = $src/config/routing.ini
triage_below = 0.6
[analysis.classify]
rules_file = $src/config/classify-rules.ini
[intake.webhook]
channel = chat
items_pointer = /items
mapping = source_key=/id; received_at=/at; customer=/customer; product_model=/product; order_number=/order; phenomenon=/text
INI
# The same connector delivering mail-to-ticket items: another channel.
sed 's/^channel = chat/channel = email/' "$tmp/qloop.ini" >"$tmp/mail.ini"
q() { "$qloop" -c "$tmp/qloop.ini" --log-level error "$@"; }

# No model yet: the rules alone decide, and say so.
q classify try "电源冒烟,客户现场停线" --product PSU-450W >"$tmp/try0.txt"
grep -q "rules only" "$tmp/try0.txt" || fail "no 'rules only' note: $(cat "$tmp/try0.txt")"
grep -E "^severity +critical .*rule:" "$tmp/try0.txt" >/dev/null || fail "smoke is not critical by rule: $(cat "$tmp/try0.txt")"

q demo seed --count 3000 --years 1 --seed 5 >/dev/null
q classify train >"$tmp/train.txt"
grep -q "trained on" "$tmp/train.txt" || fail "train: $(cat "$tmp/train.txt")"
q classify eval --json >"$tmp/eval.json"
python3 - "$tmp/eval.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
f1 = r["summary"]["category_macro_f1"]
assert f1 > 0.9, f"category macro-F1 on the demo ledger {f1}"
PY
q classify try "Cartons crushed in transit; 12 units with broken housings" --json >"$tmp/try1.json"
python3 - "$tmp/try1.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["category"]["value"] == "logistics", d
assert d["category"]["explanation"], d
PY

cat >"$tmp/batch.json" <<'JSON'
{"items": [
 {"id": "chat-1", "at": "2026-11-20T09:00:00+08:00", "customer": "Rhein Automotive GmbH", "product": "PCBA-X100",
  "order": "SO-1", "text": "Cold solder joints on the connector; intermittent failure after power-on"},
 {"id": "chat-2", "at": "2026-11-20T10:00:00+08:00", "customer": "Iberia Solar S.L.", "product": "PSU-450W",
  "order": "SO-2", "text": "电源冒烟,客户现场停线"},
 {"id": "chat-3", "at": "2026-11-20T11:00:00+08:00", "customer": "Kansai Robotics K.K.", "product": "LED-D9",
  "order": "SO-3", "text": "zzz qqq"}
]}
JSON
cat >"$tmp/mail.json" <<'JSON'
{"items": [
 {"id": "mail-1", "at": "2026-11-21T09:00:00+08:00", "customer": "Rhein Automotive GmbH", "product": "PCBA-X100",
  "order": "SO-1", "text": "连接器焊点虚焊,上电后间歇性失效"}
]}
JSON
q intake submit --channel webhook "$tmp/batch.json" >/dev/null
"$qloop" -c "$tmp/mail.ini" --log-level error intake submit --channel webhook "$tmp/mail.json" >/dev/null
db=$tmp/data/qloop.db
row() { sqlite3 "$db" "SELECT $1 FROM complaints WHERE source_key = 'webhook:$2'"; }
[[ $(row category chat-1) == product_quality ]] || fail "chat-1 category $(row category chat-1)"
[[ $(row severity chat-2) == critical ]] || fail "chat-2 severity $(row severity chat-2)"
[[ $(row owner_department chat-2) == rd ]] || fail "PSU routed to $(row owner_department chat-2)"
[[ $(row owner chat-2) == "Emma Chen" ]] || fail "chat-2 owner $(row owner chat-2)"
[[ -n $(row owner chat-1) ]] || fail "chat-1 has no owner"
# The email repeats chat-1 (same customer and order, another channel).
[[ $(row status mail-1) == duplicate ]] || fail "mail-1 is $(row status mail-1), not a duplicate"
first=$(row number chat-1)
dup=$(row number mail-1)
q complaint show "$first" >"$tmp/show.txt"
grep -q "absorbed $dup (probable_duplicate" "$tmp/show.txt" || fail "show: $(cat "$tmp/show.txt")"
# Gibberish goes to triage; the CQE corrects it and it leaves the queue.
q triage list --json >"$tmp/triage.json"
odd=$(row number chat-3)
python3 - "$tmp/triage.json" "$odd" <<'PY'
import json, sys
queue = json.load(open(sys.argv[1]))
assert sys.argv[2] in [q["number"] for q in queue], queue
PY
q triage review "$odd" --set category=other --set subcategory=other --department customer_service --owner "Tom Becker" >/dev/null
[[ $(row category chat-3) == other ]] || fail "correction not applied"
q triage list --json | python3 -c "import json,sys; n=sys.argv[1]; assert n not in [q['number'] for q in json.load(sys.stdin)]" "$odd"
# A wrong link is undone.
q complaint unlink "$dup" --reason "different connector" >/dev/null
[[ $(row status mail-1) == received ]] || fail "unlink left $(row status mail-1)"
q audit verify >/dev/null || fail "audit chain broken"
echo "classification, triage, routing and duplicates end to end: ok"
