"""Fits erfcx(a) = e^{a²}·erfc(a) = c + t·Q(t − 3/16), t = 1/(1 + a/2), over a in [0, 10.2], for
Sources/ActivationFunctions/Core/FloatErfc.swift. Minimax in relative error by iterated reweighted
least squares; coefficients are rounded to float32 one at a time from the highest degree, the rest
refitted after each. Prints the coefficients and the fit's error in float32 ulps (before evaluation).
Usage: python3 Scripts/reference/fit-erfc.py   (numpy and mpmath)"""
import mpmath as mp
import numpy as np

from rounded_fit import fit_and_print

mp.mp.dps = 40
CENTRE, DEGREE, N = 0.1875, 9, 4000

a = 5.1 + 5.1 * np.cos(np.pi * (np.arange(N) + 0.5) / N)
t = 1 / (1 + a / 2)
y = np.array([float(mp.erfc(v) * mp.exp(mp.mpf(v) ** 2)) for v in a])
fit_and_print(t, y, CENTRE, DEGREE, iterations=80)
