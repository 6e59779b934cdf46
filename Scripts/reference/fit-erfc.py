"""Fits erfcx(a) = e^{a²}·erfc(a) = c + t·Q(t − 3/16), t = 1/(1 + a/2), over a in [0, 10.2], for
Sources/ActivationFunctions/Core/FloatErfc.swift. Minimax in relative error by iterated reweighted
least squares; coefficients are rounded to float32 one at a time from the highest degree, the rest
refitted after each. Prints the coefficients and the fit's error in float32 ulps (before evaluation).
Usage: python3 Scripts/reference/fit-erfc.py   (numpy and mpmath)"""
import mpmath as mp
import numpy as np

mp.mp.dps = 40
CENTRE, DEGREE, N = 0.1875, 9, 4000


def minimax(v, y, w, iterations=80):
    weights = np.ones(len(y))
    for _ in range(iterations):
        root = np.sqrt(weights)
        c, *_ = np.linalg.lstsq(v * (w * root)[:, None], y * w * root, rcond=None)
        e = np.abs(v @ c - y) * w
        weights = weights * (e + 1e-30)
        weights /= weights.sum()
    return c


a = 5.1 + 5.1 * np.cos(np.pi * (np.arange(N) + 0.5) / N)
t = 1 / (1 + a / 2)
y = np.array([float(mp.erfc(v) * mp.exp(mp.mpf(v) ** 2)) for v in a])
s = t - CENTRE
basis = np.column_stack([t * s**j for j in range(DEGREE, -1, -1)] + [np.ones_like(t)])
fixed = []
for j in range(basis.shape[1]):
    rest = y - (basis[:, :j] @ np.array(fixed) if j else 0)
    fixed.append(float(np.float32(minimax(basis[:, j:], rest, 1 / y)[0])))
c = np.array(fixed)
print("Q (highest degree first):", [str(np.float32(v)) for v in c[:-1]])
print("c:", str(np.float32(c[-1])))
print("fit error: %.3f ulp" % ((np.abs(basis @ c - y) / y).max() * 2**24))
