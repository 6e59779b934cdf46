#!/usr/bin/env python3
"""Soft-exponential (α < 0) at the Floats next to poles that fall almost on a Float, in mpmath.

    Scripts/.venv/bin/python Scripts/reference/soft-exponential-pole.py

For α = −10⁻¹⁰ and −10⁻⁸ (the parameter as a Double) the pole x₀ = 1/α − α lies within 10⁻⁶ of the
Float −1/α, so a `Float` x's distance to it, 1 − α(x + α), can be far below what α in two `Float`
parts resolves. Prints, for the two Floats on either side of each pole, f(x) = −ln(1 − α(x + α))/α and
f′(x) = 1/(1 − α(x + α)) at 300 bits, or nan where 1 − α(x + α) < 0 (outside f's domain); the values
are copied into Tests/ActivationFunctionsTests/SoftExponentialPoleTests.swift.
"""
import struct

import mpmath


def to_float32(value):
    return struct.unpack("<f", struct.pack("<f", value))[0]


def float32_step(value, steps):
    """The Float `steps` Floats above `value` (a negative Float here: its bit pattern counts down)."""
    bits = struct.unpack("<I", struct.pack("<f", value))[0]
    return struct.unpack("<f", struct.pack("<I", bits - steps))[0]


mpmath.mp.prec = 300
for alpha in (-1e-10, -1e-8):
    a = mpmath.mpf(alpha)
    pole = 1 / a - a
    nearest = to_float32(float(pole))
    for x in [float32_step(nearest, k) for k in (-1, 0, 1, 2)]:
        d = 1 - a * (mpmath.mpf(float(x)) + a)
        if d <= 0:
            print(f"alpha {alpha!r} x {float(x)!r}: 1 - alpha(x + alpha) = {mpmath.nstr(d, 5)}: f and f' nan")
        else:
            print(f"alpha {alpha!r} x {float(x)!r}: f {mpmath.nstr(-mpmath.log(d) / a, 17)} f' {mpmath.nstr(1 / d, 17)}")
