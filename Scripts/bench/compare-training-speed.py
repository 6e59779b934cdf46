"""PyTorch (and numpy for the matrix product) beside `activations bench --training`, alternating rounds."""
import json
import statistics
import subprocess
import sys
import time

import numpy
import torch

torch.set_num_threads(1)


def median_time(fn, repeats):
    fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def playground_epoch():
    """2-8-8-1 tanh, tanh output with ½ squared error, SGD 0.03, batch 10, 500 points."""
    g = torch.Generator().manual_seed(1)
    x, y = torch.rand(500, 2, generator=g) * 10 - 5, torch.sign(torch.rand(500, 1, generator=g) - 0.5)
    model = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.Tanh(), torch.nn.Linear(8, 8), torch.nn.Tanh(),
                                torch.nn.Linear(8, 1), torch.nn.Tanh())
    optimizer = torch.optim.SGD(model.parameters(), lr=0.03)

    def epoch():
        for start in range(0, 500, 10):
            loss = 0.5 * ((model(x[start:start + 10]) - y[start:start + 10]) ** 2).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        with torch.no_grad():  # the epoch's loss over the set, as ours reports it
            (0.5 * ((model(x) - y) ** 2).mean()).item()
    return median_time(epoch, 21)


def mnist_step():
    """784-256-128-10 ReLU, softmax cross-entropy, Adam, batch 128, one step."""
    g = torch.Generator().manual_seed(7)
    x, labels = torch.rand(128, 784, generator=g), torch.arange(128) % 10
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128), torch.nn.ReLU(),
                                torch.nn.Linear(128, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

    def step():
        loss = torch.nn.functional.cross_entropy(model(x), labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return median_time(step, 21)


def gemm():
    a, b = torch.rand(128, 784), torch.rand(784, 256)
    an, bn = a.numpy(), b.numpy()
    flops = 2 * 128 * 784 * 256
    return flops / median_time(lambda: torch.mm(a, b), 51) / 1e9, flops / median_time(lambda: an @ bn, 51) / 1e9


def ours(binary):
    out = subprocess.run([binary, "bench", "--training", "--json"], check=True, capture_output=True, text=True).stdout
    return {r["id"]: r for r in map(json.loads, out.splitlines())}


def main(binary, rounds):
    rows = {"playground-epoch": [], "playground-epoch-metrics": [], "mnist-step": [], "gemm": []}
    for _ in range(rounds):  # alternate, so both sides see the same machine
        mine = ours(binary)
        torch_epoch = playground_epoch()
        rows["playground-epoch"].append((mine["playground-epoch"]["seconds"], torch_epoch))
        rows["playground-epoch-metrics"].append((mine["playground-epoch-metrics"]["seconds"], torch_epoch))
        rows["mnist-step"].append((mine["mnist-step"]["seconds"], mnist_step()))
        torch_gflops, numpy_gflops = gemm()
        rows["gemm"].append((mine["gemm-128x784x256"]["gflops"], torch_gflops, numpy_gflops))
    med = lambda values: statistics.median(values)
    pe = [med([r[i] for r in rows["playground-epoch"]]) for i in range(2)]
    pm = [med([r[i] for r in rows["playground-epoch-metrics"]]) for i in range(2)]
    ms = [med([r[i] for r in rows["mnist-step"]]) for i in range(2)]
    gm = [med([r[i] for r in rows["gemm"]]) for i in range(3)]
    print(f"torch {torch.__version__}, 1 thread, {rounds} alternating rounds, medians")
    print(f"{'benchmark':28} {'ours':>12} {'PyTorch':>12} {'ratio':>8}  target")
    print(f"{'playground epoch (ms)':28} {pe[0]*1e3:12.3f} {pe[1]*1e3:12.3f} {pe[1]/pe[0]:7.1f}x  >= 100x faster")
    print(f"{'  + per-layer metrics (ms)':28} {pm[0]*1e3:12.3f} {pe[1]*1e3:12.3f} {pe[1]/pm[0]:7.1f}x  (ours only: a full-batch backward pass)")
    print(f"{'mnist step (ms)':28} {ms[0]*1e3:12.3f} {ms[1]*1e3:12.3f} {ms[1]/ms[0]:7.2f}x  >= 1x (not slower)")
    print(f"{'gemm 128x784x256 (GFLOP/s)':28} {gm[0]:12.1f} {gm[1]:12.1f} {gm[0]/gm[1]:7.2f}x  >= 80 GFLOP/s (numpy {gm[2]:.1f})")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
