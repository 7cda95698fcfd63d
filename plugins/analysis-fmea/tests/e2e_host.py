#!/usr/bin/python3
"""End to end through the real host: `qloop analyze fmea` with a CSV worksheet
(parsed by the host into `table`), XLSX and CSV written by the plugin, the XLSX
checked with openpyxl (python3-openpyxl) and fed back through the host, the
CSV fed back too, `fmea.ap`, the SVG output, and an input error.

Expected values: APs read from the AIAG & VDA FMEA Handbook (2019) table for
DFMEA/PFMEA (bands noted per row below); RPN = S x O x D.

usage: e2e_host.py QLOOP CONFIG_INI DATA_DIR WORK_DIR
"""
import json
import os
import shutil
import subprocess
import sys

QLOOP, INI, DATA, WORK = sys.argv[1:5]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args, expect=0):
    cmd = [QLOOP, "-c", INI, "analyze", *args]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != expect:
        print("command:", " ".join(cmd))
        print("stdout:", p.stdout[:2000])
        print("stderr:", p.stderr[:2000])
    check(p.returncode == expect, f"exit {p.returncode} (wanted {expect}) for {' '.join(args)}")
    return p


shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
csv_in = os.path.join(DATA, "welding_line_pfmea.csv")
xlsx_out = os.path.join(WORK, "worksheet.xlsx")
csv_out = os.path.join(WORK, "worksheet.csv")

# 1. CSV in (through the host's table), XLSX out.
p = run("fmea", "--input", csv_in, "--option", "output=" + xlsx_out, "--option", "type=process", "--format", "json")
result = json.loads(p.stdout)
s = result["summary"]
# P-1 S8/O2/D7 -> S7-8,O2-3,D7-10 M (112); P-2 S6/O4/D6 -> S4-6,O4-5,D5-6 L (144);
# P-3 S9/O4/D5 -> S9-10,O4-5,D5-6 H (180); P-4 S6/O7/D4 -> S4-6,O6-7,D2-4 M (168);
# P-5 S5/O3/D3 -> L (45); P-6 S4/O6/D6 -> S4-6,O6-7,D5-6 M (144).
check(s["rows"] == 6, "rows")
check((s["ap_h"], s["ap_m"], s["ap_l"]) == (1, 3, 2), f"AP counts {s['ap_h']},{s['ap_m']},{s['ap_l']}")
check(s["max_rpn"] == 180, "max RPN")
check(s["rows_needing_action"] == 2, "rows needing action (P-3 H, P-6 M)")
check(s["occurrence_contradicted_by_field"] == 1, "P-1: 3 complaints in 4000 units contradict O=2")
check(s["revised_ap_l"] == 1, "P-1 revised S8/O2/D3 -> L")
order = [row[0] for row in result["tables"][0]["rows"]]
check(order == ["P-3", "P-4", "P-6", "P-1", "P-2", "P-5"], f"sort order {order}")
rules = sorted((f["rule"], f["where"]["row"]) for f in result["findings"])
check(("ap-high-without-action", "P-3") in rules, "H without action finding")
check(("ap-medium-without-action", "P-6") in rules, "M without action finding")
check(("occurrence-contradicted-by-field", "P-1") in rules, "complaint contradiction finding")
check(result["charts"][0]["svg"].startswith("<svg"), "risk matrix SVG")
check(os.path.exists(xlsx_out), "XLSX written")

# 2. The workbook, read independently with openpyxl.
try:
    import openpyxl
except ImportError:
    openpyxl = None
    print("note: python3-openpyxl not installed; skipping the independent XLSX read")
if openpyxl:
    wb = openpyxl.load_workbook(xlsx_out)
    check(wb.sheetnames == ["FMEA", "Summary", "Findings"], f"sheets {wb.sheetnames}")
    ws = wb["FMEA"]
    check(ws.freeze_panes == "A2", f"frozen header (freeze_panes={ws.freeze_panes})")
    header = [c.value for c in ws[1]]
    check(header == result["tables"][0]["columns"], "XLSX header = result columns")
    check(all(c.font.b for c in ws[1]), "header bold")
    check(ws["A1"].fill.fgColor.rgb in ("FF1F4E79", "001F4E79"), f"header fill {ws['A1'].fill.fgColor.rgb}")
    check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:"), "autofilter")
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    check(len(rows) == 6, "six data rows")
    check([r[0] for r in rows] == order, "XLSX row order")
    ap_col = header.index("AP")
    check([r[ap_col] for r in rows] == ["H", "M", "M", "M", "L", "L"], "AP column")
    check(rows[0][header.index("RPN")] == 180, "RPN as a number")
    due = rows[1][header.index("Due date")]
    check(hasattr(due, "year") and (due.year, due.month, due.day) == (2024, 7, 15), f"due date as a date ({due!r})")
    check(rows[0][ap_col] == "H" and ws.cell(row=2, column=ap_col + 1).fill.fgColor.rgb.endswith("F4B6B0"),
          "AP H cell coloured")
    summary = {r[0].value: r[1].value for r in wb["Summary"].iter_rows(min_row=2)}
    check(summary.get("ap_h") == 1 and summary.get("max_rpn") == 180, f"summary sheet {summary}")

# 3. The workbook fed back through the host (options.xlsx) gives the same worksheet.
req = os.path.join(WORK, "readback.json")
with open(req, "w") as f:
    json.dump({"options": {"xlsx": xlsx_out, "type": "process"}}, f)
back = json.loads(run("fmea", "--input", req, "--format", "json").stdout)
check(back["tables"][0] == result["tables"][0], "XLSX read back = original worksheet")
check(back["details"]["input"]["source"] == "options.xlsx", "read from options.xlsx")

# 4. CSV out, and that CSV back in as host input.
run("fmea", "--input", csv_in, "--option", "output=" + csv_out, "--format", "json")
with open(csv_out, encoding="utf-8-sig") as f:
    first = f.readline().rstrip("\r\n")
check(first.startswith("ID,Item,Function,Failure mode"), f"CSV header {first[:40]}")
again = json.loads(run("fmea", "--input", csv_out, "--format", "json").stdout)
check(again["tables"][0] == result["tables"][0], "CSV read back = original worksheet")

# 5. fmea.ap: S9/O4/D1 is the S 9-10, O 4-5, D 1 row: M.
ap = json.loads(run("fmea.ap", "--input", os.path.join(DATA, "ap_lookup.json"), "--format", "json").stdout)
check(ap["summary"]["AP"] == "M" and ap["summary"]["RPN"] == 36, f"fmea.ap {ap['summary']}")
ap = json.loads(run("fmea.ap", "--input", os.path.join(DATA, "ap_lookup.json"), "--option", "D=2",
                    "--format", "json").stdout)
check(ap["summary"]["AP"] == "M", "data wins over --option for the same rating")

# 6. SVG and table formats, Chinese labels.
svg = run("fmea", "--input", csv_in, "--lang", "zh-CN", "--format", "svg").stdout
check(svg.startswith("<svg") and "严重度 S" in svg, "zh-CN SVG")
table = run("fmea", "--input", csv_in, "--format", "table").stdout
check("P-3" in table and "max_rpn" in table, "table format")

# 7. An input error names the field.
p = run("fmea", "--input", os.path.join(DATA, "bad_severity.csv"), "--format", "json", expect=5)
check("field 'table.rows[0].S'" in p.stderr and "1 to 10" in p.stderr, f"error message: {p.stderr.strip()}")

if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("fmea e2e: all checks passed")
