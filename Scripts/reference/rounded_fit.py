"""Shared by the fit-*.py scripts: a minimax fit in relative error of y ≈ c + t·Q(t − centre), with the
coefficients rounded to float32 one at a time from the highest degree and the rest refitted after each
(so the rounding of one is compensated by the others). Prints them and the fit's error in float32 ulps
(before evaluation)."""
import numpy as np


def minimax(v, y, w, iterations):
    """Least squares reweighted `iterations` times towards the minimax of |v·c − y|·w."""
    weights = np.ones(len(y))
    for _ in range(iterations):
        root = np.sqrt(weights)
        c, *_ = np.linalg.lstsq(v * (w * root)[:, None], y * w * root, rcond=None)
        e = np.abs(v @ c - y) * w
        weights = weights * (e + 1e-30)
        weights /= weights.sum()
    return c


def fit_and_print(t, y, centre, degree, iterations):
    """Fits y ≈ c + t·Q(t − centre), Q of `degree`, rounding to float32 as above, and prints the result."""
    s = t - centre
    basis = np.column_stack([t * s**j for j in range(degree, -1, -1)] + [np.ones_like(t)])
    fixed = []
    for j in range(basis.shape[1]):
        rest = y - (basis[:, :j] @ np.array(fixed) if j else 0)
        fixed.append(float(np.float32(minimax(basis[:, j:], rest, 1 / y, iterations)[0])))
    c = np.array(fixed)
    print("Q (highest degree first):", [str(np.float32(v)) for v in c[:-1]])
    print("c:", str(np.float32(c[-1])))
    print("fit error: %.3f ulp" % ((np.abs(basis @ c - y) / y).max() * 2**24))
