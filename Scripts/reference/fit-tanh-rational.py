"""Why Float tanh is not a rational function: fits tanh x ≈ x·P(x²)/Q(x²) (P(0) = Q(0) = 1) over
[0, 9.02] (beyond it tanh rounds to 1 in float32), minimax in relative error by iterated reweighted
least squares, rounds the coefficients to float32 one at a time (refitting the rest), then evaluates
the rational in float32 the way a kernel would (x² rounded, Horner with fused multiply-adds, x·P, one
division) on every 7th float32 in [2⁻²⁰, 9.1], against the float64 libm.

Last run: degrees 4/4 fit to 0.63 ulp and 5/4 to 0.14 ulp, but evaluated in float32 they reach 5.5
and 4.9 ulp: P and Q sit just above 1 near 0 (where 1 + u·… rounds to 2⁻²⁴ absolute) and are
dominated by their top terms near saturation (where every Horner step adds its rounding). Both are
past the catalog's 4 ulp, so `vectorTanh` keeps its polynomial and exponential branches (1.509 ulp).
Usage: python3 Scripts/reference/fit-tanh-rational.py [P degree] [Q degree]   (numpy and mpmath)"""
import sys

import mpmath as mp
import numpy as np

mp.mp.dps = 30
END = 9.02
m, n = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) > 2 else (4, 4)

nodes = END / 2 + END / 2 * np.cos(np.pi * (np.arange(6000) + 0.5) / 6000)
x = np.sort(np.concatenate([nodes, np.geomspace(1e-4, 0.5, 400)]))
t = np.array([float(mp.tanh(v)) for v in x])
u = x * x
# Unknowns p₁…p_m, q₁…q_n (monomials in u); columns scaled by 81ʲ for conditioning.
scale = np.array([81.0**j for j in range(1, m + 1)] + [81.0**j for j in range(1, n + 1)])
columns = np.column_stack([x * u**j for j in range(1, m + 1)] + [-t * u**j for j in range(1, n + 1)]) / scale


def rational(c, x, u):
    p = 1 + sum(c[j - 1] * u**j for j in range(1, m + 1))
    q = 1 + sum(c[m + j - 1] * u**j for j in range(1, n + 1))
    return x * p / q, q


def fit(fixed):
    """Minimax relative error with the coefficients in `fixed` held; x·P − t·Q linearised, weighted by 1/(t·Q)."""
    free = [j for j in range(m + n) if j not in fixed]
    q, weights = np.ones_like(x), np.ones_like(x)
    for _ in range(80):
        rhs = t - x - sum(columns[:, j] * scale[j] * v for j, v in fixed.items())
        w = np.sqrt(weights) / (t * q)
        solution, *_ = np.linalg.lstsq(columns[:, free] * w[:, None], rhs * w, rcond=None)
        c = np.zeros(m + n)
        for j, v in fixed.items():
            c[j] = v
        for k, j in enumerate(free):
            c[j] = solution[k] / scale[j]
        y, q = rational(c, x, u)
        error = np.abs(y - t) / t
        weights = weights * (error + 1e-30)
        weights /= weights.sum()
    return c, error.max()


c, error = fit({})
print(f"degrees {m}/{n}: fit {error * 2**24:.3f} ulp with exact coefficients")
fixed = {}
for j in list(range(m - 1, -1, -1)) + list(range(m + n - 1, m - 1, -1)):
    fixed[j] = float(np.float32(fit(fixed)[0][j]))
c = np.array([fixed[j] for j in range(m + n)])
print(f"  {(np.abs(rational(c, x, u)[0] - t) / t).max() * 2**24:.3f} ulp with float32 coefficients")

f32 = lambda v: v.astype(np.float32).astype(np.float64)
fma = lambda a, b, s: f32(a * b + s)  # a·b is exact in float64 for float32 a, b
bits = np.arange(np.float32(2**-20).view(np.uint32), np.float32(9.1).view(np.uint32), 7, dtype=np.uint32)
xs = bits.view(np.float32).astype(np.float64)
us = f32(xs * xs)
p = np.full_like(xs, c[m - 1])
for j in range(m - 2, -1, -1):
    p = fma(p, us, c[j])
p = fma(p, us, 1.0)
q = np.full_like(xs, c[m + n - 1])
for j in range(m + n - 2, m - 1, -1):
    q = fma(q, us, c[j])
q = fma(q, us, 1.0)
y = f32(f32(xs * p) / q)
reference = np.tanh(xs)
ulps = np.abs(y - reference) / np.spacing(reference.astype(np.float32)).astype(np.float64)
worst = ulps.argmax()
print(f"  {ulps[worst]:.3f} ulp evaluated in float32 (at x = {np.float32(xs[worst])}, {len(xs)} inputs)")
