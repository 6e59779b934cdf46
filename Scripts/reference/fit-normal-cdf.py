"""Fits erfcx(|x|/√2) = c + t·Q(t − 1/2), t = 1/(1 + |x|/4), over |x| in [0, 8], for the central path
of Φ in Sources/ActivationFunctions/Core/FloatNormal.swift (Φ(−|x|) = ½e^{−x²/2}·erfcx(|x|/√2)).
The variable is built from x itself (|x|/4 is exact), so no rounded x/√2 enters. Minimax in relative
error by iterated reweighted least squares; coefficients are rounded to float32 one at a time from the
highest degree, the rest refitted after each. Prints them and the fit's error in float32 ulps (before
evaluation). Usage: python3 Scripts/reference/fit-normal-cdf.py   (numpy and mpmath)"""
import mpmath as mp
import numpy as np

from rounded_fit import fit_and_print

mp.mp.dps = 30
SCALE, CENTRE, DEGREE, XMAX, N = 0.25, 0.5, 8, 8.0, 3000

x = XMAX / 2 + XMAX / 2 * np.cos(np.pi * (np.arange(N) + 0.5) / N)
t = 1 / (1 + SCALE * x)
y = np.array([float(mp.erfc(mp.mpf(v) / mp.sqrt(2)) * mp.exp(mp.mpf(v) ** 2 / 2)) for v in x])
fit_and_print(t, y, CENTRE, DEGREE, iterations=60)
