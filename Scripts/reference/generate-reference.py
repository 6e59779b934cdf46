#!/usr/bin/env python3
"""Independent high-precision reference values for the activation catalog.

Writes Tests/ActivationFunctionsTests/Fixtures/reference-values.tsv and reference-rows.tsv.
Run it through the wrapper:  Scripts/reference/generate-reference   (a venv with mpmath==1.3.0).

Method (independent of the Swift code):
* every function is its plain mathematical definition in mpmath; parameters are the exact
  binary values of the doubles, the named decimal constants are exact decimals;
* a value is accepted when evaluations at p and 2p decimal digits agree to 1e-40 relative
  (p = 50, 100, ... up to 3200); an exact 0 never counts as agreement, since it is what a
  total cancellation (1 + tiny - 1) gives, so precision is raised until it is resolved;
* derivatives are mpmath.diff (central difference) of the same function, with a step far
  smaller than the distance to any breakpoint and than the function's own length scale,
  accepted under the same p / 2p rule; exactly at a kink the derivative is written as '-';
* hi = exact value correctly rounded to double (via the exact binary mpf -> Fraction),
  lo = (exact - hi) correctly rounded to double.
"""
import math, os, random, struct, sys, time
from fractions import Fraction
from multiprocessing import Pool
from mpmath import mp, mpf

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
FIXTURES = os.path.join(ROOT, 'Tests', 'ActivationFunctionsTests', 'Fixtures')
SEED = 20261129
DPS0, MAX_DPS, RTOL = 50, 3200, mpf('1e-40')
TINY = mpf(2) ** -1200          # below half the smallest subnormal: rounds to 0 in double

# ----------------------------------------------------------------------------- functions
Z = mpf(0)
def pos(x): return x if x > 0 else Z
def clip(x, lo, hi): return min(max(x, mpf(lo)), mpf(hi))
def sig(x): return 1 / (1 + mp.exp(-x))
def erfc(z):   # mpmath's erfc cannot take z > ~1e154; there erfc(z) < e^(-1e308), 1/(2z^2) < 1e-300
    return mp.erfc(z) if z < 1e150 else mp.exp(-z * z) / (z * mp.sqrt(mp.pi))
def exp_neg(t):  # e^(-t); for t > 2^64 it is below 2^(-2^64), i.e. 0 at every precision used here
    return mp.exp(-t) if t < mpf(2) ** 64 else Z
def mag(v): return int(mp.mag(mpf(v))) if v else 0   # binary exponent
def C(s): return mpf(s)  # exact decimal constant, converted at the current precision
SELU_L, SELU_A = '1.0507009873554804934193349852946', '1.6732632423543772848170429916717'

def sqnl(x):
    if x > 2: return mpf(1)
    if x >= 0: return x - x * x / 4
    if x >= -2: return x + x * x / 4
    return mpf(-1)

def sq_rbf(x):
    a = abs(x)
    return 1 - x * x / 2 if a <= 1 else ((2 - a) ** 2 / 2 if a < 2 else Z)

def soft_exp(x, a):
    if a < 0: return -mp.log(1 - a * (x + a)) / a
    return x if a == 0 else (mp.exp(a * x) - 1) / a + a

F = {  # id -> f(x, p) with x an mpf and p a dict of mpf parameters
    'identity': lambda x, p: p['c'] * x,
    'step': lambda x, p: mpf(1) if x > p['threshold'] else Z,
    'sign': lambda x, p: mpf(mp.sign(x)),
    'threshold': lambda x, p: x if x > p['threshold'] else p['value'],
    'relu': lambda x, p: pos(x),
    'relu6': lambda x, p: clip(x, 0, 6),
    'squared-relu': lambda x, p: pos(x) ** 2,
    'leaky-relu': lambda x, p: x if x > 0 else p['slope'] * x,
    'prelu': lambda x, p: x if x > 0 else p['slope'] * x,
    'rrelu': lambda x, p: x if x > 0 else (p['lower'] + p['upper']) / 2 * x,
    'srelu': lambda x, p: (p['tl'] + p['al'] * (x - p['tl']) if x <= p['tl'] else
                           x if x < p['tr'] else p['tr'] + p['ar'] * (x - p['tr'])),
    'plu': lambda x, p: (x if abs(x) < p['c'] else p['alpha'] * (x - p['c']) + p['c'] if x >= p['c']
                         else p['alpha'] * (x + p['c']) - p['c']),
    'apl': lambda x, p: pos(x) + p['a'] * pos(p['b'] - x),
    'elu': lambda x, p: x if x > 0 else p['alpha'] * (mp.exp(x) - 1),
    'celu': lambda x, p: pos(x) + min(Z, p['alpha'] * (mp.exp(x / p['alpha']) - 1)),
    'selu': lambda x, p: C(SELU_L) * x if x > 0 else C(SELU_L) * C(SELU_A) * (mp.exp(x) - 1),
    'isrlu': lambda x, p: x if x >= 0 else x / mp.sqrt(1 + p['alpha'] * x * x),
    'isru': lambda x, p: x / mp.sqrt(1 + p['alpha'] * x * x),
    'gelu': lambda x, p: x / 2 * erfc(-x / mp.sqrt(2)),
    'gelu-tanh': lambda x, p: x / 2 * (1 + mp.tanh(mp.sqrt(2 / mp.pi) * (x + C('0.044715') * x ** 3))),
    'quick-gelu': lambda x, p: x * sig(C('1.702') * x),
    'silu': lambda x, p: x * sig(x),
    'hard-swish': lambda x, p: x * clip(x + 3, 0, 6) / 6,
    'mish': lambda x, p: x * mp.tanh(mp.log(1 + mp.exp(x))),
    'softplus': lambda x, p: mp.log(1 + mp.exp(p['beta'] * x)) / p['beta'],
    'squareplus': lambda x, p: (x + mp.sqrt(x * x + p['b'])) / 2,
    'sparse-plus': lambda x, p: Z if x <= -1 else ((x + 1) ** 2 / 4 if x < 1 else x),
    'soft-exponential': lambda x, p: soft_exp(x, p['alpha']),
    'bent-identity': lambda x, p: (mp.sqrt(x * x + 1) - 1) / 2 + x,
    'lisht': lambda x, p: x * mp.tanh(x),
    'log-cosh': lambda x, p: mp.log(mp.cosh(x)),
    'exponential': lambda x, p: mp.exp(x),
    'sigmoid': lambda x, p: sig(x),
    'log-sigmoid': lambda x, p: mp.log(sig(x)),
    'hard-sigmoid': lambda x, p: clip(x + 3, 0, 6) / 6,
    'sparse-sigmoid': lambda x, p: clip(x + 1, 0, 2) / 2,
    'symmetric-sigmoid': lambda x, p: mp.tanh(x / 2),
    'log-log': lambda x, p: 1 - exp_neg(mp.exp(x)),
    'tanh': lambda x, p: mp.tanh(x),
    'lecun-tanh': lambda x, p: C('1.7159') * mp.tanh(2 * x / 3),
    'hard-tanh': lambda x, p: clip(x, p['min'], p['max']),
    'soft-clipping': lambda x, p: mp.log((1 + mp.exp(p['alpha'] * x)) / (1 + mp.exp(p['alpha'] * (x - 1)))) / p['alpha'],
    'arctan': lambda x, p: mp.atan(x),
    'arsinh': lambda x, p: mp.asinh(x),
    'softsign': lambda x, p: x / (1 + abs(x)),
    'sqnl': lambda x, p: sqnl(x),
    'tanh-shrink': lambda x, p: x - mp.tanh(x),
    'soft-shrink': lambda x, p: x - p['lambda'] if x > p['lambda'] else (x + p['lambda'] if x < -p['lambda'] else Z),
    'hard-shrink': lambda x, p: x if abs(x) > p['lambda'] else Z,
    'absolute': lambda x, p: abs(x),
    'gaussian': lambda x, p: mp.exp(-x * x),
    'sq-rbf': lambda x, p: sq_rbf(x),
    'sinusoid': lambda x, p: mp.sin(x),
    'cos': lambda x, p: mp.cos(x),
    'sinc': lambda x, p: mp.sin(x) / x if x != 0 else mpf(1),
}

# id -> (defaults, extra parameter sets); values are doubles
PARAMS = {
    'identity': ({'c': 1.0}, [{'c': 2.5}]),
    'step': ({'threshold': 0.0}, [{'threshold': 0.5}]),
    'threshold': ({'threshold': 0.0, 'value': 0.0}, [{'threshold': 1.0, 'value': -1.0}]),
    'leaky-relu': ({'slope': 0.01}, [{'slope': 0.2}]),
    'prelu': ({'slope': 0.25}, [{'slope': 0.5}]),
    'rrelu': ({'lower': 0.125, 'upper': 1.0 / 3.0}, [{'lower': 0.25, 'upper': 0.5}]),
    'srelu': ({'tl': -1.0, 'al': 0.1, 'tr': 1.0, 'ar': 0.1}, [{'tl': -2.0, 'al': 0.5, 'tr': 2.0, 'ar': 0.25}]),
    'plu': ({'alpha': 0.1, 'c': 1.0}, [{'alpha': 0.25, 'c': 2.0}]),
    'apl': ({'a': 0.2, 'b': 0.0}, [{'a': 0.5, 'b': 1.0}]),
    'elu': ({'alpha': 1.0}, [{'alpha': 0.5}]),
    'celu': ({'alpha': 1.0}, [{'alpha': 2.0}]),
    'isrlu': ({'alpha': 1.0}, [{'alpha': 4.0}]),
    'isru': ({'alpha': 1.0}, [{'alpha': 0.25}]),
    'softplus': ({'beta': 1.0}, [{'beta': 2.0}, {'beta': 0.5}, {'beta': 10.0}, {'beta': 0.1}, {'beta': 0.001},
                                 {'beta': 1e-30}, {'beta': 1e-300}]),
    'squareplus': ({'b': 4.0}, [{'b': 1.0}]),
    'soft-exponential': ({'alpha': 0.0}, [{'alpha': 0.5}, {'alpha': -0.5}, {'alpha': 0.3}, {'alpha': 30.0},
                                          {'alpha': -0.3}, {'alpha': -1e-300}, {'alpha': -0.9999999},
                                          {'alpha': -3.7}, {'alpha': -1e17}]),
    'hard-tanh': ({'min': -1.0, 'max': 1.0}, [{'min': -2.0, 'max': 0.5}]),
    'soft-clipping': ({'alpha': 1.0}, [{'alpha': 2.0}, {'alpha': 0.3}, {'alpha': 800.0}]),
    'soft-shrink': ({'lambda': 0.5}, [{'lambda': 1.0}]),
    'hard-shrink': ({'lambda': 0.5}, [{'lambda': 1.0}]),
}

# id -> p -> (points where f is not differentiable, C1 joins where f' exists but the formula changes)
KINKS = {
    'step': lambda p: ([p['threshold']], []), 'sign': lambda p: ([0.0], []),
    'threshold': lambda p: ([p['threshold']], []), 'relu': lambda p: ([0.0], []),
    'relu6': lambda p: ([0.0, 6.0], []), 'squared-relu': lambda p: ([], [0.0]),
    'leaky-relu': lambda p: ([0.0], []), 'prelu': lambda p: ([0.0], []), 'rrelu': lambda p: ([0.0], []),
    'srelu': lambda p: ([p['tl'], p['tr']], []), 'plu': lambda p: ([-p['c'], p['c']], []),
    'apl': lambda p: (sorted({0.0, p['b']}), []),
    'elu': lambda p: ([0.0], []) if p['alpha'] != 1 else ([], [0.0]),
    'celu': lambda p: ([], [0.0]), 'selu': lambda p: ([0.0], []), 'isrlu': lambda p: ([], [0.0]),
    'hard-swish': lambda p: ([-3.0, 3.0], []), 'sparse-plus': lambda p: ([], [-1.0, 1.0]),
    'hard-sigmoid': lambda p: ([-3.0, 3.0], []), 'sparse-sigmoid': lambda p: ([-1.0, 1.0], []),
    'hard-tanh': lambda p: ([p['min'], p['max']], []), 'sqnl': lambda p: ([], [-2.0, 0.0, 2.0]),
    'soft-shrink': lambda p: ([-p['lambda'], p['lambda']], []),
    'hard-shrink': lambda p: ([-p['lambda'], p['lambda']], []),
    'absolute': lambda p: ([0.0], []), 'sq-rbf': lambda p: ([], [-2.0, -1.0, 1.0, 2.0]),
}

def domain_ok(fid, p, x):  # soft-exponential with alpha < 0 needs 1 - alpha (x + alpha) > 0 (exactly: 60 digits)
    if not (fid == 'soft-exponential' and p['alpha'] < 0):
        return True
    with mp.workdps(60):
        return 1 - mpf(p['alpha']) * (mpf(x) + mpf(p['alpha'])) > 0

# ----------------------------------------------------------------------------- precision control
def close(a, b):
    if a == 0 or b == 0:
        return a != b and max(abs(a), abs(b)) < TINY   # a lone exact zero vs a tiny value: fine
    return abs(a - b) <= RTOL * max(abs(a), abs(b)) or max(abs(a), abs(b)) < TINY

def converge(g, dps=DPS0, accept_zero=lambda dps: False):
    """g(dps) -> mpf or list of mpf; returns (value at the higher precision, dps where it converged)."""
    with mp.workdps(dps): a = g(dps)
    while True:
        with mp.workdps(2 * dps): b = g(2 * dps)
        la, lb = (a, b) if isinstance(a, list) else ([a], [b])
        zeros = [u == 0 and v == 0 for u, v in zip(la, lb)]
        ok = all(z or close(u, v) for z, u, v in zip(zeros, la, lb))
        if ok and (not any(zeros) or accept_zero(dps) or 2 * dps >= MAX_DPS):
            return b, dps
        if 2 * dps >= MAX_DPS:
            raise ArithmeticError('no convergence at %d digits: %s vs %s' % (2 * dps, la, lb))
        a, dps = b, 2 * dps

def value(fid, p, x):
    pm = {k: mpf(v) for k, v in p.items()}
    return converge(lambda dps: F[fid](mpf(x), pm))

def derivative(fid, p, x, fx, dps0):
    """mp.diff of F[fid] at x, or None exactly at a kink."""
    nondiff, joins = KINKS.get(fid, lambda p: ([], []))(p)
    if x in nondiff: return None
    pm = {k: mpf(v) for k, v in p.items()}
    others = [abs(x - k) for k in nondiff + joins if k != x]
    scale = min([1.0, abs(x) or 1.0] + others) / max(1.0, abs(x))   # inside the piece, below f's length scale
    span = max(0, mag(x) - mag(scale))     # bits needed to hold x +- h exactly
    addprec = 20 + span // 2
    f = lambda t: F[fid](t, pm)
    def d(dps):
        return mp.diff(f, mpf(x), h=mpf(scale) * mpf(2) ** -(mp.prec + 10), addprec=addprec)
    def zero_ok(dps):
        # a zero difference quotient means |f'| < |f| 2^-(workprec - c) / (2h), c = the digits the value
        # itself needed (cancellation inside f); accept 0 when that bound is far below double range
        if fx == 0: return True
        with mp.workdps(dps): prec = mp.prec
        with mp.workdps(dps0): c = mp.prec
        wp = 2 * (prec + 2 * addprec)
        return mp.mag(fx) - (wp - c) - (int(mp.mag(mpf(scale))) - prec - 9) < -1200
    return converge(d, max(DPS0, dps0), zero_ok)[0]

# ----------------------------------------------------------------------------- rounding to double
def mpf_exact(q):  # a Fraction as an mpf accurate far beyond double-double (for sparsemax)
    with mp.workdps(MAX_DPS): return mpf(q.numerator) / q.denominator

DMAX_EDGE = Fraction(2 ** 1024) - Fraction(2 ** 970)   # halfway between DBL_MAX and 2^1024

def split(v):
    """Exact mpf -> (hi, lo): hi correctly rounded to double, lo = (v - hi) correctly rounded."""
    if v == 0: return 0.0, 0.0
    if isinstance(v, Fraction): v = mpf_exact(v)
    s, man, e, bc = v._mpf_
    if e + bc > 1030: return (-math.inf if s else math.inf), 0.0
    if e + bc < -1080: return (-0.0 if s else 0.0), 0.0
    q = Fraction(-man if s else man) * (Fraction(2) ** e)
    if abs(q) >= DMAX_EDGE: return (-math.inf if s else math.inf), 0.0
    hi = float(q)
    return hi, float(q - Fraction(hi))

def hx(v):
    return 'inf' if v == math.inf else '-inf' if v == -math.inf else float(v).hex()

# ----------------------------------------------------------------------------- points
F32_MAX, F32_TINY = struct.unpack('<f', b'\xff\xff\x7f\x7f')[0], struct.unpack('<f', b'\x01\x00\x00\x00')[0]
TYPES = {'double': (sys.float_info.max, 5e-324, (-320, 308.2)), 'float': (F32_MAX, F32_TINY, (-45.8, 38.5))}

def f32(v):
    return struct.unpack('<f', struct.pack('<f', v))[0] if abs(v) <= F32_MAX else None

def rnd(v, typ): return v if typ == 'double' else f32(v)

def next_after(v, up, typ):
    if typ == 'double': return math.nextafter(v, math.inf if up else -math.inf)
    b = struct.unpack('<i', struct.pack('<f', v))[0]
    if v == 0: b = 1 if up else -2147483647
    else: b += 1 if (v > 0) == up else -1
    return struct.unpack('<f', struct.pack('<i', b))[0]

SPECIALS = [0.0, 0.5, 1, 2, 3, 6, 10, 20, 88.8, 100, 700, 1000, 1e-3, 1e-7]

def class_of(v, typ):  # 0: rounds to 0, 2: overflows, 1: finite nonzero, in type typ
    hi, _ = split(v)
    if typ == 'float' and math.isfinite(hi):
        if abs(hi) <= 2.0 ** -150: return 0
        if abs(hi) >= 2.0 ** 128 * (1 - 2.0 ** -25): return 2
    return 0 if hi == 0 else (2 if math.isinf(hi) else 1)

def tail_points(fid, p, typ):
    """Neighbours of the x where f (outward from 1) starts to round to 0 or to overflow."""
    if fid in ('sinusoid', 'cos', 'sinc'): return []
    pm = {k: mpf(v) for k, v in p.items()}
    xmax = TYPES[typ][0]
    pts = []
    def cls(x):
        with mp.workdps(400): return class_of(F[fid](mpf(x), pm), typ)
    for sgn in (1, -1):
        grid = [2.0 ** (e / 4) for e in range(0, 44)] + [2.0 ** e for e in range(11, 1024, 4)] + [xmax]
        grid = [sgn * g for g in grid if g <= xmax and domain_ok(fid, p, sgn * g)]
        prev, pc, found = None, None, 0
        for x in grid:
            c = cls(x)
            if prev is not None and c != pc and found < 3:
                a, b = prev, x          # bisect over the adjacent representable values
                while True:
                    m = rnd(a / 2 + b / 2, typ)
                    if m in (a, b): break
                    if cls(m) == pc: a = m
                    else: b = m
                pts += [a, b, next_after(a, a < 0, typ), next_after(b, b > 0, typ),
                        rnd(a * (1 - 2 ** -12), typ), rnd(b * (1 + 2 ** -12), typ)]
                found += 1
            prev, pc = x, c
    return pts

# Points a function's own arithmetic makes hard, which the random and tail points can miss.
def soft_exp_pole(a):  # 1/a - a for a < 0, rounded once from 60 digits
    with mp.workdps(60):
        return float(1 / mpf(a) - mpf(a))

EXTRA_POINTS = {
    # softplus with beta < 1 just left of where e^(beta x) turns subnormal while f = e^(beta x)/beta is
    # still normal (beta x between -709 and -715 in double, -88 and -103 in float at beta = 0.001): the
    # exponential's last digits are lost there (781 ulp at beta = 0.001, x = -714650). For smaller beta that region
    # reaches ln(1/beta) further (to beta x = -1398 in double at beta = 1e-300), so it is sampled across.
    'softplus': lambda p: ([-(708.5 + k) / p['beta'] for k in (0.25, 1, 2.5, 4, 5.5, 6.5)]
                           + [-(87.5 + k) / p['beta'] for k in (0.5, 2, 5, 9, 14)]
                           + [-(start - f * math.log(p['beta'])) / p['beta']
                              for start in (708.5, 87.5) for f in (0.1, 0.3, 0.5, 0.7, 0.9, 0.99)
                              if -math.log(p['beta']) > 20]) if p['beta'] < 1 else [],
    # soft-exponential with alpha < 0 approaching its pole x0 = 1/alpha - alpha from the right, where
    # 1 - alpha (x + alpha) falls towards 0 and cancels: f' was 1e15 ulp off at alpha = -0.3, one ulp
    # from x0, whose alpha is not a power of two (alpha = -0.5's pole cancels exactly).
    # Also where -alpha (x + alpha) overflows (f = 71.2 at x = 1e308 and alpha = -10 came out inf), and
    # just right of x = -alpha, where f crosses 0 (alpha = -1e17 gave -inf there).
    'soft-exponential': lambda p: [(1 / p['alpha'] - p['alpha']) * (1 - 10.0 ** -k) for k in range(1, 16)]
                                  + [1e300, 1e305, 1e308, 1.7e308, 3e38, 3.4e38]
                                  + [-p['alpha'] * (1 + 10.0 ** -k) for k in (3, 9, 15)]
                                  # 3 to 3e7 ulp right of the pole: near alpha = -1 the
                                  # distance was 5e6 ulp off there (c = 1 - alpha^2 not renormalised)
                                  # (the pole computed exactly: in double, 1/alpha - alpha is 4e6 ulp off it there)
                                  + [pole + m * math.ulp(pole) for pole in [soft_exp_pole(p['alpha'])]
                                     for m in (3, 30, 300, 3e3, 3e4, 3e5, 3e6, 3e7)]
                                  if p['alpha'] < 0 else [],
}

# Every function, just left of where e^x turns subnormal (x = -708.4 in double, -87.3 in float) while
# a product such as x*e^x is still normal: mish lost e^x's digits there (140 ulp at -713.5).
DEEP_LEFT = {'double': [-708.6, -709.5, -711.0, -713.5, -715.0], 'float': [-87.5, -88.5, -89.75, -91.0]}

def points(fid, p, typ):
    xmax, xmin, (k0, k1) = TYPES[typ]
    r = random.Random('%s %s %s %s' % (SEED, fid, sorted(p.items()), typ))
    pts = [r.uniform(-10, 10) for _ in range(60)] + [r.uniform(-2, 2) for _ in range(40)]
    pts += [r.choice((1, -1)) * r.uniform(1, 10) * 10.0 ** r.uniform(k0, k1) for _ in range(120)]
    pts += [s * v for v in SPECIALS + [xmax, xmin] for s in (1, -1)]
    nondiff, joins = KINKS.get(fid, lambda p: ([], []))(p)
    for k in nondiff + joins + ([1 / p['alpha'] - p['alpha']] if fid == 'soft-exponential' and p['alpha'] < 0 else []):
        kk = rnd(k, typ)
        if kk is None or not math.isfinite(kk):  # beyond the type's range (a pole at -1e300 in float)
            continue
        pts += [kk, next_after(kk, True, typ), next_after(kk, False, typ)]
    pts += tail_points(fid, p, typ)
    pts += EXTRA_POINTS.get(fid, lambda p: [])(p)
    pts += DEEP_LEFT[typ]
    out = []
    for v in pts:
        v = rnd(min(max(v, -xmax), xmax), typ)
        if v is not None and math.isfinite(v) and domain_ok(fid, p, v) and v not in out and not (v == 0 and math.copysign(1, v) < 0):
            out.append(v)
    return sorted(out)

def fmt_params(p, defaults):
    return '-' if p == defaults else ','.join('%s=%r' % kv for kv in p.items())

def job(task):
    fid, p, defaults = task
    lines = []
    for typ in ('double', 'float'):
        for x in points(fid, p, typ):
            fx, dps = value(fid, p, x)
            dx = derivative(fid, p, x, fx, dps)
            fh, fl = split(fx)
            dh, dl = ('-', '-') if dx is None else tuple(map(hx, split(dx)))
            lines.append('\t'.join([fid, fmt_params(p, defaults), typ, hx(x), hx(fh), hx(fl), dh, dl]))
    return fid, p, lines

# ----------------------------------------------------------------------------- rows
def softmax(x): e = [mp.exp(v) for v in x]; s = sum(e); return [v / s for v in e]
def log_softmax(x): s = mp.log(sum(mp.exp(v) for v in x)); return [v - s for v in x]
def glu(x): n = len(x) // 2; return [x[i] * sig(x[n + i]) for i in range(n)]

ROWF = {  # id -> (y(x), analytic vector-Jacobian product dx(x, y, dy))
    'softmax': (softmax, lambda x, y, dy: [yi * (g - sum(a * b for a, b in zip(dy, y))) for yi, g in zip(y, dy)]),
    'softmin': (lambda x: softmax([-v for v in x]),
                lambda x, y, dy: [-yi * (g - sum(a * b for a, b in zip(dy, y))) for yi, g in zip(y, dy)]),
    'log-softmax': (log_softmax, lambda x, y, dy: [g - mp.exp(yi) * sum(dy) for yi, g in zip(y, dy)]),
    'glu': (glu, lambda x, y, dy: [g * sig(b) for g, b in zip(dy, x[len(x) // 2:])] +
            [g * a * sig(b) * (1 - sig(b)) for g, a, b in zip(dy, x, x[len(x) // 2:])]),
}

def sparsemax(x):
    """Exact (rational) sparsemax and its VJP; None when a zero output sits on the support boundary."""
    z = [Fraction(v) for v in x]
    zs, cum, k = sorted(z, reverse=True), Fraction(0), 0
    for i, v in enumerate(zs, 1):
        cum += v
        if 1 + i * v > cum: k, ck = i, cum
    tau = (ck - 1) / k
    if any(v == tau for v in z): return None
    return [max(v - tau, Fraction(0)) for v in z], tau

def row_cases(fid, typ):
    r = random.Random('%s rows %s %s' % (SEED, fid, typ))
    lens = (2, 4, 6, 8, 16, 34) if fid == 'glu' else (1, 2, 3, 4, 7, 8, 16, 33)
    rows = [[r.uniform(-5, 5) for _ in range(n)] for n in lens for _ in range(2)]
    rows += [[], [1000, 0, -1000], [1, 2, 3], [1000, 1001, 1002], [-1000, -1001, -1002], [88.8, 0], [1e30, 0],
             [0, -700] if typ == 'double' else [0, -100], [0, 0], [3, 3, 3, 3], [2, 2, -1, -1],
             [1, 0.5, -1], [0.5, 0.5, 0.5, -3], [1, 1, 0.5, 0.5], [-1e30, 0, 1e30, 5], [1e-300, -1e-300],
             [20, -20, 0.1, 7], [745, -745, 0, 1]]
    out = []
    for row in rows:
        row = [rnd(v, typ) for v in row]
        if fid == 'glu' and len(row) % 2: row = row + [rnd(0.25, typ)]
        if fid == 'sparsemax' and row and sparsemax(row) is None: continue
        out.append((row, [rnd(r.uniform(-1, 1), typ) for _ in range(len(row) // 2 if fid == 'glu' else len(row))]))
    return out

def row_job(task):
    fid, typ = task
    lines = []
    for x, dy in row_cases(fid, typ):
        if not x:
            y = dx = []
        elif fid == 'sparsemax':
            out, tau = sparsemax(x)
            fy = [Fraction(g) for g in dy]
            supp = [i for i, v in enumerate(out) if v > 0]
            mean = sum(fy[i] for i in supp) / len(supp)
            y, dx = out, [fy[i] - mean if i in supp else Fraction(0) for i in range(len(x))]
        else:
            fy, fdx = ROWF[fid]
            def g(dps):
                xm, dm = [mpf(v) for v in x], [mpf(v) for v in dy]
                yv = fy(xm)
                return yv + fdx(xm, yv, dm)
            # start high enough that e^(x_j - max x) terms down to 1e-400 are not lost before they cancel
            both, dps = converge(g, DPS0 + min(int((max(x) - min(x)) / 2.3) + 10, 400))
            n = len(fy([mpf(v) for v in x]))
            y, dx = both[:n], both[n:]
            if fid in ('softmax', 'glu', 'log-softmax', 'softmin'):   # numerical cross-check of the VJP
                with mp.workdps(dps + 20):
                    xm, dm = [mpf(v) for v in x], [mpf(v) for v in dy]
                    for i in range(len(x)):
                        gi = lambda t: sum(a * b for a, b in zip(dm, fy(xm[:i] + [t] + xm[i + 1:])))
                        num = mp.diff(gi, xm[i], h=mpf(2) ** -(mp.prec + 10), addprec=20 + max(0, mag(xm[i])))
                        scale = max(abs(v) for v in dx) + TINY
                        assert abs(num - dx[i]) <= mpf('1e-25') * scale, (fid, x, i, num, dx[i])
        cols = [x, dy] + [list(c) for c in zip(*[split(v) for v in y])] + [list(c) for c in zip(*[split(v) for v in dx])]
        cols = cols[:2] + (cols[2:] if y else [[], [], [], []])
        lines.append('\t'.join([fid, typ] + [','.join(map(hx, c)) or '-' for c in cols]))
    return fid, typ, lines

# ----------------------------------------------------------------------------- main
HEADER = """# Independent high-precision reference for the activation catalog, generated by
#   Scripts/reference/generate-reference   (runs Scripts/reference/generate-reference.py with mpmath 1.3.0; seed %d)
# Plain mathematical definitions in mpmath, converged at p and 2p digits (<= %d) to 1e-40 relative;
# derivatives by mpmath.diff of the same function. hi = exact value rounded to double, lo = (exact - hi)
# rounded to double; the reference is the exact value also on 'float' lines. '-' derivative = kink.
# Exact zeros are written as +0 (the sign of a zero reference carries no meaning).
""" % (SEED, MAX_DPS)

def main():
    t0 = time.time()
    os.makedirs(FIXTURES, exist_ok=True)
    tasks = []
    for fid in F:
        defaults, extras = PARAMS.get(fid, ({}, []))
        tasks += [(fid, defaults, defaults)] + [(fid, dict(defaults, **e), defaults) for e in extras]
    tasks.sort(key=lambda t: t[0] in ('gelu', 'mish', 'log-sigmoid', 'softplus', 'tanh-shrink'), reverse=True)
    rtasks = [(f, t) for f in ('softmax', 'softmin', 'log-softmax', 'sparsemax', 'glu') for t in ('double', 'float')]
    with Pool(os.cpu_count()) as pool:
        rres = pool.map_async(row_job, rtasks)
        res = {(fid, tuple(sorted(p.items()))): lines for fid, p, lines in pool.imap_unordered(job, tasks)}
        rres = rres.get()
    summary, values = [], []
    for fid, p, defaults in sorted(tasks, key=lambda t: list(F).index(t[0])):
        lines = res[(fid, tuple(sorted(p.items())))]
        values += lines
        n = {t: sum(1 for l in lines if l.split('\t')[2] == t) for t in TYPES}
        summary.append('%-18s %-40s double %4d  float %4d' % (fid, fmt_params(p, defaults), n['double'], n['float']))
    with open(os.path.join(FIXTURES, 'reference-values.tsv'), 'w') as fh:
        fh.write(HEADER + '# id\tparams\ttype\tx\tf_hi\tf_lo\td_hi\td_lo\n' + '\n'.join(values) + '\n')
    rows = [l for _, _, lines in rres for l in lines]
    with open(os.path.join(FIXTURES, 'reference-rows.tsv'), 'w') as fh:
        fh.write(HEADER + '# id\ttype\tx_list\tdy_list\ty_hi_list\ty_lo_list\tdx_hi_list\tdx_lo_list\n' + '\n'.join(rows) + '\n')
    print('\n'.join(summary))
    for fid, typ, lines in rres: print('%-18s rows %-6s %3d' % (fid, typ, len(lines)))
    print('values: %d lines, rows: %d lines, %.1f s' % (len(values), len(rows), time.time() - t0))
    spot_checks()

def ref(fid, x, **p):
    d = dict(PARAMS.get(fid, ({}, []))[0], **p)
    return float(value(fid, d, x)[0])

def spot_checks():
    def near(a, b):  # b is given to the digits written: |a - b| <= half a unit of its last digit
        m, e = b.lower().split('e') if 'e' in b.lower() else (b, '0')
        unit = 10.0 ** (int(e) - len(m.split('.')[1]) if '.' in m else int(e))
        assert abs(a - float(b)) <= unit / 2, (a, b)
    assert ref('sigmoid', -100.0) == 3.720075976020836e-44
    near(ref('gelu', -10.0), '-7.62e-23')
    # e^(-1e-7) - 1 = -9.99999950000001667e-8 (the '-9.99999995e-8' has one 9 too many)
    near(ref('elu', -1e-7), '-9.99999950000001667e-8')
    near(ref('tanh-shrink', 1e-3), '3.3333e-10')
    near(ref('log-cosh', 1000.0), '999.30685281944')
    assert ref('softplus', 1000.0) == 1000.0 and ref('log-sigmoid', -1000.0) == -1000.0
    near(ref('gelu', -3.0), '-0.00404969409')
    near(ref('silu', -3.0), '-0.142277620')
    near(ref('mish', 3.0), '2.98653500')
    near(ref('selu', 3.0), '3.15210296')
    y, _ = sparsemax([1.0, 0.5, -1.0]); assert y == [Fraction(3, 4), Fraction(1, 4), 0]
    print('spot checks passed')

if __name__ == '__main__':
    main()
