"""Fits the polynomial of the vectorised Double erfc (Sources/ActivationFunctions/Core/DoubleErfc.swift):
erfc(a) = t·e^{−a² + g(u)} for a ≥ 0, with t = K/(2 + a) (Numerical Recipes' variable 2/(2 + a),
scaled by K = 1.1 so that g is centred on 0 and its roundings are half as large), u = s·t + m mapping
a in [0, 27.3] onto [−1, 1] (K, s and m are the float64 constants below, exact as used), and
g(u) = ln(erfc(a)·e^{a²}/t), smooth, between −0.6 and 0.6. g is interpolated at 64 Chebyshev nodes in
mpmath, truncated to degree 26 and converted to powers of u (the sum of their magnitudes is small, so
Horner loses nothing to cancellation), and each coefficient is rounded to float64. The script then
evaluates that polynomial the way the kernel does (Horner, one rounding per fused multiply-add,
simulated in mpmath) at 3000 random u and prints the worst absolute error in units of 2⁻⁵³; a
relative error of that size in e^g is about as many half-ulps of erfc.
Last run: 0.942·2⁻⁵³, coefficients adding up to 0.746 in magnitude, first omitted Chebyshev coefficient
−2.7e−18.
Usage: python3 Scripts/reference/fit-erfc-double.py   (mpmath)"""
import random

import mpmath as mp

mp.mp.dps = 50
A_MAX, DEGREE, NODES, K = 27.3, 26, 64, 1.1
t_min, t_max = K / (2 + A_MAX), K / 2
s, m = 2 / (t_max - t_min), -(t_max + t_min) / (t_max - t_min)


def g(u):
    t = (mp.mpf(u) - mp.mpf(m)) / mp.mpf(s)
    a = mp.mpf(K) / t - 2
    return mp.log(mp.erfc(a) * mp.exp(a * a) / t)


nodes = [mp.cos(mp.pi * (k + mp.mpf(0.5)) / NODES) for k in range(NODES)]
values = [g(u) for u in nodes]
chebyshev = [2 * mp.fsum(values[k] * mp.cos(mp.pi * j * (k + mp.mpf(0.5)) / NODES) for k in range(NODES)) / NODES
             for j in range(NODES)]
chebyshev[0] /= 2

# T_k as power series, then the power-series coefficients of the truncated sum.
powers = [[mp.mpf(1)], [mp.mpf(0), mp.mpf(1)]]
for k in range(2, DEGREE + 1):
    following = [mp.mpf(0)] + [2 * x for x in powers[-1]]
    for i, x in enumerate(powers[-2]):
        following[i] -= x
    powers.append(following)
monomial = [mp.mpf(0)] * (DEGREE + 1)
for k in range(DEGREE + 1):
    for i, x in enumerate(powers[k]):
        monomial[i] += chebyshev[k] * x
coefficients = [float(x) for x in monomial]


def fused(x, y, z):
    return float(mp.mpf(x) * mp.mpf(y) + mp.mpf(z))


random.seed(1)
worst = (0.0, 0.0)
for u in [-1.0, 1.0, 0.0] + [random.uniform(-1, 1) for _ in range(3000)]:
    p = coefficients[DEGREE]
    for k in range(DEGREE - 1, -1, -1):
        p = fused(p, u, coefficients[k])
    error = float(abs(mp.mpf(p) - g(u)) * 2**53)
    worst = max(worst, (error, u))

print("K = %r, s = %r, m = %r, 1/K = %r" % (K, s, m, 1 / K))
print("g(u), highest degree first:")
for c in reversed(coefficients):
    print("    %r," % c)
print("sum of |coefficients|: %.3f" % sum(abs(c) for c in coefficients))
print("first omitted Chebyshev coefficient: %s" % mp.nstr(chebyshev[DEGREE + 1], 3))
print("worst evaluation error: %.3f * 2^-53 at u = %r" % worst)
