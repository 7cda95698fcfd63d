#!/usr/bin/env bash
# End to end: the real qloop host loads the built export.review plugin, seeds
# a demo ledger and writes the period review as HTML, PDF and XLSX. The
# figures in the files must be the ones `qloop kpi --json` prints for the same
# period and as-of time; a template directory that does not exist fails with
# a clear message and leaves no file.
# Usage: host_end_to_end.sh QLOOP_EXE PLUGIN_DIR WORK_DIR PDFTOTEXT PYTHON READ_BACK_PY
set -euo pipefail
qloop=$1 plugins=$2 work=$3 pdftotext=$4 python=$5 reader=$6
rm -rf "$work"
mkdir -p "$work"
printf '[host]\ndata_dir = %s/data\n[plugins]\ndirs = %s\nenabled = export.review\n[log]\nfile =\nconsole = false\n' \
  "$work" "$plugins" >"$work/qloop.ini"
q() { "$qloop" -c "$work/qloop.ini" "$@"; }

q demo seed --count 300 --years 1 --seed 11 >/dev/null
q plugins info export.review >"$work/info.txt"
for key in template_dir company font_family; do
  grep -q "$key" "$work/info.txt" || { echo "plugins info lacks the key $key"; cat "$work/info.txt"; exit 1; }
done

# The last 180 days against the 180 before: both inside the seeded year. One
# as-of time for every command, so pending targets are judged alike.
to=$(date -u +%F)
from=$(date -u -d "$to - 179 days" +%F)
as_of=$(date -u +%Y-%m-%dT%H:%M:%SZ)
period=(--from "$from" --to "$to" --as-of "$as_of")

q kpi "${period[@]}" --json >"$work/kpi.json"
q export review "${period[@]}" --format html --out "$work/review.html" >"$work/html.json"
q export review "${period[@]}" --format pdf --lang zh-CN --option company="华东汽车电子" --out "$work/review.pdf" \
  >"$work/pdf.json"
q export review "${period[@]}" --format xlsx --out "$work/review.xlsx" >"$work/xlsx.json"

"$pdftotext" -enc UTF-8 "$work/review.pdf" "$work/review.txt"
for text in "质量回顾 $from" "华东汽车电子" "客诉总数" "重大客诉" "首次响应及时率" "24小时确认率" "按时关闭率" \
  "解决率" "满意度" "回访满意率" "重复发生率" "8D按时完成率" "产品柏拉图" "缺陷柏拉图" "月度趋势" "第 ?1 ?页 ?/ ?共"; do
  grep -Eq "$text" "$work/review.txt" || { echo "PDF text lacks '$text'"; exit 1; }
done
"$python" "$reader" "$work/review.xlsx" >"$work/xlsx-read.json"

"$python" - "$work" "$from" "$to" <<'PY'
import json, re, sys

work, date_from, date_to = sys.argv[1:]
kpi = json.load(open(f"{work}/kpi.json", encoding="utf-8"))
kpis = {k["id"]: k for k in kpi["kpis"]}
html = open(f"{work}/review.html", encoding="utf-8").read()
book = json.load(open(f"{work}/xlsx-read.json", encoding="utf-8"))

for f in ("html", "pdf", "xlsx"):
    s = json.load(open(f"{work}/{f}.json", encoding="utf-8"))
    assert s["format"] == f and s["report"] == "review", s
    assert s["period"] == {"from": date_from, "to": date_to}, s
    assert s["kpis"] == len(kpi["kpis"]) == 12, s
assert json.load(open(f"{work}/pdf.json"))["charts_failed"] == 0
assert json.load(open(f"{work}/xlsx.json"))["charts"] == 6

received = kpis["received"]["current"]["value"]
assert received and received > 0, "the demo period has no complaints"

def shown(value, unit):
    # The digits `qloop kpi` uses: counts whole, shares in percent with one decimal.
    if value is None:
        return "\u2014"
    return f"{value * 100:.1f}%" if unit == "share" else f"{value:.0f}" if unit == "count" else None

def html_value(kpi_id):
    row = re.search(r'<tr data-kpi="%s">(.*?)</tr>' % kpi_id, html, re.S)
    assert row, f"no HTML row for {kpi_id}"
    return re.search(r'<td class="num value">(.*?)</td>', row.group(1)).group(1)

shares = [k for k in ("first_response_in_target", "acknowledged_in_target", "closed_on_time", "resolution_rate")
          if kpis[k]["current"]["value"] is not None]
assert shares, "no share with a value in the demo period"
for kpi_id in ["received", "major"] + shares:
    k = kpis[kpi_id]
    want = shown(k["current"]["value"], k["unit"])
    got = html_value(kpi_id)
    assert got == want, f"HTML {kpi_id}: {got!r}, qloop kpi: {want!r}"

sheet = book["sheets"][0]
rows = {r[1]["v"]: r for r in sheet["rows"] if len(r) > 1 and r[1] and r[1]["t"] == "s"}
assert rows["received"][3] == {"t": "n", "v": received, "fmt": "0"}, rows["received"]
for kpi_id in shares:
    cell = rows[kpi_id][3]
    assert cell["t"] == "n" and cell["fmt"] == "0.0%", cell
    assert abs(cell["v"] - kpis[kpi_id]["current"]["value"]) < 1e-12, (cell, kpis[kpi_id])
product = book["sheets"][2]
assert product["rows"][1][1]["v"] == kpi["pareto"]["product"][0]["key"]
assert product["rows"][1][3]["v"] == kpi["pareto"]["product"][0]["count"]
assert len(book["charts"]) == 6
print(f"review figures match qloop kpi: received {received}, " +
      ", ".join(f"{k} {html_value(k)}" for k in shares))
PY

set +e
q export review "${period[@]}" --format html --option template_dir="$work/no-such-dir" --out "$work/bad.html" \
  >"$work/bad.out" 2>"$work/bad.err"
code=$?
set -e
[ "$code" -ne 0 ] || { echo "expected a failure for a missing template_dir"; exit 1; }
grep -q "not a directory" "$work/bad.err" "$work/bad.out" || { echo "unclear error:"; cat "$work/bad.err"; exit 1; }
[ ! -e "$work/bad.html" ] || { echo "a failed export left a file"; exit 1; }
echo "export.review end to end: ok"
