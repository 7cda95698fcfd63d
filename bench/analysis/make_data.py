#!/usr/bin/python3
"""Writes the benchmark data once, seeded, as raw little-endian arrays that both
the qloop bench (bench_analysis) and the Python peer (peer.py) load outside
their timed regions. Usage: make_data.py DIR N [N ...]

Per size N:
  imr_N.f64              N individual values (I-MR chart)
  anova_N.g.i32          N group codes 1..5 (one-way ANOVA, k = 5)
  anova_N.y.f64          N responses
  doe_N.x.i8             R x 5 factor settings -1/+1 (2^5 full factorial in
                         standard order, r = ceil(N/32) replicates, R = 32 r)
  doe_N.y.f64            R responses
Existing files are kept (the 10^7 sets take a while to write).
"""
import os
import sys

import numpy as np

SEED = 20261124


def make_imr(rng, n):
    # A stable process (mean 50, sd 2) with some 500-point stretches shifted by
    # 1.5 sigma, so that the run rules have special causes to find.
    x = rng.normal(50.0, 2.0, n)
    blocks = -(-n // 500)
    shifted = np.repeat(rng.random(blocks) < 0.04, 500)[:n]
    return x + 3.0 * shifted


def make_anova(rng, n):
    # Five machines with slightly different means; groups assigned at random, so
    # the design is (mildly) unbalanced like real data.
    g = rng.integers(1, 6, n).astype(np.int32)
    if len(np.unique(g)) != 5:
        raise SystemExit(f"anova {n}: a group came out empty; change the seed")
    effect = np.array([0.0, 0.0, 0.03, 0.0, -0.02, 0.01])
    y = 10.0 + effect[g] + rng.normal(0.0, 1.0, n)
    return g, y


def make_doe(rng, n):
    r = -(-n // 32)
    run = np.arange(32 * r) % 32
    x = np.stack([np.where((run >> j) & 1, 1, -1) for j in range(5)], axis=1).astype(np.int8)
    a, b, c = (x[:, j].astype(float) for j in range(3))
    y = 50 + 2.5 * a + 1.5 * b - 1.0 * a * b + 0.75 * c + 0.5 * a * b * c + rng.normal(0.0, 2.0, len(run))
    return x, y


def write(path, array):
    tmp = path + ".tmp"
    np.ascontiguousarray(array).tofile(tmp)
    os.replace(tmp, path)


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for n in (int(float(s)) for s in sys.argv[2:]):
        base = os.path.join(out, "%s_" + str(n))
        if not os.path.exists(base % "imr" + ".f64"):
            write(base % "imr" + ".f64", make_imr(np.random.default_rng([SEED, 1, n]), n).astype("<f8"))
        if not os.path.exists(base % "anova" + ".y.f64"):
            g, y = make_anova(np.random.default_rng([SEED, 2, n]), n)
            write(base % "anova" + ".g.i32", g.astype("<i4"))
            write(base % "anova" + ".y.f64", y.astype("<f8"))
        if not os.path.exists(base % "doe" + ".y.f64"):
            x, y = make_doe(np.random.default_rng([SEED, 3, n]), n)
            write(base % "doe" + ".x.i8", x)
            write(base % "doe" + ".y.f64", y.astype("<f8"))


if __name__ == "__main__":
    main()
