"""The kernels as a dependency (a client built with no flags) against the root's native build.

Usage: python3 Scripts/bench/dependency-speed.py CLIENT ACTIVATIONS FUNCTION...  (run by
`Scripts/check/check-as-dependency speed`). Both print JSON lines of Gelem/s (Float, 64K elements, thread
CPU time, median of 7 samples); three rounds alternate which side runs first, and the table shows
the medians of the rounds.
"""
import json, statistics, subprocess, sys

def rates(args):
    """{(id, direction): Gelem/s}, leaving out the y-based elementwise backward rows."""
    out = {}
    for line in subprocess.run(args, check=True, capture_output=True, text=True).stdout.splitlines():
        row = json.loads(line)
        if row.get("direction") != "backward" and row.get("direction") != "forward": continue
        if row.get("reads") == "output" and row["id"] not in ("softmax", "log-softmax", "softmin"): continue
        out[(row["id"], row["direction"])] = row["gelem_per_s"]
    return out

def main():
    client, activations, functions = sys.argv[1], sys.argv[2], sys.argv[3:]
    dependency = [client, *functions]
    root = [activations, "bench", *functions, "--n", "65536", "--json", "--samples", "7", "--backward", "--cpu-time"]
    rounds = []
    for r in range(3):
        if r % 2 == 0: d = rates(dependency); n = rates(root)
        else: n = rates(root); d = rates(dependency)
        rounds.append((d, n))
    print("Float, 64K elements, Gelem/s (thread CPU time, median of 3 alternating rounds)")
    print("| function | direction | root, native | dependency, no flags | dependency/root |")
    print("|---|---|---|---|---|")
    ratios = []
    for key in rounds[0][0]:
        if key not in rounds[0][1]: continue
        dep = statistics.median(d[key] for d, _ in rounds)
        nat = statistics.median(n[key] for _, n in rounds)
        ratios.append(dep / nat)
        print(f"| {key[0]} | {key[1]} | {nat:.3f} | {dep:.3f} | {dep / nat:.2f} |", flush=True)
    print(f"geometric mean of dependency/root {statistics.geometric_mean(ratios):.2f} over {len(ratios)} rows; "
          f"min {min(ratios):.2f}, max {max(ratios):.2f}")

if __name__ == "__main__":
    main()
