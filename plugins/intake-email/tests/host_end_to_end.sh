#!/usr/bin/env bash
# End to end through the real host and a real IMAP server: a throwaway
# dovecot on a free loopback port (its own config, a passwd-file user, a
# maildir under a temp dir), the sample emails delivered into its maildir,
# `qloop intake run --channel email` into a real SQLite ledger.
#
# Checks: one complaint per readable email with the right Chinese text,
# customer and stored attachments; the broken email in the quarantine; a
# second run creates nothing; messages marked per `after` (seen, then
# move:Processed, then delete); with the \Seen flags taken away (a crash
# between submit and flag) a run hands everything over again and the host
# keeps it exactly once.
#
# A reply to a complaint's thread becomes an inbound contact on it, not a
# complaint of its own.
#
# dovecot not starting is a failure, never a skip.
# Usage: host_end_to_end.sh QLOOP_EXE TESTS_DIR WORK_DIR
set -euo pipefail
qloop=$1 tests=$2 work=$3
data=$tests/data
rm -rf "$work" && mkdir -p "$work"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

dovecot_bin=/usr/sbin/dovecot
[ -x "$dovecot_bin" ] || fail "$dovecot_bin is missing (Debian package dovecot-imapd, in .ci/packages.txt)"

# dovecot refuses to run its login processes as root, so as root the whole
# server runs as nobody; otherwise as the current user. Either way nothing
# outside the temp dir is touched.
if [ "$(id -u)" -eq 0 ]; then
  mail_user=nobody
  as_mail_user=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups)
else
  mail_user=$(id -un)
  as_mail_user=()
fi
mail_uid=$(id -u "$mail_user") mail_gid=$(id -g "$mail_user") mail_group=$(id -gn "$mail_user")
password=e2e-secret-$$

srv=$(mktemp -d /tmp/qloop-email-e2e.XXXXXX)
chmod 755 "$srv"
dovecot_pid=""
cleanup() {
  local code=$?
  if [ -n "$dovecot_pid" ] && kill -0 "$dovecot_pid" 2>/dev/null; then
    kill "$dovecot_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$dovecot_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$dovecot_pid" 2>/dev/null || true
  fi
  if [ "$code" -ne 0 ] && [ -f "$srv/dovecot.log" ]; then
    echo "--- dovecot.log (last lines) ---" >&2
    tail -n 30 "$srv/dovecot.log" >&2 || true
  fi
  rm -rf "$srv"
  exit "$code"
}
trap cleanup EXIT

port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
maildir=$srv/mail/$mail_user
mkdir -p "$srv/run" "$srv/state" "$maildir"/{cur,new,tmp}
echo "$mail_user:{PLAIN}$password:$mail_uid:$mail_gid::$maildir::" >"$srv/passwd"
cat >"$srv/dovecot.conf" <<CONF
base_dir = $srv/run
state_dir = $srv/state
log_path = $srv/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
auth_mechanisms = plain
disable_plaintext_auth = no
default_internal_user = $mail_user
default_internal_group = $mail_group
default_login_user = $mail_user
first_valid_uid = 1
mail_location = maildir:$srv/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $srv/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u $srv/passwd
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
CONF
[ "$(id -u)" -eq 0 ] && chown -R nobody "$srv"

# Foreground (-F) in the background: $! is dovecot itself, stopped by the trap.
"${as_mail_user[@]}" "$dovecot_bin" -F -c "$srv/dovecot.conf" >"$srv/dovecot.out" 2>&1 &
dovecot_pid=$!
ready=""
for _ in $(seq 100); do
  kill -0 "$dovecot_pid" 2>/dev/null || { cat "$srv/dovecot.out" >&2; fail "dovecot exited at start"; }
  if /usr/bin/python3 - "$port" <<'PY' 2>/dev/null; then ready=1; break; fi
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1)
assert s.recv(100).startswith(b"* OK")
PY
  sleep 0.1
done
[ -n "$ready" ] || { cat "$srv/dovecot.out" >&2; fail "dovecot did not answer on 127.0.0.1:$port"; }

# Delivery the way an MTA does it: a file in Maildir/new, owned by the mail user.
n=0
deliver() { # FILE [INTERNALDATE as touch -d]
  n=$((n + 1))
  local target="$maildir/new/$(date +%s).M${n}P$$.qloop-e2e"
  cp "$1" "$target"
  [ -n "${2:-}" ] && touch -d "$2" "$target"
  [ "$(id -u)" -eq 0 ] && chown nobody "$target"
  return 0
}

# IMAP as a mail client sees it, through Python's imaplib (not libcurl, which the plugin uses).
imap() { # PYTHON-STATEMENTS using `m` (logged in)
  /usr/bin/python3 - "$port" "$mail_user" "$password" "$1" <<'PY'
import imaplib, sys
port, user, password, code = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
m = imaplib.IMAP4("127.0.0.1", int(port))
m.login(user, password)
def uids(box, key):
    m.select(box)
    typ, data = m.uid("SEARCH", None, key)
    return data[0].split()
exec(code)
m.logout()
PY
}

cat >"$work/qloop.ini" <<INI
[host]
data_dir = $work
[log]
file =
console = false
[intake.email]
url = imap://127.0.0.1:$port/INBOX
user = $mail_user
password_file = $work/imap-password
tls = off
customer_map = $data/customers.ini
after = seen
INI
echo "$password" >"$work/imap-password"
q() { "$qloop" -c "$work/qloop.ini" --log-level error "$@"; }
set_after() { sed -i "s/^after = .*/after = $1/" "$work/qloop.ini"; }
summary() { /usr/bin/python3 -c 'import json,sys; print(json.dumps(json.loads(open(sys.argv[1]).read().split(": ", 1)[1]), sort_keys=True))' "$1"; }
count() { q complaint list --json --limit 1000 | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }

# --- A wrong password: the channel fails, the host reports it and goes on.
echo "not-the-password" >"$work/imap-password"
set +e
q intake run --channel email >"$work/denied.out" 2>"$work/denied.err"
code=$?
set -e
[ "$code" -eq 4 ] || fail "wrong password: exit $code, want 4 ($(cat "$work/denied.err"))"
grep "intake.email failed" "$work/denied.err" | grep "imap://127.0.0.1:$port/INBOX" | grep -qi "login denied" ||
  fail "wrong password: $(cat "$work/denied.err")"
grep -q "$password" "$work/denied.err" && fail "the password appears in an error message"
echo "$password" >"$work/imap-password"

# --- Phase A, after = seen: six readable emails and one broken one.
for f in gbk-quoted-printable big5-8bit utf8-attachments alternative-inline-image html-only broken; do
  deliver "$data/$f.eml"
done
deliver "$data/no-message-id.eml" "2026-03-09 10:00:00 +0800" # no Date header: INTERNALDATE (the file's mtime)

q intake run --channel email >"$work/run1.txt"
[ "$(summary "$work/run1.txt")" = '{"after": "seen", "fetched": 7, "mailbox": "imap://127.0.0.1:'"$port"'/INBOX", "quarantined": 1, "skipped": 0, "submitted": 6}' ] ||
  fail "first run: $(cat "$work/run1.txt")"
imap 'assert uids("INBOX", "UNSEEN") == [], "unseen after the run"; assert len(uids("INBOX", "SEEN")) == 7'
[ "$(count)" = 6 ] || fail "first run: $(count) complaints, want 6"

q complaint list --json --limit 1000 >"$work/list1.json"
q intake quarantine list --json >"$work/held1.json"
/usr/bin/python3 - "$work" "$data" <<'PY'
import hashlib, json, os, sys
work, data = sys.argv[1], sys.argv[2]
rows = {c["source_key"]: c for c in json.load(open(f"{work}/list1.json", encoding="utf-8"))["complaints"]}
def sha(name):
    return hashlib.sha256(open(os.path.join(data, name), "rb").read()).hexdigest()

gbk = rows["email:<20260303091500.4711@huadong-auto.com>"]
assert gbk["channel"] == "email" and gbk["customer"] == "华东汽车电子有限公司", gbk
assert gbk["contact"] == "wang.zhe@huadong-auto.com" and gbk["reporter"] == "王喆", gbk
assert gbk["received_at"] == "2026-03-03T01:15:00Z", gbk["received_at"]
assert gbk["phenomenon"].startswith("PCBA-X100批次L2026-4001焊点虚焊投诉\n\n您好："), gbk["phenomenon"]
assert "上线后发现18件焊点虚焊，上电后间歇性失效" in gbk["phenomenon"], gbk["phenomenon"]
assert gbk["extra"]["email"]["from"] == "王喆 <wang.zhe@huadong-auto.com>", gbk["extra"]

big5 = rows["email:<big5-0304-1430@taiyuan-tech.com.tw>"]
assert big5["customer"] == "台元科技股份有限公司" and big5["reporter"] == "陳志明", big5
assert big5["phenomenon"].startswith("電源模組PSU-450W輸出電壓偏低\n\n您好："), big5["phenomenon"]
assert "訂單號PO-88231" in big5["phenomenon"], big5["phenomenon"]

att = rows["email:<CAF=0305.1000@mail.suzhou-precision.cn>"]
assert att["customer"] == "苏州精密制造有限公司", att
assert "外壳开裂，边缘有毛刺" in att["phenomenon"], att["phenomenon"]
files = {a["name"]: a for a in att["attachments"]}
assert set(files) == {"测试报告.pdf", "crack.png"}, att["attachments"]
assert files["测试报告.pdf"]["media_type"] == "application/pdf", files
for name, expected in (("测试报告.pdf", "expected-report.pdf"), ("crack.png", "expected-crack.png")):
    stored = open(files[name]["path"], "rb").read()
    assert stored == open(os.path.join(data, expected), "rb").read(), (name, files[name]["path"])
    assert os.path.abspath(files[name]["path"]).startswith(os.path.abspath(work)), files[name]["path"]

alt = rows["email:<0306164510.AB12@beifang-heavy.com>"]
assert alt["customer"] == "beifang-heavy.com", alt  # not in customers.ini: the domain
assert "<" not in alt["phenomenon"] and "客户反映：包装箱破损" in alt["phenomenon"], alt["phenomenon"]
assert [a["name"] for a in alt["attachments"]] == ["image001.png"], alt["attachments"]
assert open(alt["attachments"][0]["path"], "rb").read() == open(os.path.join(data, "expected-image001.png"), "rb").read()

html = rows["email:<html-only-0307@xinghe-power.com>"]
assert "产品型号：PSU-450W" in html["phenomenon"] and "风扇异响&过热" in html["phenomenon"], html["phenomenon"]

plain = rows["email:sha256:" + sha("no-message-id.eml")]  # the server hands over the bytes as delivered
assert plain["customer"] == "南方电机" and plain["contact"] == "service@nanfang-motors.com", plain
assert plain["received_at"] == "2026-03-09T02:00:00Z", plain["received_at"]  # INTERNALDATE

held = json.load(open(f"{work}/held1.json", encoding="utf-8"))
assert len(held) == 1, held
assert held[0]["channel"] == "intake.email" and held[0]["source_key"] == "email:sha256:" + sha("broken.eml"), held
assert "not an email message" in held[0]["reason"] and held[0]["attempts"] == 1, held
assert held[0]["raw_bytes"] == os.path.getsize(os.path.join(data, "broken.eml")), held
PY

# Nothing new: nothing fetched, nothing created.
q intake run --channel email >"$work/run2.txt"
[ "$(summary "$work/run2.txt" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["fetched"])')" = 0 ] ||
  fail "second run: $(cat "$work/run2.txt")"
[ "$(count)" = 6 ] || fail "second run: $(count) complaints, want 6"

# A crash between submit and flag: the flags are gone, the ledger has it all.
imap 'm.select("INBOX"); m.uid("STORE", "1:*", "-FLAGS.SILENT", "(\\Seen)"); assert len(uids("INBOX", "UNSEEN")) == 7'
q intake run --channel email >"$work/run3.txt"
[ "$(summary "$work/run3.txt" | /usr/bin/python3 -c 'import json,sys; s = json.load(sys.stdin); print(s["fetched"], s["submitted"], s["quarantined"])')" = "7 6 1" ] ||
  fail "re-run after lost flags: $(cat "$work/run3.txt")"
[ "$(count)" = 6 ] || fail "re-run after lost flags: $(count) complaints, want 6 (exactly once)"
q intake quarantine list --json | /usr/bin/python3 -c 'import json,sys; h = json.load(sys.stdin); assert len(h) == 1 and h[0]["attempts"] == 2, h' ||
  fail "the broken email should be one quarantine item with 2 attempts"
imap 'assert uids("INBOX", "UNSEEN") == []'
# Its raw bytes (8-bit mail need not be UTF-8) can be looked at.
held_id=$(q intake quarantine list --json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
q intake quarantine show "$held_id" >"$work/held-item.json" || fail "quarantine show $held_id failed"
grep -q '"raw"' "$work/held-item.json" || fail "quarantine show has no raw input"

# --- Phase B, after = move:Processed: every message in INBOX is new to qloop
# (even one a person has read), and is moved once the host has it. The
# customer's reply to the first complaint arrives now.
set_after "move:Processed"
number=$(/usr/bin/python3 -c 'import json,sys; print([c["number"] for c in json.load(open(sys.argv[1]))["complaints"] if c["source_key"] == "email:<20260303091500.4711@huadong-auto.com>"][0])' "$work/list1.json")
/usr/bin/python3 - "$data/reply.eml" "$work/reply.eml" "$number" <<'PY'
import base64, sys
raw, number = open(sys.argv[1], "rb").read(), sys.argv[3]
subject = "Re: [%s] PCBA-X100批次L2026-4001焊点虚焊投诉" % number
encoded = b"=?UTF-8?B?" + base64.b64encode(subject.encode()) + b"?="
lines = [b"Subject: " + encoded if l.startswith(b"Subject:") else l for l in raw.split(b"\r\n")]
open(sys.argv[2], "wb").write(b"\r\n".join(lines).replace(b"QC-2026-00012", number.encode()))
PY
deliver "$work/reply.eml"
q intake run --channel email >"$work/run4.txt"
[ "$(summary "$work/run4.txt" | /usr/bin/python3 -c 'import json,sys; s = json.load(sys.stdin); print(s["after"], s["fetched"], s["submitted"], s["quarantined"])')" = "move:Processed 8 7 1" ] ||
  fail "move run: $(cat "$work/run4.txt")"
imap 'assert uids("INBOX", "ALL") == [], "INBOX not empty"; assert len(uids("Processed", "ALL")) == 8; assert uids("Processed", "UNSEEN") == []'
q intake run --channel email >"$work/run5.txt"
[ "$(summary "$work/run5.txt" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["fetched"])')" = 0 ] ||
  fail "run after move: $(cat "$work/run5.txt")"

# ---------------------------------------------------------------------------
# The reply (In-Reply-To our acknowledgement, References the original, the
# complaint number in the subject): the host adds it as an inbound email
# contact on the original complaint instead of a complaint of its own.
q complaint list --json --limit 1000 >"$work/list2.json"
q complaint show "$number" --json >"$work/original.json"
/usr/bin/python3 - "$work" "$number" <<'PY'
import json, sys
work, number = sys.argv[1], sys.argv[2]
listing = json.load(open(f"{work}/list2.json", encoding="utf-8"))
rows = {c["source_key"]: c for c in listing["complaints"]}
reply_key = "email:<20260304082000.5120@huadong-auto.com>"
original = json.load(open(f"{work}/original.json", encoding="utf-8"))
inbound = [c for c in original["contacts"] if c["direction"] == "in"]
assert listing["total"] == 6, ("the reply made a complaint", listing["total"])
assert reply_key not in rows, rows[reply_key]
assert len(inbound) == 1 and inbound[0]["channel"] == "email", original["contacts"]
assert "已隔离剩余482件" in inbound[0]["summary"], inbound[0]
PY
# ---------------------------------------------------------------------------

# --- Phase C, after = delete, and a message over max_message_bytes: its
# fetch is cut short, it is quarantined by its beginning, and the next
# message is read on a fresh connection.
set_after delete
echo "max_message_bytes = 1500" >>"$work/qloop.ini"
before=$(count)
deliver "$data/utf8-attachments.eml" # about 2 kB
cat >"$work/late.eml" <<'EML'
From: =?UTF-8?B?5p2O5aic?= <li.na@huadong-auto.com>
To: complaints@qloop-demo.cn
Subject: =?UTF-8?B?6L+U5L+u5Lu2IFBDQkEtWDEwMCDlho3mrKHlpLHmlYg=?=
Date: Sun, 8 Mar 2026 11:00:00 +0800
Message-ID: <late-0308@huadong-auto.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

返修件在客户端再次失效。
EML
deliver "$work/late.eml"
q intake run --channel email >"$work/run6.txt"
[ "$(summary "$work/run6.txt" | /usr/bin/python3 -c 'import json,sys; s = json.load(sys.stdin); print(s["after"], s["fetched"], s["submitted"], s["quarantined"])')" = "delete 2 1 1" ] ||
  fail "delete run: $(cat "$work/run6.txt")"
q intake quarantine list --json | /usr/bin/python3 -c '
import json, sys
held = json.load(sys.stdin)
big = [h for h in held if "max_message_bytes" in h["reason"]]
assert len(held) == 2 and len(big) == 1 and big[0]["raw_bytes"] == 1500, held' || fail "the oversize message is not in the quarantine"
imap 'assert uids("INBOX", "ALL") == []; assert len(uids("Processed", "ALL")) == 8'
[ "$(count)" = $((before + 1)) ] || fail "delete run: $(count) complaints, want $((before + 1))"
q complaint list --json --limit 1000 | /usr/bin/python3 -c '
import json, sys
rows = {c["source_key"]: c for c in json.load(sys.stdin)["complaints"]}
late = rows["email:<late-0308@huadong-auto.com>"]
assert late["reporter"] == "李娜" and late["phenomenon"] == "返修件 PCBA-X100 再次失效\n\n返修件在客户端再次失效。", late'

q audit verify >/dev/null
echo "intake.email end to end: ok"
