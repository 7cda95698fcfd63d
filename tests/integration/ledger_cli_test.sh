#!/usr/bin/env bash
# One complaint through the whole closed loop with the qloop command, as a
# CQE would type it: 受理 → 调查 → 处理 → 反馈 → 回访 → 归档, with the guards'
# refusals and exit codes on the way.
set -euo pipefail
qloop=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
printf '[log]\nfile =\nlevel = warn\n[sla]\npolicy =\n' >"$tmp/qloop.ini"
q() { QLOOP_DATA_DIR=$tmp "$qloop" --config "$tmp/qloop.ini" --actor "${ACTOR:-cqe}" "$@"; }
expect_exit() { # code, command...
  local want=$1; shift
  set +e; "$@" >"$tmp/out" 2>"$tmp/err"; local got=$?; set -e
  [[ $got -eq $want ]] || fail "expected exit $want, got $got: $* :: $(cat "$tmp/err")"
}

num=$(q complaint new --customer "华东汽车电子" --product PCBA-X100 --lot L2026-4001 --quantity 18 \
  --phenomenon "焊点虚焊 <script>alert(1)</script>" --severity major --channel email --json |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["complaint"]["number"])')
[[ $num == QC-* ]] || fail "no number: $num"
expect_exit 7 q complaint transition "$num" archived
grep -q "allowed next states are acknowledged" "$tmp/err" || fail "illegal transition message: $(cat "$tmp/err")"
expect_exit 7 q complaint transition "$num" acknowledged
grep -q "no outbound customer contact" "$tmp/err" || fail "guard message"
expect_exit 6 q complaint show QC-1999-99999
expect_exit 5 q complaint update "$num" --set severity=huge

q contact add "$num" --purpose first_response --summary "已收到,正在调查" >/dev/null
q complaint assign "$num" --owner 张伟 --department production >/dev/null
q complaint transition "$num" acknowledged >/dev/null
q complaint transition "$num" containing >/dev/null
q 8d set "$num" d3 --json '[{"description":"sort L2026-4001","lots":["L2026-4001"],"quantity_sorted":2000,"found_bad":18,"shipments_stopped":true}]' >/dev/null
q complaint transition "$num" investigating >/dev/null
q 8d set "$num" d4 --json '[{"kind":"occurrence","description":"reflow drift"},{"kind":"escape","description":"ICT gap"}]' >/dev/null
aid=$(q action add "$num" --type permanent --description "lock reflow profile" --owner engineer --json |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
q complaint transition "$num" correcting >/dev/null
expect_exit 7 q complaint transition "$num" verifying
ACTOR=engineer q action update "$aid" --set status=done --set evidence="profile locked" >/dev/null
q complaint transition "$num" verifying >/dev/null
ACTOR=engineer expect_exit 7 q action verify "$aid" --result "self-verified"
grep -q "someone other than its owner" "$tmp/err" || fail "self-verification allowed"
ACTOR=qa q action verify "$aid" --result "3 lots, 0 defects" >/dev/null
q complaint transition "$num" feeding_back >/dev/null
q contact add "$num" --purpose feedback --summary "8D sent" >/dev/null
q complaint transition "$num" revisiting >/dev/null
q 8d set "$num" d8 --json '{"closed_at":"2026-03-05T10:00:00Z","closed_by":"cqe","summary":"closed"}' >/dev/null
q revisit "$num" --satisfaction 5 --comment "满意" >/dev/null
q complaint transition "$num" archived >/dev/null
status=$(q complaint show "$num" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["complaint"]["status"])')
[[ $status == archived ]] || fail "not archived: $status"
q complaint list --json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["total"]==1, d'
kinds=$(q audit log "$num" --json | python3 -c 'import json,sys; print(" ".join(e["kind"] for e in json.load(sys.stdin)))')
for k in complaint.created contact.added complaint.assigned complaint.transition 8d.d3 8d.d4 action.added action.updated action.verified revisit.recorded; do
  grep -qw "$k" <<<"$kinds" || fail "audit trail lacks $k: $kinds"
done
# An analysis result attached to the complaint's 8D (D4 for a Pareto).
printf 'defect,count\nvoids,18\nbridging,5\ncracks,2\n' >"$tmp/defects.csv"
if q plugins list | grep -q "analysis.pareto.*loaded"; then
  q analyze pareto --input "$tmp/defects.csv" --option field=defect --option value=count --complaint "$num" >/dev/null 2>"$tmp/err" ||
    fail "analyze --complaint: $(cat "$tmp/err")"
  grep -q "attached to $num d4" "$tmp/err" || fail "not attached: $(cat "$tmp/err")"
  q audit log "$num" --json | grep -q analysis.attached || fail "no analysis.attached event"
fi
q audit verify | grep -q intact || fail "audit"
echo "1 passed, 0 failed"
