"""Two builds of `activations` against each other, kernel by kernel: before and after a change.

Usage: python3 Scripts/bench/compare-builds.py BEFORE AFTER [--functions relu,relu6] [--sizes 65536,1048576]
                                                [--rounds 3] [--samples 7] [--type float]
BEFORE and AFTER are `activations` binaries (copy the release build aside before changing a kernel).
Both run `activations bench --json --backward --cpu-time` (Float unless --type double, one thread, thread CPU time, so
time slices lost to other programs drop out), alternating which runs first in each round; the table
shows each side's median over the rounds and after/before. Treat a ratio within ±5% of 1 as no change
on a shared machine.
"""
import argparse, json, os, statistics, subprocess

def rates(binary, functions, n, samples, kind):
    """{(id, direction): Gelem/s} from one run (direction "backward(y)" for the y-based elementwise rows)."""
    args = [binary, "bench", *functions, "--n", str(n), "--json", "--samples", str(samples), "--backward",
            "--cpu-time", "--type", kind]
    out = {}
    for line in subprocess.run(args, check=True, capture_output=True, text=True).stdout.splitlines():
        row = json.loads(line)
        rows = row["id"] in ("softmax", "log-softmax", "softmin")
        suffix = "(y)" if row.get("reads") == "output" and not rows else ""
        out[(row["id"], row["direction"] + suffix)] = row["gelem_per_s"]
    return out

def main():
    p = argparse.ArgumentParser()
    p.add_argument("before")
    p.add_argument("after")
    p.add_argument("--functions", default="relu,relu6")
    p.add_argument("--sizes", default="65536")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--samples", type=int, default=7)
    p.add_argument("--type", choices=["float", "double"], default="float")
    a = p.parse_args()
    for path in (a.before, a.after):
        if not os.access(path, os.X_OK): p.error(f"{path} is not an executable activations binary")
    if a.rounds < 1 or a.samples < 1: p.error("--rounds and --samples must be at least 1")
    functions = a.functions.split(",")
    print(f"{a.type}; load average before: {open('/proc/loadavg').read().split()[:3]}")
    print("| function | n | direction | before | after | after/before |")
    print("|---|---|---|---|---|---|")
    for n in [int(s) for s in a.sizes.split(",")]:
        rounds = []
        for r in range(a.rounds):
            if r % 2 == 0: b = rates(a.before, functions, n, a.samples, a.type); t = rates(a.after, functions, n, a.samples, a.type)
            else: t = rates(a.after, functions, n, a.samples, a.type); b = rates(a.before, functions, n, a.samples, a.type)
            rounds.append((b, t))
        for key in rounds[0][0]:
            if key not in rounds[0][1]: continue
            before = statistics.median(b[key] for b, _ in rounds)
            after = statistics.median(t[key] for _, t in rounds)
            print(f"| {key[0]} | {n} | {key[1]} | {before:.3f} | {after:.3f} | {after / before:.2f} |", flush=True)
    print(f"load average after: {open('/proc/loadavg').read().split()[:3]}")

if __name__ == "__main__":
    main()
