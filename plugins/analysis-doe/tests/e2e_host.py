#!/usr/bin/python3
"""End to end through the real host: qloop analyze <method> --input <file>.

Checks, with the published references named in each step:
  1. anova on NIST StRD SiRstv (converted to CSV): certified F and SS.
  2. doe.analyze on Montgomery Example 6.2 (filtration-2x4.csv), reduced model
     A, C, D, AC, AD: error SS 195.125 on 10 df.
  3. doe.design from a JSON request: 2^(5-1) resolution V, 16 runs, seeded.
  4. --format svg gives the first chart; bad input exits 5 naming the field.
usage: e2e_host.py QLOOP INI REFERENCE_DIR WORK_DIR
"""
import json
import os
import subprocess
import sys

qloop, ini, reference, work = sys.argv[1:5]
os.makedirs(work, exist_ok=True)
failures = []


def run(args, expect_rc=0):
    p = subprocess.run([qloop, "--config", ini] + args, capture_output=True, text=True)
    if p.returncode != expect_rc:
        failures.append(f"{' '.join(args)}: exit {p.returncode}, want {expect_rc}\n{p.stderr}")
    return p


def check(cond, what):
    if not cond:
        failures.append(what)


def close(x, c, rel):
    return x is not None and abs(x - c) <= rel * abs(c)


# 1. NIST SiRstv: data lines 61..85 (instrument, resistance).
with open(os.path.join(reference, "nist-anova", "SiRstv.dat")) as f:
    lines = f.read().splitlines()
csv_path = os.path.join(work, "sirstv.csv")
with open(csv_path, "w") as f:
    f.write("instrument,resistance\n")
    for line in lines[60:]:
        parts = line.split()
        if len(parts) == 2:
            f.write(f"{parts[0]},{parts[1]}\n")
p = run(["analyze", "anova", "--input", csv_path, "--option", "response=resistance",
         "--option", 'factors=["instrument"]', "--format", "json"])
if p.returncode == 0:
    d = json.loads(p.stdout)["details"]
    # Certified (NIST StRD, SiRstv.dat lines 41-47).
    check(close(d["anova"][0]["f"], 1.18046237440255, 1e-9), f"SiRstv F {d['anova'][0]['f']}")
    check(close(d["anova"][0]["ss"], 5.11462616000000e-02, 1e-9), "SiRstv between SS")
    check(close(d["error"]["ss"], 2.16636560000000e-01, 1e-9), "SiRstv within SS")
    check(close(d["residual_sd"], 1.04076068334656e-01, 1e-9), "SiRstv residual SD")
    check(d["error"]["df"] == 20 and d["anova"][0]["df"] == 4, "SiRstv df")

# 2. Montgomery Example 6.2, reduced model.
filtration = os.path.join(reference, "doe", "filtration-2x4.csv")
p = run(["analyze", "doe.analyze", "--input", filtration, "--option", 'terms=["A","C","D","AC","AD"]'])
if p.returncode == 0:
    d = json.loads(p.stdout)["details"]
    check(close(d["model"]["error"]["ss"], 195.125, 1e-12), "filtration error SS")
    check(d["model"]["error"]["df"] == 10, "filtration error df")
    effects = {e["term"]: e["effect"] for e in d["screening"]["effects"]}
    check(close(effects.get("AC"), -18.125, 1e-12), "filtration AC effect")
    check(close(d["screening"]["lenth"]["pse"], 2.625, 1e-12), "filtration Lenth PSE")
p = run(["analyze", "doe.analyze", "--input", filtration, "--format", "svg"])
check(p.stdout.startswith("<svg"), "doe.analyze --format svg")
p = run(["analyze", "doe.analyze", "--input", filtration, "--format", "table"])
check("Analysis of variance" in p.stdout, "doe.analyze --format table")

# 3. doe.design from a JSON request.
design_path = os.path.join(work, "design.json")
with open(design_path, "w") as f:
    json.dump({"options": {"factors": 5, "p": 1, "seed": 7}}, f)
p = run(["analyze", "doe.design", "--input", design_path])
if p.returncode == 0:
    out = json.loads(p.stdout)
    check(out["summary"]["runs"] == 16, "design runs")
    check(out["summary"]["resolution"] == "V", "design resolution")
    check(out["summary"]["defining relation"] == "I = ABCDE", "design defining relation")
    again = json.loads(run(["analyze", "doe.design", "--input", design_path]).stdout)
    check(again["tables"][0]["rows"] == out["tables"][0]["rows"], "seeded run order is reproducible")

# 4. Invalid input: exit code 5 and the field named.
p = run(["analyze", "anova", "--input", csv_path, "--option", "response=yield"], expect_rc=5)
check("options.response" in p.stderr, f"error names the field: {p.stderr!r}")

if failures:
    print("FAILED:\n" + "\n".join(failures))
    sys.exit(1)
print("e2e ok")
