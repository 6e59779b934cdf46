#!/usr/bin/env python3
"""Two builds of `activations` print the same values for every elementwise function.

Usage: python3 Scripts/check/compare-values.py A B [SEED]
A and B are `activations` binaries (say, a release build for this CPU and the baseline debug build, or the
builds before and after a kernel change). Each function's f and f′, in Float and Double, is evaluated in one
batch (the SIMD body and the scalar tail) over the same inputs: NaN of both signs, ±∞, ±0, subnormals, the
largest finite numbers, points beside 0, ±0.5, ±1, ±3 and ±6 (kinks of several functions), and 3000 random
numbers of every scale (SEED, default 1); Float gets only those it can read (no magnitude beyond its range),
and a build that refuses an input stops the check. Prints each function whose output differs, with its
first differing inputs, and a summary line; exits 1 if anything differs.
"""
import json, os, random, subprocess, sys

if len(sys.argv) not in (3, 4) or (len(sys.argv) == 4 and not sys.argv[3].isdigit()):
    sys.exit(__doc__)
a, b = sys.argv[1], sys.argv[2]
for path in (a, b):
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        sys.exit(f"compare-values: {path} is not an executable activations binary")
rnd = random.Random(int(sys.argv[3]) if len(sys.argv) == 4 else 1)
listing = subprocess.run([a, "list", "--json"], capture_output=True, text=True)
try:
    catalog = json.loads(listing.stdout)
    ids = [entry["id"] for entry in catalog if entry["kind"] == "elementwise"]
except (ValueError, TypeError, KeyError):
    sys.exit(f"compare-values: `{a} list --json` did not print the catalog (exit {listing.returncode}); "
             "is it an activations binary?")

xs = ["nan", "-nan", "inf", "-inf", "0", "-0", "1e-45", "-1e-45", "5e-324", "1e-310",
      "3.4028235e38", "-3.4028235e38", "1e308", "-1e308"]
for k in [-6, -3, -1, -0.5, 0, 0.5, 1, 3, 6]:
    for d in [0, 1e-7, -1e-7, 1e-16, -1e-16]:
        xs.append(repr(k + d))
for _ in range(3000):
    if rnd.random() < 0.5:
        xs.append(repr(rnd.choice([-1, 1]) * 10 ** rnd.uniform(-12, 12)))
    else:
        xs.append(repr(rnd.uniform(-100, 100)))

def fits_float(x):
    """Whether `eval --type float` takes x: everything but finite numbers that round to ±∞ in Float (it refuses
    those, and two builds printing the same error would compare nothing). Tiny ones round to subnormals or 0."""
    v = float(x)
    return not (abs(v) >= 3.4028235677973366e38 and abs(v) != float("inf"))

# Float's own edges: least subnormal, a subnormal, least normal and largest finite, both signs.
float_edges = ["1.4e-45", "-1.4e-45", "1e-40", "-1e-40", "1.1754944e-38", "-1.1754944e-38",
               "3.4028235e38", "-3.4028235e38"]
inputs = {"double": xs, "float": [x for x in xs if fits_float(x)] + float_edges}

differ = 0
for fid in ids:
    for number_type in ["float", "double"]:
        for derivative in [[], ["--derivative"]]:
            args = ["eval", fid, "--type", number_type, *derivative]
            text = " ".join(inputs[number_type])
            ra = subprocess.run([a, *args], input=text, capture_output=True, text=True)
            rb = subprocess.run([b, *args], input=text, capture_output=True, text=True)
            for path, run in ((a, ra), (b, rb)):
                # A refused input prints an error and no values: comparing two such runs would prove nothing.
                if run.returncode != 0 or len(run.stdout.split()) != len(inputs[number_type]):
                    sys.exit(f"compare-values: `{path} {' '.join(args)}` printed {len(run.stdout.split())} values for "
                             f"{len(inputs[number_type])} inputs (exit {run.returncode}): {run.stderr.strip()[:200]}")
            if ra.stdout != rb.stdout:
                differ += 1
                pairs = [(x, p, q) for x, p, q in zip(inputs[number_type], ra.stdout.split(), rb.stdout.split())
                         if p != q]
                print(f"{fid} {number_type}{' f′' if derivative else ''}: {len(pairs)} values differ, "
                      f"first (x, A, B): {pairs[:3]}")
counts = f"{len(inputs['float'])} Float and {len(inputs['double'])} Double inputs"
print(f"{len(ids)} functions × Float/Double × f/f′, {counts}: {differ} of {len(ids) * 4} differ")
sys.exit(1 if differ else 0)
