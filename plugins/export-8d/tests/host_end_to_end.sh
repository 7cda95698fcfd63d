#!/usr/bin/env bash
# End to end: the real qloop host loads the built export.8d plugin, seeds a
# demo ledger and exports one complaint's 8D report as PDF, HTML and
# Markdown; a template directory that does not exist fails with a clear
# message and leaves no file.
# Usage: host_end_to_end.sh QLOOP_EXE PLUGIN_DIR WORK_DIR PDFTOTEXT
set -euo pipefail
qloop=$1 plugins=$2 work=$3 pdftotext=$4
rm -rf "$work"
mkdir -p "$work"
printf '[host]\ndata_dir = %s/data\n[plugins]\ndirs = %s\nenabled = export.8d\n[log]\nfile =\nconsole = false\n' \
  "$work" "$plugins" >"$work/qloop.ini"
q() { "$qloop" -c "$work/qloop.ini" "$@"; }

q demo seed --count 30 --seed 7 >/dev/null
number=$(q complaint list --json --limit 1 | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["complaints"][0]["number"])')

q export 8d "$number" --format pdf --lang zh-CN --out "$work/8d.pdf" >"$work/pdf.json"
q export 8d "$number" --format html --out "$work/8d.html" >"$work/html.json"
q export 8d "$number" --format md --lang zh-CN --out "$work/8d.md" >"$work/md.json"

"$pdftotext" -enc UTF-8 "$work/8d.pdf" "$work/8d.txt"
for text in "$number" "8D 报告" "D4 根本原因分析" "发生原因" "流出原因" "D8 结案" "第 ?1 ?页 ?/ ?共"; do
  grep -Eq "$text" "$work/8d.txt" || { echo "PDF text lacks '$text'"; exit 1; }
done
grep -q "<h1>8D Report — $number</h1>" "$work/8d.html" || { echo "HTML lacks its title"; exit 1; }
grep -q "^# 8D 报告 — $number" "$work/8d.md" || { echo "Markdown lacks its title"; exit 1; }
/usr/bin/python3 - "$work" "$number" <<'PY'
import json, sys
work, number = sys.argv[1:]
for f in ("pdf", "html", "md"):
    s = json.load(open(f"{work}/{f}.json", encoding="utf-8"))
    assert s["complaint"] == number and s["format"] == f and s["complaints"] == 1, s
assert json.load(open(f"{work}/pdf.json"))["pages"] >= 2
PY

set +e
q export 8d "$number" --format html --option template_dir="$work/no-such-dir" --out "$work/bad.html" \
  >"$work/bad.out" 2>"$work/bad.err"
code=$?
set -e
[ "$code" -ne 0 ] || { echo "expected a failure for a missing template_dir"; exit 1; }
grep -q "not a directory" "$work/bad.err" "$work/bad.out" || { echo "unclear error:"; cat "$work/bad.err"; exit 1; }
[ ! -e "$work/bad.html" ] || { echo "a failed export left a file"; exit 1; }
echo "export.8d end to end: ok"
