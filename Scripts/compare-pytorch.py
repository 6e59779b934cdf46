"""Ours (`activations bench --json`) vs PyTorch, float32, one thread, alternating per row in one run.

Forward: y = f(x). Backward: dx = dy·f′(x) through PyTorch's own backward kernels (aten.*_backward,
given what autograd would have saved); where PyTorch has no such function, the closest composition of
torch ops, marked (c), whose backward runs through autograd (forward included). Inputs: uniform
[-5, 5], as in `activations bench`. Medians of `--samples` samples of about 10 ms each; each side
reports the best of `--rounds` such medians, taken alternately (ours first or theirs first by turns).
"""
import argparse, json, statistics, subprocess, time
import numpy as np
import torch
import torch.nn.functional as F

A = torch.ops.aten
SQRT = 1.0 / (2.0 ** 0.5)

def fwd_bwd(f, b):
    return f, b

# id: (forward(x), backward(x, dy, y) or None for autograd, composed?)
FUNCTIONS = {
    "relu": (F.relu, lambda x, g, y: A.threshold_backward(g, y, 0), False),
    "relu6": (F.relu6, lambda x, g, y: A.hardtanh_backward(g, x, 0.0, 6.0), False),
    "leaky-relu": (lambda x: F.leaky_relu(x, 0.01), lambda x, g, y: A.leaky_relu_backward(g, x, 0.01, False), False),
    "elu": (F.elu, lambda x, g, y: A.elu_backward(g, 1.0, 1.0, 1.0, False, x), False),
    "celu": (F.celu, lambda x, g, y: A.elu_backward(g, 1.0, 1.0, 1.0, False, x), False),
    "selu": (F.selu, lambda x, g, y: A.elu_backward(g, 1.6732632423543772, 1.0507009873554805, 1.0, False, x), False),
    "gelu": (F.gelu, lambda x, g, y: A.gelu_backward(g, x), False),
    "gelu-tanh": (lambda x: F.gelu(x, approximate="tanh"), lambda x, g, y: A.gelu_backward(g, x, approximate="tanh"), False),
    "silu": (F.silu, lambda x, g, y: A.silu_backward(g, x), False),
    "mish": (F.mish, lambda x, g, y: A.mish_backward(g, x), False),
    "hard-swish": (F.hardswish, lambda x, g, y: A.hardswish_backward(g, x), False),
    "softplus": (F.softplus, lambda x, g, y: A.softplus_backward(g, x, 1.0, 20.0), False),
    "sigmoid": (torch.sigmoid, lambda x, g, y: A.sigmoid_backward(g, y), False),
    "log-sigmoid": (F.logsigmoid, None, False),
    "hard-sigmoid": (F.hardsigmoid, lambda x, g, y: A.hardsigmoid_backward(g, x), False),
    "tanh": (torch.tanh, lambda x, g, y: A.tanh_backward(g, y), False),
    "hard-tanh": (F.hardtanh, lambda x, g, y: A.hardtanh_backward(g, x, -1.0, 1.0), False),
    "softsign": (F.softsign, None, False),
    "tanh-shrink": (F.tanhshrink, None, False),
    "soft-shrink": (F.softshrink, lambda x, g, y: A.softshrink_backward(g, x, 0.5), False),
    "hard-shrink": (F.hardshrink, lambda x, g, y: A.hardshrink_backward(g, x, 0.5), False),
    "threshold": (lambda x: F.threshold(x, 0.0, 0.0), lambda x, g, y: A.threshold_backward(g, x, 0.0), False),
    "prelu": (lambda x: F.prelu(x, torch.tensor([0.25])), None, False),
    "quick-gelu": (lambda x: x * torch.sigmoid(1.702 * x), None, True),
    "squared-relu": (lambda x: torch.square(F.relu(x)), None, True),
    "exponential": (torch.exp, None, True),
    "arctan": (torch.atan, None, True),
    "arsinh": (torch.asinh, None, True),
    "sinusoid": (torch.sin, None, True),
    "cos": (torch.cos, None, True),
    "gaussian": (lambda x: torch.exp(-x * x), None, True),
    "lisht": (lambda x: x * torch.tanh(x), None, True),
    "symmetric-sigmoid": (lambda x: torch.tanh(0.5 * x), None, True),
    "absolute": (torch.abs, None, True),
}
ROWS = {"softmax": lambda x: F.softmax(x, -1), "log-softmax": lambda x: F.log_softmax(x, -1),
        "softmin": lambda x: F.softmin(x, -1)}

# The clock both sides read: the wall clock, or with --cpu-time the thread's CPU time (torch runs on
# this one thread, and `activations bench --cpu-time` reads CLOCK_THREAD_CPUTIME_ID).
CLOCK = time.perf_counter

def median_seconds(call, samples, sample_seconds=0.01):
    call()
    calls = 1
    while True:
        t = CLOCK(); [call() for _ in range(calls)]
        if CLOCK() - t >= sample_seconds or calls > 1 << 20: break
        calls *= 2
    times = []
    for _ in range(samples):
        t = CLOCK(); [call() for _ in range(calls)]
        times.append((CLOCK() - t) / calls)
    return statistics.median(times)

def torch_rate(fid, n, direction, samples):
    x = torch.rand(n) * 10 - 5
    dy = torch.rand(n) * 10 - 5
    if fid in ROWS:
        # whole rows of 1000, counted as n elements as `activations bench` counts them
        m = n // 1000 * 1000
        f = ROWS[fid]; x2 = x[:m].view(-1, 1000); g2 = dy[:m].view(-1, 1000)
        if direction == "forward":
            out = torch.empty_like(x2)
            return n / median_seconds(lambda: torch.softmax(x2, -1, out=out) if fid == "softmax" else f(x2), samples)
        y = f(x2)
        back = (lambda: A._softmax_backward_data(g2, y, -1, torch.float32)) if fid == "softmax" else \
               (lambda: A._log_softmax_backward_data(g2, y, -1, torch.float32)) if fid == "log-softmax" else None
        if back is None:
            xr = x2.clone().requires_grad_(True)
            back = lambda: torch.autograd.grad(f(xr), xr, g2)
        return n / median_seconds(back, samples)
    f, b, _ = FUNCTIONS[fid]
    if direction == "forward":
        return n / median_seconds(lambda: f(x), samples)
    if b is not None:
        y = f(x)
        return n / median_seconds(lambda: b(x, dy, y), samples)
    xr = x.clone().requires_grad_(True)
    return n / median_seconds(lambda: torch.autograd.grad(f(xr), xr, dy), samples)

def ours_rate(binary, fid, n, direction, samples):
    args = [binary, "bench", fid, "--n", str(n), "--json", "--samples", str(samples)]
    if CLOCK is time.thread_time: args.append("--cpu-time")
    if direction == "backward": args.append("--backward")
    for line in subprocess.run(args, check=True, capture_output=True, text=True).stdout.splitlines():
        row = json.loads(line)
        if row["direction"] == direction: return row["gelem_per_s"] * 1e9

def memcpy_gbps(n, samples):
    src = np.random.rand(n).astype(np.float32); dst = np.empty_like(src)
    return 2 * 4 * n / median_seconds(lambda: np.copyto(dst, src), samples) / 1e9

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--activations", required=True)
    p.add_argument("--sizes", default="4096,65536,1048576")
    p.add_argument("--functions", default=",".join(list(FUNCTIONS) + list(ROWS)))
    p.add_argument("--samples", type=int, default=7)
    # On a shared machine another process can take the core for part of a measurement; the best of a
    # few alternating rounds (each a median of --samples) is what each side can do, measured fairly.
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--cpu-time", action="store_true",
                   help="time both sides with the thread's CPU time (steadier on a shared machine)")
    a = p.parse_args()
    global CLOCK
    if a.cpu_time: CLOCK = time.thread_time
    torch.set_num_threads(1)
    sizes = [int(s) for s in a.sizes.split(",")]
    memcpy = {n: max(memcpy_gbps(n, a.samples) for _ in range(a.rounds)) for n in sizes if n >= 1 << 20}
    print(f"torch {torch.__version__}, 1 thread, float32; Gelem/s (best of {a.rounds} alternating rounds, "
          f"each the median of {a.samples}, {'thread CPU time' if a.cpu_time else 'wall clock'}); "
          f"ratio = ours/PyTorch")
    print(f"| function | n | direction | ours | PyTorch | ratio | ours GB/s | memcpy GB/s |")
    print("|---|---|---|---|---|---|---|---|")
    ratios = {}
    for i, fid in enumerate(a.functions.split(",")):
        composed = fid in FUNCTIONS and FUNCTIONS[fid][2]
        for n in sizes:
            for direction in ("forward", "backward"):
                pair = [lambda: ours_rate(a.activations, fid, n, direction, a.samples),
                        lambda: torch_rate(fid, n, direction, a.samples)]
                ours = theirs = 0.0
                for r in range(a.rounds):
                    if (i + n + r) % 2: o, t = pair[0](), pair[1]()
                    else: t = pair[1](); o = pair[0]()
                    ours, theirs = max(ours, o), max(theirs, t)
                ratio = ours / theirs
                if not composed: ratios.setdefault((n, direction), []).append(ratio)
                bytes_per = 8 if direction == "forward" else 12
                gbps = f"{ours * bytes_per / 1e9:.1f}" if n in memcpy else ""
                mc = f"{memcpy[n]:.1f}" if n in memcpy else ""
                name = fid + (" (c)" if composed else "")
                print(f"| {name} | {n} | {direction} | {ours / 1e9:.3f} | {theirs / 1e9:.3f} | {ratio:.2f} | {gbps} | {mc} |", flush=True)
    print()
    for (n, d), rs in sorted(ratios.items()):
        gm = float(np.exp(np.mean(np.log(rs))))
        print(f"geometric mean of ours/PyTorch, {d}, n={n} (PyTorch's own functions): {gm:.2f}; min {min(rs):.2f}")

if __name__ == "__main__":
    main()
