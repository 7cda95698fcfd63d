#!/usr/bin/python3
"""End to end through the real host: `qloop analyze spc|capability|normality`
on a CSV and a JSON input, checking the numbers in the JSON output.

usage: e2e_host.py QLOOP INI REFERENCE_DIR DATA_DIR WORK_DIR
"""
import json
import os
import subprocess
import sys

qloop, ini, reference, data, work = sys.argv[1:6]
os.makedirs(work, exist_ok=True)
failures = []


def run(method, path, *options, fmt="json", expect_rc=0):
    cmd = [qloop, "--config", ini, "analyze", method, "--input", path, "--format", fmt]
    for o in options:
        cmd += ["--option", o]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if p.returncode != expect_rc:
        failures.append(f"{' '.join(cmd)}: exit {p.returncode}, stderr: {p.stderr.strip()}")
        return None
    return json.loads(p.stdout) if fmt == "json" and expect_rc == 0 else p


def near(what, got, want, tol):
    if got is None or abs(got - want) > tol:
        failures.append(f"{what}: got {got}, want {want} ± {tol}")


pistons = os.path.join(reference, "spc", "pistonrings.csv")

# Montgomery's piston rings, X̄-R from the CSV: textbook limits 74.001 /
# 74.014 / 73.988 (exact 74.001176 / 74.0143044 / 73.9880476); samples 37-39
# beyond the UCL in phase II.
r = run("spc", pistons, "chart=xbar-r")
if r:
    x = r["details"]["charts"][0]
    near("xbar centre", x["limits"]["center"], 74.001176, 1e-9)
    near("xbar ucl", x["limits"]["ucl"], 74.01430440804378, 1e-9)
    near("xbar lcl", x["limits"]["lcl"], 73.98804759195622, 1e-9)
    if x["violations"]["by_rule"]["nelson1"]["points"] != [37, 38, 39]:
        failures.append(f"xbar nelson1 points: {x['violations']['by_rule']['nelson1']['points']}")
    if r["summary"]["phase1_points"] != 25:
        failures.append(f"phase1_points: {r['summary']['phase1_points']}")

# Capability against 74.00 ± 0.05 on the trial subgroups: Cp = 1.70323.
r = run("capability", pistons, "lsl=73.95", "usl=74.05")
if r:
    near("Cp", r["details"]["capability"]["indices"]["cp"], 1.7032285788525399, 1e-9)
    near("Ppk", r["details"]["capability"]["indices"]["ppk"], 1.6161587070141332, 1e-9)

# NIST e-Handbook §6.3.2.2 flow-rate example as a JSON request.
flow = os.path.join(work, "flow.json")
with open(flow, "w") as f:
    json.dump({"data": [49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1],
               "options": {"chart": "imr", "lsl": 45, "usl": 56}}, f)
r = run("spc", flow)
if r:
    near("flow mean", r["details"]["statistics"]["mean"], 50.81, 1e-9)
    near("flow UCL", r["details"]["charts"][0]["limits"]["ucl"], 55.80241168005054, 1e-9)

# The table and SVG renderings work, in Chinese too.
p = run("spc", flow, fmt="svg")
if p and "<svg" not in p.stdout:
    failures.append("svg output has no <svg>")
p = run("spc", pistons, "chart=xbar-s", fmt="table")
if p and "UCL" not in p.stdout:
    failures.append("table output has no UCL column")
zh = subprocess.run([qloop, "--config", ini, "analyze", "spc", "--input", flow, "--format", "svg", "--lang", "zh-CN"],
                    capture_output=True, text=True, timeout=60)
if "控制图" not in zh.stdout and "单值" not in zh.stdout:
    failures.append("zh-CN svg has no Chinese labels")

# Normality of the piston rings (all 200 values): A² = 0.51807 (SciPy).
r = run("normality", pistons, "value_column=diameter")
if r:
    near("A2", r["details"]["a2"], 0.5180748456555193, 1e-9)

# Bad input: LSL >= USL is refused with the field named (exit code of invalid input).
p = subprocess.run([qloop, "--config", ini, "analyze", "capability", "--input", pistons, "--option", "lsl=74.1",
                    "--option", "usl=74.0"], capture_output=True, text=True, timeout=60)
if p.returncode == 0 or "options.lsl" not in p.stderr:
    failures.append(f"lsl >= usl: exit {p.returncode}, stderr {p.stderr.strip()}")

for f in failures:
    print("FAIL:", f)
print(f"{0 if failures else 1} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
