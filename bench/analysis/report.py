#!/usr/bin/python3
"""Joins the JSON lines of bench_analysis (side "qloop") and peer.py (side
"python") into one Markdown table, and checks for every method and size that
both sides computed the same thing: F, p and sums of squares (anova,
doe.analyze, every one of the 31 effects), control limits and the count of
violations per rule (spc). A row says "agree" or "DIFFER"; the differences are
listed under the table. Exit status 1 when anything differs.

Usage: report.py RESULTS.jsonl
"""
import json
import math
import sys

REL = 1e-9  # F, SS, limits: both sides do double arithmetic in a different order


def close(a, b, rel=REL, abs_=0.0):
    if a is None or b is None:
        return False
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= max(abs_, rel * max(abs(a), abs(b)))


def p_close(a, b):
    # p-values near 0 are computed from the far tail: relative 1e-6, or both
    # below 1e-300 (underflow to 0 on one side only is agreement).
    return close(a, b, rel=1e-6, abs_=1e-300)


def effect_close(a, b, n, scale):
    """Sums of squares of single-df effects, compared as effect sizes
    sqrt(SS/N): relative 1e-9, or within 1e-12 of the response's spread. An
    effect that is zero in truth has an SS made of rounding alone (at 10^7
    runs, ~1e-12 of absolute error on an SS of ~5e-4), which no relative test
    on the SS can judge."""
    return close(math.sqrt(max(a, 0) / n), math.sqrt(max(b, 0) / n), abs_=1e-12 * scale)


def compare(method, q, peers):
    """A list of differences between qloop's numbers and each peer's."""
    out = []
    for peer, p in peers.items():
        if method == "anova":
            checks = [("F", q["f"], p["f"], close), ("p", q["p"], p["p"], p_close)]
            if "ss_between" in p:
                checks += [("SS between", q["ss_between"], p["ss_between"], close),
                           ("SS error", q["ss_error"], p["ss_error"], close),
                           ("df error", q["df_error"], p["df_error"], close)]
        elif method == "doe.analyze":
            checks = [("SS error", q["ss_error"], p["ss_error"], close),
                      ("df error", q["df_error"], p["df_error"], close)]
            if set(q["terms"]) != set(p["terms"]):
                out.append(f"{peer}: terms {sorted(q['terms'])} vs {sorted(p['terms'])}")
                continue
            n = q["rows"]
            mse = q["ss_error"] / q["df_error"]
            scale = math.sqrt((q["ss_error"] + sum(t["ss"] for t in q["terms"].values())) / n)
            ss_ok = lambda a, b: effect_close(a, b, n, scale)  # noqa: E731
            f_ok = lambda a, b: effect_close(a * mse, b * mse, n, scale)  # noqa: E731
            for t in sorted(q["terms"], key=lambda s: (len(s), s)):
                checks += [(f"SS {t}", q["terms"][t]["ss"], p["terms"][t]["ss"], ss_ok),
                           (f"F {t}", q["terms"][t]["f"], p["terms"][t]["f"], f_ok),
                           (f"p {t}", q["terms"][t]["p"], p["terms"][t]["p"], p_close)]
        else:  # spc
            checks = [(k, q[k], p[k], close) for k in ("center", "ucl", "lcl", "mr_bar", "mr_ucl")]
            checks += [(f"nelson{i + 1} count", q["i_counts"][i], p["i_counts"][i], lambda a, b: a == b)
                       for i in range(8)]
            checks += [(k, q[k], p[k], lambda a, b: a == b) for k in ("i_points_flagged", "mr_count", "total")]
        out += [f"{peer}: {name} qloop {a!r} vs {b!r}" for name, a, b, ok in checks if not ok(a, b)]
    return out


def ms(seconds):
    if seconds is None:
        return "—"
    v = seconds * 1e3
    return f"{v:.3f}" if v < 1 else f"{v:.2f}" if v < 10 else f"{v:.1f}" if v < 100 else f"{v:.0f}"


def ratio(peer_s, qloop_s):
    return "—" if peer_s is None else f"{peer_s / qloop_s:.2f}"


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    qloop, python, versions, clocks = {}, {}, {}, set()
    with open(sys.argv[1]) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            d = json.loads(line)
            if "method" not in d:
                versions.update(d.get("versions", {}))
                versions.update({k: v for k, v in d.get("plugins", {}).items()})
                continue
            clocks.add(d.get("clock", "wall"))
            if d["side"] == "qloop":
                qloop[(d["method"], d["n"])] = d
            else:
                python.setdefault((d["method"], d["n"]), {})[d["peer"]] = d

    if len(clocks) > 1:
        raise SystemExit(f"the two sides used different clocks: {sorted(clocks)}")
    clock = "CPU" if clocks == {"cpu"} else "wall-clock"
    print("Peers: " + ", ".join(f"{k} {v}" for k, v in versions.items()))
    print()
    print("| analysis | N | reps | qloop total ms | build request | ABI call | parse | JSON→arrays | compute + report "
          "| free + write result | core, no JSON | statsmodels ms | statsmodels / qloop | scipy or numpy ms "
          "| peer / qloop | numbers |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    names = {"anova": "one-way ANOVA (k=5)", "doe.analyze": "2^5 factorial, full model", "spc": "I-MR + Nelson 1-8"}
    problems, any_differ = [], False
    order = {"anova": 0, "doe.analyze": 1, "spc": 2}
    for key in sorted(qloop, key=lambda k: (order[k[0]], k[1])):
        method, n = key
        q = qloop[key]
        peers = python.get(key, {})
        sm = peers.get("statsmodels")
        other = peers.get("scipy") or peers.get("numpy")
        diffs = compare(method, q["numbers"], {k: v["numbers"] for k, v in peers.items()})
        verdict = "—" if not peers else "DIFFER" if diffs else "agree"
        if diffs:
            any_differ = True
            problems += [f"{method} N={n}: {d}" for d in diffs]
        rows = int(q["numbers"].get("rows", n))
        compute = q["method_s"] - q["read_s"]
        rest = q["write_s"] + q["free_s"]
        other_name = "" if other is None else ("scipy " if "scipy" in peers else "numpy ")
        print(f"| {names[method]} | {rows:,} | {q['reps']} | {ms(q['total_s'])} | {ms(q['build_s'])} | "
              f"{ms(q['abi_s'])} | {ms(q['parse_s'])} | {ms(q['read_s'])} | {ms(compute)} | {ms(rest)} | "
              f"{ms(q.get('core_s'))} | {ms(sm and sm['median_s'])} | "
              f"{ratio(sm and sm['median_s'], q['total_s'])} | {other_name}{ms(other and other['median_s'])} | "
              f"{ratio(other and other['median_s'], q['total_s'])} | {verdict} |")
    print()
    print(f"Times are medians, ms of {clock} time. build request: the host writing the request JSON; ABI call: analyze() "
          "through the C ABI (the plugin parses, computes and writes its result); qloop total = build + ABI "
          "call. The next four split the ABI call by running the plugin's own code on the same text stage by "
          "stage: parse (text to JSON tree), JSON→arrays (tree to the method's arrays), compute + report "
          "(statistics and the result tree with its SVG chart), free + write result (freeing the request tree, "
          "writing the result text); they add up to about the ABI call. core, no JSON: the I-MR limits and all rules "
          "on the arrays alone. Ratios > 1: qloop is faster. statsmodels has no control charts: the I-MR peer "
          "is a vectorised numpy implementation of the same limits and rules (bench/analysis/peer.py).")
    print()
    print("The ABI 1.3 column path (`analyze_columns`): the same data as host-owned columns instead of a JSON "
          "table, the request carrying only the options.")
    print()
    print("| analysis | N | qloop via columns ms | copy into columns | analyze_columns | statsmodels / qloop "
          "| scipy or numpy / qloop | same numbers as JSON path |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for key in sorted(qloop, key=lambda k: (order[k[0]], k[1])):
        method, n = key
        q = qloop[key]
        if "columns_total_s" not in q:
            continue
        peers = python.get(key, {})
        sm = peers.get("statsmodels")
        other = peers.get("scipy") or peers.get("numpy")
        rows = int(q["numbers"].get("rows", n))
        if not q["columns_agree"]:
            any_differ = True
            problems.append(f"{method} N={n}: the column path's numbers differ from the JSON path's")
        print(f"| {names[method]} | {rows:,} | {ms(q['columns_total_s'])} | {ms(q['columns_build_s'])} | "
              f"{ms(q['columns_abi_s'])} | {ratio(sm and sm['median_s'], q['columns_total_s'])} | "
              f"{ratio(other and other['median_s'], q['columns_total_s'])} | "
              f"{'yes' if q['columns_agree'] else 'NO'} |")
    if problems:
        print()
        print("Differences:")
        for p in problems:
            print("- " + p)
    return 1 if any_differ else 0


if __name__ == "__main__":
    sys.exit(main())
