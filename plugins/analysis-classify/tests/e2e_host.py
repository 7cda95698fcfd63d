#!/usr/bin/python3
"""End to end through the real host: `qloop analyze classify.train|predict|eval`
on CSV files (sent to the plugin as columns), with the bundled rules from
the plugin's config section, and the exit codes of bad input and bad rules.

usage: e2e_host.py QLOOP DATA_DIR BUNDLED_RULES WORK_DIR
"""
import csv
import json
import os
import subprocess
import sys

qloop, data, bundled_rules, work = sys.argv[1:5]
os.makedirs(work, exist_ok=True)
failures = []


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


plain_ini = os.path.join(work, "plain.ini")
write(plain_ini, "[log]\nfile =\nconsole = false\n")
rules_ini = os.path.join(work, "rules.ini")
write(rules_ini, f"[log]\nfile =\nconsole = false\n[analysis.classify]\nrules_file = {bundled_rules}\n")
bad_rules = os.path.join(work, "bad-rules.ini")
write(bad_rules, "[rule.bad]\ntext = (smoke\nseverity = critical\n")
bad_ini = os.path.join(work, "bad.ini")
write(bad_ini, f"[log]\nfile =\nconsole = false\n[analysis.classify]\nrules_file = {bad_rules}\n")


def run(ini, method, path, *options, fmt="json", expect_rc=0):
    cmd = [qloop, "--config", ini, "analyze", method, "--input", path, "--format", fmt]
    for o in options:
        cmd += ["--option", o]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if p.returncode != expect_rc:
        failures.append(f"{' '.join(cmd)}: exit {p.returncode} (want {expect_rc}), stderr: {p.stderr.strip()}")
        return None
    return json.loads(p.stdout) if fmt == "json" and expect_rc == 0 else p


def check(what, ok):
    if not ok:
        failures.append(what)


corpus = os.path.join(work, "corpus.csv")
subprocess.run([sys.executable, os.path.join(data, "make_corpus.py"), "--flavour", "demo", "--rows", "1500",
                "--seed", "3", "--out", corpus], check=True)
# New complaints: the same kind of text without labels, plus two a rule must catch.
incoming = os.path.join(work, "incoming.csv")
with open(corpus, encoding="utf-8") as f:
    rows = list(csv.DictReader(f))[:40]
with open(incoming, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["phenomenon", "product_model", "channel", "customer"])
    w.writerow(["PSU 外壳冒烟,有焦味", "PSU-450W", "phone", "华东汽车电子有限公司"])
    w.writerow(["Customer line stopped: connector solder joints cracked", "PCBA-X100", "email", "Rhein Automotive GmbH"])
    for r in rows:
        w.writerow([r["phenomenon"], r["product_model"], r["channel"], r["customer"]])

models = os.path.join(work, "models")
r = run(plain_ini, "classify.train", corpus, f"model_dir={models}", "trained_at=2025-06-30T18:00:00+08:00")
if r:
    s = r["summary"]
    check(f"train summary {s}", s["records"] == 1500 and s["category_classes"] == 4 and s["severity_classes"] == 3)
    check("meta.json written", os.path.exists(os.path.join(models, "meta.json")))

r = run(rules_ini, "classify.predict", incoming, f"model_dir={models}")
if r:
    d = r["details"]["decisions"]
    check(f"{len(d)} decisions", len(d) == 42)
    check(f"smoke: {d[0]}", d[0]["severity"]["value"] == "critical" and d[0]["severity"]["by"] == "rule:safety")
    check(f"line stop: {d[1]}", d[1]["severity"]["by"] == "rule:line_stop" and
          d[1]["category"]["value"] == "product_quality")
    check(f"summary {r['summary']}", r["summary"]["by_rule"] > 0 and r["summary"]["by_model"] > 0 and
          r["summary"]["undecided"] == 0)
    check(f"model trained_at {r['details']['model']}", r["details"]["model"]["trained_at"] == "2025-06-30T18:00:00+08:00")
    for i, row in enumerate(rows):
        got = d[i + 2]["category"]["value"]
        if got != row["category"]:
            failures.append(f"row {i + 3}: category {got}, labelled {row['category']}: {row['phenomenon']}")

p = run(rules_ini, "classify.predict", incoming, f"model_dir={models}", fmt="table")
if p:
    check("table output names the classes", "product_quality" in p.stdout and "Classification" in p.stdout)

r = run(plain_ini, "classify.eval", corpus, "test_fraction=0.2", "seed=1")
if r:
    check(f"eval category macro-F1 {r['summary'].get('category_macro_f1')}", r["summary"]["category_macro_f1"] > 0.9)

p = run(plain_ini, "classify.predict", incoming, "model_dir=models", expect_rc=5)
if p:
    check(f"relative model_dir message: {p.stderr}", "model_dir: must be an absolute path" in p.stderr)
p = run(bad_ini, "classify.predict", incoming, expect_rc=4)
if p:
    check(f"bad rules message: {p.stderr}", "[rule.bad]: text: invalid regex" in p.stderr)

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("classify end to end: ok")
