#!/usr/bin/env python3
"""Speed.md's table from the output of `Scripts/bench/compare-pytorch` (single-thread mode).

Usage: Scripts/bench/compare-pytorch --sizes 65536,1048576 > run.txt
       python3 Scripts/bench/speed-table.py run.txt          # prints the table and its summary
One line per function and direction: ours and PyTorch in Gelem/s, the ratio and the verdict at each size.
PyTorch's `out=` call is the reference; where aten has none the allocating call is, marked "(alloc)".
Rows of functions PyTorch lacks as one call (the compare script marks them "(c)": composed from several
calls) are listed apart and count in no mean.
"""
import math
import sys
from collections import OrderedDict


def parse(path):
    """{(function, direction): {n: row}} in the run's order, each row a dict of the columns."""
    rows = OrderedDict()
    with open(path, encoding="utf-8", errors="replace") as f:
        header = None
        for line in f:
            if not line.startswith("| "):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if cells[0] == "function":
                header = cells
                continue
            if header is None or len(cells) != len(header):
                continue
            row = dict(zip(header, cells))
            if not row["n"].isdigit():
                continue
            rows.setdefault((row["function"], row["direction"]), {})[int(row["n"])] = row
    return rows


def reference(row):
    """(PyTorch Gelem/s, ratio, marker): the out= call, else the allocating one."""
    if row["PyTorch out="] != "—":
        return row["PyTorch out="], row["ratio out="], ""
    return row["PyTorch alloc"], row["ratio alloc"], " (alloc)" if row["ratio alloc"] != "—" else ""


def table(rows, sizes):
    head = "| function | direction |" + "".join(
        f" ours {label(n)} | PyTorch {label(n)} | ratio {label(n)} | target {label(n)} |" for n in sizes)
    lines = [head, "|---|---|" + "---|---|---|---|" * len(sizes)]
    for (function, direction), by_n in rows.items():
        cells = []
        for n in sizes:
            row = by_n.get(n)
            if row is None:
                cells.append(" — | — | — | — |")
                continue
            torch, ratio, marker = reference(row)
            cells.append(f" {row['ours']} | {torch} | {ratio}{marker} | {row['target']} |")
        lines.append(f"| {function} | {direction} |" + "".join(cells))
    return lines


def label(n):
    return f"{n // 1048576}M" if n % 1048576 == 0 else f"{n // 1024}K"


def summary(rows, sizes):
    lines = []
    for n in sizes:
        ratios, misses = [], []
        for (function, direction), by_n in rows.items():
            row = by_n.get(n)
            if row is None or function.endswith("(c)"):
                continue
            _, ratio, _ = reference(row)
            if ratio == "—":
                continue
            ratios.append(float(ratio))
            if row["target"] == "miss":
                misses.append(f"{function} {direction} {float(ratio):.2f}")
        if not ratios:
            lines.append(f"- {label(n)}: no row with a PyTorch ratio.")
            continue
        mean = math.exp(sum(map(math.log, ratios)) / len(ratios))
        lines.append(f"- {label(n)}: geometric mean {mean:.2f} over {len(ratios)} rows; "
                     f"{len(misses)} miss: {', '.join(misses) or 'none'}.")
    return lines


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: speed-table.py OUTPUT-OF-compare-pytorch")
    rows = parse(sys.argv[1])
    if not rows:
        sys.exit(f"{sys.argv[1]}: no table of compare-pytorch's single-thread mode found")
    sizes = sorted({n for by_n in rows.values() for n in by_n})
    print("\n".join(table(rows, sizes)))
    print()
    print("\n".join(summary(rows, sizes)))


if __name__ == "__main__":
    main()
