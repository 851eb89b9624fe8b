#!/usr/bin/env python3
"""Pairs each round's Erlang figures (pbench.erl) with the Warden RuntimeBenchmarks medians of
the round after it and prints the ratio Warden / Erlang per benchmark and round, then the
median ratio. Usage: runtime_ratios.py WORKDIR ROUNDS (files erlang-N.txt, warden-N.txt)."""
import re, statistics, sys

work, rounds = sys.argv[1], int(sys.argv[2])

# Erlang line prefix -> Warden benchmark name prefix (RuntimeBenchmarks).
PAIRS = [
    ("spawn+exit", "Runtime spawn+exit"),
    ("spawn idle", "Runtime spawn idle"),
    ("ping-pong", "Runtime ping-pong"),
    ("ring 1000", "Runtime ring"),
    ("spawn_link+EXIT", "Runtime spawn_linked"),
    ("spawn_monitor+DOWN", "Runtime spawn_monitored"),
    ("register/whereis/unregister", "Runtime register"),
]


def erlang(path):
    figures = {}
    for line in open(path):
        for key, _ in PAIRS:
            if line.startswith(key):
                m = re.search(r":\s*([0-9.]+) us", line)
                if m:
                    figures[key] = float(m.group(1)) * 1000.0  # ns
    return figures


def to_ns(value, unit):
    scale = {"ns": 1.0, "us": 1e3, "μs": 1e3, "ms": 1e6, "s": 1e9}
    return float(value) * scale.get(unit, 1.0)


def warden(path):
    """Medians (p50) of the wall clock rows of package-benchmark's markdown output, in ns."""
    figures, current, unit = {}, None, "ns"
    for line in open(path):
        header = re.match(r"^#+\s*(.+?)\s*$", line) or re.match(r"^(Runtime .+?)\s*$", line)
        if header and header.group(1).startswith("Runtime"):
            current = header.group(1)
            continue
        if current and line.startswith("|") and "Time (wall clock)" in line:
            m = re.search(r"\((ns|us|μs|ms|s)\)", line)
            unit = m.group(1) if m else "ns"
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            # | Metric | p0 | p25 | p50 | p75 | p90 | p99 | p100 | Samples |
            try:
                figures[current] = to_ns(cells[3].replace(",", ""), unit)
            except (IndexError, ValueError):
                pass
    return figures


ratios = {}
print("\nbenchmark                      round  Erlang ns   Warden ns   Warden/Erlang")
for r in range(1, rounds + 1):
    e, w = erlang(f"{work}/erlang-{r}.txt"), warden(f"{work}/warden-{r}.txt")
    for key, prefix in PAIRS:
        names = [n for n in w if n.startswith(prefix)]
        if key not in e or not names:
            continue
        ratio = w[names[0]] / e[key] if e[key] > 0 else float("nan")
        ratios.setdefault(key, []).append(ratio)
        print(f"{key:30s} {r:5d}  {e[key]:9.0f}   {w[names[0]]:9.0f}   {ratio:6.2f}x")
print("\nmedian ratio per benchmark (Warden / Erlang, same run):")
for key, values in ratios.items():
    print(f"  {key:30s} {statistics.median(values):6.2f}x over {len(values)} rounds")
