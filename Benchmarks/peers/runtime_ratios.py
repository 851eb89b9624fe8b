#!/usr/bin/env python3
"""Pairs each round's Erlang figures (pbench.erl) with the Warden RuntimeBenchmarks medians of
the round after it and prints the ratio Warden / Erlang per benchmark and round, then the
median ratio. Usage: runtime_ratios.py WORKDIR ROUNDS (files erlang-N.txt, warden-N.txt).

Erlang prints one figure per benchmark (the best of three runs of 100,000 to 1,000,000
iterations for most, one run for the idle spawn and the ring); Warden's figure is the median
(p50) of package-benchmark's samples of 1,000 iterations (one sample for the idle spawn)."""
import re, statistics, sys

# (figure, Erlang line prefix, Erlang unit, Warden benchmark name prefix, Warden metric rows in
# order of preference). Times are compared in ns, memory in bytes per process.
PAIRS = [
    ("spawn+exit", "spawn+exit", "us", "Runtime spawn+exit", ["Time (wall clock)"]),
    ("spawn idle, time", "spawn idle", "us", "Runtime spawn and keep 100k", ["ns per process"]),
    ("spawn idle, memory", "spawn idle", "bytes", "Runtime spawn and keep 100k", ["RSS bytes per process"]),
    ("ping-pong", "ping-pong", "us", "Runtime ping-pong", ["Time (wall clock)"]),
    ("ring of 1,000, per hop", "ring 1000", "us", "Runtime ring", ["ns per hop"]),
    ("spawn_link+EXIT", "spawn_link+EXIT", "us", "Runtime spawn_linked", ["Time (wall clock)"]),
    ("spawn_monitor+DOWN", "spawn_monitor+DOWN", "us", "Runtime spawn_monitored", ["Time (wall clock)"]),
    ("register+lookup+unregister", "register+whereis+unregister", "us", "Runtime register", ["Time (wall clock)"]),
]

SCALE = {"ns": 1.0, "us": 1e3, "μs": 1e3, "ms": 1e6, "s": 1e9}


def erlang(path):
    """Erlang's figures by (line prefix, unit): microseconds as ns, bytes as bytes."""
    figures = {}
    for line in open(path):
        for _, prefix, unit, _, _ in PAIRS:
            if not line.startswith(prefix):
                continue
            if unit == "us":
                m = re.search(r":\s*([0-9.]+) us", line)
                if m:
                    figures[(prefix, unit)] = float(m.group(1)) * 1e3
            else:
                m = re.search(r"([0-9.]+) bytes", line)
                if m:
                    figures[(prefix, unit)] = float(m.group(1))
    return figures


def warden(path):
    """p50 of every metric row of package-benchmark's markdown output, by (benchmark, metric).
    Time rows are converted to ns using the unit in the row's name."""
    figures, current = {}, None
    for line in open(path):
        header = re.match(r"^#+\s*(Runtime .+?)\s*$", line)
        if header:
            current = header.group(1)
            continue
        if not (current and line.startswith("|")):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        # | Metric | p0 | p25 | p50 | p75 | p90 | p99 | p100 | Samples |
        if len(cells) < 4:
            continue
        metric = re.sub(r"\s*\*$", "", cells[0])
        unit = re.search(r"\((ns|us|μs|ms|s)\)", metric)
        try:
            value = float(cells[3].replace(",", ""))
        except ValueError:
            continue
        if unit:
            value *= SCALE[unit.group(1)]
            metric = metric[: unit.start()].strip()
        figures[(current, metric)] = value
    return figures


def pick(figures, prefix, metrics):
    """The first preferred metric of the benchmark whose name starts with `prefix`."""
    for metric in metrics:
        for (name, row), value in figures.items():
            if name.startswith(prefix) and row == metric:
                return value
    return None


def main():
    work, rounds = sys.argv[1], int(sys.argv[2])
    ratios = {}
    print("\nfigure                          round     Erlang     Warden   Warden/Erlang")
    for r in range(1, rounds + 1):
        e, w = erlang(f"{work}/erlang-{r}.txt"), warden(f"{work}/warden-{r}.txt")
        for figure, prefix, unit, name, metrics in PAIRS:
            theirs, ours = e.get((prefix, unit)), pick(w, name, metrics)
            if theirs is None or ours is None or theirs <= 0:
                print(f"{figure:30s} {r:5d}   missing from this round's output")
                continue
            ratio = ours / theirs
            ratios.setdefault(figure, []).append(ratio)
            suffix = "B" if unit == "bytes" else "ns"
            print(f"{figure:30s} {r:5d} {theirs:8.0f} {suffix:2s} {ours:7.0f} {suffix:2s} {ratio:8.2f}x")
    print("\nmedian ratio per figure (Warden / Erlang, same run):")
    for figure, values in ratios.items():
        spread = f"[{min(values):.2f} .. {max(values):.2f}]"
        print(f"  {figure:30s} {statistics.median(values):6.2f}x {spread} over {len(values)} rounds")


if __name__ == "__main__":
    main()
