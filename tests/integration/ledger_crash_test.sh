#!/usr/bin/env bash
# The ledger under real failure: a process killed (SIGKILL) in the middle of
# a bulk write leaves a consistent database with no half-written complaint,
# and two writer processes on one database lose and corrupt nothing.
set -euo pipefail
qloop=$1
tmp=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
printf '[log]\nfile =\nlevel = warn\n[sla]\npolicy =\n' >"$tmp/qloop.ini"
q() { QLOOP_DATA_DIR=$1 "$qloop" --config "$tmp/qloop.ini" "${@:2}"; }
sql() { sqlite3 "$1/qloop.db" "$2"; }

echo "== SIGKILL in the middle of a bulk write"
mkdir -p "$tmp/crash"
# Started directly (not through q) so that $! is qloop itself.
QLOOP_DATA_DIR="$tmp/crash" "$qloop" --config "$tmp/qloop.ini" demo seed --count 400000 --batch 500 >/dev/null &
pid=$!
# Wait until some batches are committed, then kill without warning.
for _ in $(seq 1 600); do # up to 2 minutes on a loaded machine
  sleep 0.2
  n=$(sql "$tmp/crash" "SELECT COUNT(*) FROM complaints" 2>/dev/null || echo 0)
  [[ $n -ge 2000 ]] && break
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
[[ $(sql "$tmp/crash" "PRAGMA integrity_check") == ok ]] || fail "integrity_check"
n=$(sql "$tmp/crash" "SELECT COUNT(*) FROM complaints")
echo "complaints committed before the kill: $n"
[[ $n -gt 0 && $n -lt 400000 ]] || fail "the kill did not land mid-write ($n complaints)"
(( n % 500 == 0 )) || fail "$n complaints is not a whole number of 500-complaint transactions: a half-written batch"
# Every complaint is whole: its creation event, its contacts' events, a revisit when archived.
orphans=$(sql "$tmp/crash" "SELECT COUNT(*) FROM complaints c WHERE NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.complaint_id = c.id AND e.kind = 'complaint.created')")
[[ $orphans -eq 0 ]] || fail "$orphans complaints without their creation event"
missing=$(sql "$tmp/crash" "SELECT COUNT(*) FROM complaints c WHERE c.status = 'archived' AND NOT EXISTS (SELECT 1 FROM revisits r WHERE r.complaint_id = c.id)")
[[ $missing -eq 0 ]] || fail "$missing archived complaints without their revisit"
events=$(sql "$tmp/crash" "SELECT COUNT(*) FROM audit_events WHERE complaint_id NOT IN (SELECT id FROM complaints)")
[[ $events -eq 0 ]] || fail "$events audit events of complaints that do not exist"
q "$tmp/crash" audit verify | grep -q "intact" || fail "audit chain broken after the kill"
# The ledger carries on from there.
q "$tmp/crash" demo seed --count 1000 --seed 7 >/dev/null
q "$tmp/crash" audit verify | grep -q "intact" || fail "audit chain broken after resuming"

echo "== two writer processes on one database"
mkdir -p "$tmp/two"
q "$tmp/two" db migrate >/dev/null
QLOOP_DATA_DIR="$tmp/two" "$qloop" --config "$tmp/qloop.ini" demo seed --count 3000 --batch 50 --seed 1 >/dev/null &
a=$!
QLOOP_DATA_DIR="$tmp/two" "$qloop" --config "$tmp/qloop.ini" demo seed --count 3000 --batch 50 --seed 2 >/dev/null &
b=$!
for i in $(seq 1 40); do
  q "$tmp/two" complaint new --customer "Walk-in $i" --phenomenon "by hand $i" >/dev/null
done
wait "$a" || fail "writer 1 failed"
wait "$b" || fail "writer 2 failed"
[[ $(sql "$tmp/two" "SELECT COUNT(*) FROM complaints") -eq 6040 ]] || fail "lost complaints: $(sql "$tmp/two" "SELECT COUNT(*) FROM complaints")"
[[ $(sql "$tmp/two" "SELECT COUNT(DISTINCT number) FROM complaints") -eq 6040 ]] || fail "duplicate numbers"
[[ $(sql "$tmp/two" "PRAGMA integrity_check") == ok ]] || fail "integrity_check"
q "$tmp/two" audit verify | grep -q "intact" || fail "audit chain broken by concurrent writers"
echo "2 passed, 0 failed"
