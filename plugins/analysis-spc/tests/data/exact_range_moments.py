#!/usr/bin/python3
"""Independent high-precision d2(n) and d3(n) for constants_test.cpp.

Integrates the same definitions as src/constants.cpp, but with mpmath's
adaptive tanh-sinh quadrature at 20 significant digits instead of our
Gauss-Legendre panels:
  d2 = E[W] = 2 ∫_0^∞ [1 - Φ(x)^n - (1 - Φ(x))^n] dx
  E[W²] = 2 ∫∫_{s<t} [1 - (1-Φ(s))^n - Φ(t)^n + (Φ(t) - Φ(s))^n] ds dt
  d3 = sqrt(E[W²] - d2²)
usage: exact_range_moments.py N [N ...]   (a few minutes per n)
Output used in the tests (n d2 d3):
  3 1.692568750643269 0.8883680040452043
  5 2.325928947281039 0.8640819410995041
  10 3.077505461670346 0.7970506735194112
  25 3.930629219507113 0.708440765888655
"""
import sys

import mpmath as mp

mp.mp.dps = 20


def Phi(x):
    return mp.ncdf(x)


def d2(n):
    return 2 * mp.quad(lambda x: 1 - Phi(x) ** n - (1 - Phi(x)) ** n, [0, 3, 6, 12])


def ew2(n):
    def inner(t):
        points = [-12, min(t, -3), t] if t > -3 else [-12, t]
        return mp.quad(lambda s: 1 - (1 - Phi(s)) ** n - Phi(t) ** n + (Phi(t) - Phi(s)) ** n, points)

    return 2 * mp.quad(inner, [-12, -3, 0, 3, 12])


for n in [int(a) for a in sys.argv[1:]]:
    a = d2(n)
    b = ew2(n)
    print(n, mp.nstr(a, 16), mp.nstr(mp.sqrt(b - a * a), 16), flush=True)
