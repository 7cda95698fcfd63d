#!/usr/bin/python3
"""The Python peer of bench_analysis: the same three analyses on the same data
files (make_data.py), timed the same way (median of REPS runs after one
warm-up; one run, no warm-up, at 10^7). Prints one JSON line per method, size
and peer: {"side", "method", "n", "peer", "median_s", "reps", "numbers"}.

  anova        statsmodels: ols("y ~ C(g)") + anova_lm(typ=3)
               scipy:       stats.f_oneway on the five groups (the split of y by
                            group is inside the timed region: qloop groups too)
  doe.analyze  statsmodels: ols("y ~ A*B*C*D*E") + anova_lm(typ=3), the full
               2^5 model (31 effects), as qloop's default full model
  spc (I-MR)   statsmodels has no control charts: numpy, vectorised. I-MR
               limits (x-bar +/- 3 MR-bar/d2, MR chart D4 MR-bar) and the eight
               Nelson rules on the I chart plus rule 1 on the MR chart, with
               qloop's definitions (docs/methods/spc.md, "Run rules").
Type III is qloop's default; for these balanced/one-way designs all three
types give the same SS, and typ=3 was the fastest statsmodels choice here.

Clock: CPU time of the process (time.process_time) unless
QLOOP_BENCH_CLOCK=wall, as in bench_analysis. BLAS runs on one thread (unless
OPENBLAS_NUM_THREADS says otherwise): one core against one core, and CPU time
then means the same thing on both sides.

Usage: peer.py DATA_DIR N [N ...]
"""
import json
import math
import os
import statistics
import sys
import time
import warnings

# Before numpy loads its BLAS.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import scipy  # noqa: E402
import scipy.stats  # noqa: E402
import statsmodels  # noqa: E402
import statsmodels.api as sm  # noqa: E402
import statsmodels.formula.api as smf  # noqa: E402

warnings.simplefilter("ignore")

D2 = 2.0 / math.sqrt(math.pi)        # d2(2), exact
D3 = math.sqrt(2.0 - 4.0 / math.pi)  # d3(2), exact
D4 = 1.0 + 3.0 * D3 / D2


def reps_for(n):
    return 1 if n >= 10_000_000 else 3 if n >= 1_000_000 else 7 if n >= 100_000 else 15 if n >= 10_000 else 31


CLOCK = "wall" if os.environ.get("QLOOP_BENCH_CLOCK") == "wall" else "cpu"
now = time.perf_counter if CLOCK == "wall" else time.process_time


def timed(fn, n):
    reps = reps_for(n)
    if reps > 1:
        fn()  # warm-up: caches, lazy imports inside statsmodels/patsy
    times, out = [], None
    for _ in range(reps):
        t0 = now()
        out = fn()
        times.append(now() - t0)
    return statistics.median(times), reps, out


# --- anova -------------------------------------------------------------------

def anova_statsmodels(df):
    fit = smf.ols("y ~ C(g)", data=df).fit()
    tab = sm.stats.anova_lm(fit, typ=3)
    return {"f": float(tab.loc["C(g)", "F"]), "p": float(tab.loc["C(g)", "PR(>F)"]),
            "ss_between": float(tab.loc["C(g)", "sum_sq"]), "ss_error": float(tab.loc["Residual", "sum_sq"]),
            "df_error": float(tab.loc["Residual", "df"])}


def anova_scipy(g, y):
    groups = [y[g == k] for k in range(1, 6)]
    r = scipy.stats.f_oneway(*groups)
    return {"f": float(r.statistic), "p": float(r.pvalue)}


# --- doe.analyze ---------------------------------------------------------------

def doe_statsmodels(df):
    fit = smf.ols("y ~ A*B*C*D*E", data=df).fit()
    tab = sm.stats.anova_lm(fit, typ=3)
    terms = {}
    for name, row in tab.iterrows():
        if name in ("Intercept", "Residual"):
            continue
        terms["".join(sorted(name.split(":")))] = {"ss": float(row["sum_sq"]), "f": float(row["F"]),
                                                   "p": float(row["PR(>F)"])}
    return {"terms": terms, "ss_error": float(tab.loc["Residual", "sum_sq"]),
            "df_error": float(tab.loc["Residual", "df"])}


# --- I-MR with the Nelson rules -------------------------------------------------

def _csum(b):
    c = np.empty(len(b) + 1, dtype=np.int32)
    c[0] = 0
    np.cumsum(b, out=c[1:])
    return c


def run_at_least(b, k):
    """True at i when b[i-k+1..i] are all true (a run of >= k ending at i)."""
    c = _csum(b)
    out = np.zeros(len(b), dtype=bool)
    if len(b) >= k:
        out[k - 1:] = (c[k:] - c[:-k]) == k
    return out


def count_last(b, w):
    """How many of b[i-w+1..i] are true (fewer at the start)."""
    c = _csum(b)
    idx = np.arange(1, len(b) + 1)
    return c[idx] - c[np.maximum(idx - w, 0)]


def imr_numpy(x):
    n = len(x)
    center = x.mean()
    mr = np.abs(np.diff(x))
    mr_bar = mr.mean()
    sigma = mr_bar / D2
    up1, up2, ucl = center + sigma, center + 2 * sigma, center + 3 * sigma
    down1, down2, lcl = center - sigma, center - 2 * sigma, center - 3 * sigma
    mr_ucl = D4 * mr_bar

    above, below = x > center, x < center
    direction = np.zeros(n, dtype=np.int8)
    direction[1:] = np.sign(np.diff(x))
    alt = np.zeros(n, dtype=bool)  # this difference is nonzero and opposite to the previous one
    alt[1:] = (direction[1:] != 0) & (direction[1:] == -direction[:-1])
    a2, b2 = x > up2, x < down2
    a1, b1 = x > up1, x < down1
    out1 = a1 | b1
    rules = [
        (x > ucl) | (x < lcl),                                               # 1
        run_at_least(above, 9) | run_at_least(below, 9),                     # 2
        run_at_least(direction > 0, 5) | run_at_least(direction < 0, 5),     # 3 (6 points)
        run_at_least(alt, 12),                                               # 4 (14 points)
        (a2 & (count_last(a2, 3) >= 2)) | (b2 & (count_last(b2, 3) >= 2)),  # 5
        (a1 & (count_last(a1, 5) >= 4)) | (b1 & (count_last(b1, 5) >= 4)),  # 6
        run_at_least((x < up1) & (x > down1), 15),                           # 7
        run_at_least(out1, 8) & (count_last(a1, 8) > 0) & (count_last(b1, 8) > 0),  # 8
    ]
    counts = [int(np.count_nonzero(r)) for r in rules]
    flagged = np.zeros(n, dtype=bool)
    for r in rules:
        flagged |= r
    mr_beyond = int(np.count_nonzero(mr > mr_ucl))
    return {"center": float(center), "ucl": float(ucl), "lcl": float(lcl), "mr_bar": float(mr_bar),
            "mr_ucl": float(mr_ucl), "i_counts": counts, "i_points_flagged": int(np.count_nonzero(flagged)),
            "mr_count": mr_beyond, "total": sum(counts) + mr_beyond}


# --------------------------------------------------------------------------------

def emit(method, n, peer, result):
    median, reps, numbers = result
    print(json.dumps({"side": "python", "clock": CLOCK, "method": method, "n": n, "peer": peer, "median_s": median,
                      "reps": reps, "numbers": numbers}), flush=True)


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    data = sys.argv[1]
    print(json.dumps({"side": "python", "versions": {
        "python": sys.version.split()[0], "numpy": np.__version__, "pandas": pd.__version__,
        "scipy": scipy.__version__, "statsmodels": statsmodels.__version__,
        "BLAS threads": os.environ["OPENBLAS_NUM_THREADS"]}}), flush=True)
    for n in (int(float(s)) for s in sys.argv[2:]):
        path = os.path.join(data, "%s_" + str(n))
        g = np.fromfile(path % "anova" + ".g.i32", dtype="<i4")
        y = np.fromfile(path % "anova" + ".y.f64", dtype="<f8")
        df = pd.DataFrame({"g": g, "y": y})
        emit("anova", n, "statsmodels", timed(lambda: anova_statsmodels(df), n))
        emit("anova", n, "scipy", timed(lambda: anova_scipy(g, y), n))
        del df, g, y

        x = np.fromfile(path % "doe" + ".x.i8", dtype="i1").reshape(-1, 5)
        y = np.fromfile(path % "doe" + ".y.f64", dtype="<f8")
        df = pd.DataFrame({c: x[:, j].astype(float) for j, c in enumerate("ABCDE")})
        df["y"] = y
        emit("doe.analyze", n, "statsmodels", timed(lambda: doe_statsmodels(df), n))
        del df, x, y

        x = np.fromfile(path % "imr" + ".f64", dtype="<f8")
        emit("spc", n, "numpy", timed(lambda: imr_numpy(x), n))
        del x


if __name__ == "__main__":
    main()
