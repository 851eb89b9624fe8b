#!/usr/bin/env python3
"""Compares LuaBenchmarks builds, alternating them in one run.

Usage:

    Benchmarks/peers/lua_ab.py [--rounds K] [--filter REGEX] NAME=PATH NAME=PATH ...

Each round runs every build's LuaBenchmarks binary once, in the order given, with the same
filter (by default spawn + exit, the Lua and Swift ping-pong, the ring of 1,000 Lua processes and
`security.can`), so every build sees the same machine state over the run. Prints, per benchmark
and build, the median and the range over the rounds of each run's p50 (wall clock per unit, or
the benchmark's own "ns per ..." metric), the Lua / Swift ping-pong ratio of each build, and the
load average before and after. Build the binaries first
(`cd Benchmarks && swift build -c release --product LuaBenchmarks` at two commits, copying
`.build/release/LuaBenchmarks` aside each time); they need `LD_LIBRARY_PATH` to reach the
package's `.build/release` when run from elsewhere, which this script sets from `--libraries`.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys

from ab_builds import load_average, parse_builds

DEFAULT_FILTER = r"Lua spawn.exit.*|Lua ping-pong.*|Swift ping-pong.*|Lua ring.*|Lua security.*"


def p50s(output: str) -> dict[str, float]:
    """The p50 of each benchmark in `output`, in ns per unit.

    A benchmark's own "ns per ..." metric wins over its wall clock (which is per sample of 1,000
    units for the timed benchmarks).
    """
    found: dict[str, float] = {}
    name, metric = None, None
    for line in output.splitlines():
        header = re.match(r"^Debug results for (.*):$", line)
        if header:
            name, metric = header.group(1), None
            continue
        if re.match(r"^ns per ", line):
            metric = "own"
        elif line.startswith("Time (wall clock)"):
            metric = "wall"
        elif line and not line.startswith(" ") and line.endswith(":"):
            metric = None
        row = re.match(r"^\s+([0-9.]+)\s+0\.500000", line)
        if name and metric and row:
            value = float(row.group(1))
            if metric == "own":
                found[name] = value
            elif name not in found:
                found[name] = value / 1000
            metric = None
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs per build (default 3)")
    parser.add_argument("--filter", default=DEFAULT_FILTER, help="benchmark name regex")
    parser.add_argument("--libraries", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release"),
                        help="the folder with the shared libraries the binaries load")
    parser.add_argument("builds", nargs="+", metavar="NAME=PATH")
    options = parser.parse_args()
    builds = parse_builds(options.builds)
    environment = dict(os.environ, LD_LIBRARY_PATH=os.path.abspath(options.libraries))

    samples: dict[tuple[str, str], list[float]] = {}
    print(f"load average before: {load_average()}")
    for _ in range(options.rounds):
        for name, path in builds:
            done = subprocess.run([path, "--filter", options.filter], capture_output=True, text=True,
                                  env=environment, check=False)
            if done.returncode != 0:
                sys.exit(f"error: {path} exited with {done.returncode}: {done.stderr.strip()[-400:]}")
            for benchmark, value in p50s(done.stdout).items():
                samples.setdefault((benchmark, name), []).append(value)
    print(f"load average after: {load_average()}")
    print(f"{options.rounds} rounds; median [min .. max] over the rounds of each run's p50, ns per unit")
    for benchmark in sorted({key[0] for key in samples}):
        for name, _ in builds:
            values = samples.get((benchmark, name))
            if values:
                print(f"  {benchmark:58} {name:10} {statistics.median(values):10.0f}"
                      f"  [{min(values):.0f} .. {max(values):.0f}]")
    for name, _ in builds:
        lua = samples.get(("Lua ping-pong (per round trip)", name))
        swift = samples.get(("Swift ping-pong (per round trip)", name))
        if lua and swift:
            ratios = [a / b for a, b in zip(lua, swift)]
            print(f"  ping-pong Lua / Swift, {name}: median {statistics.median(ratios):.2f}x"
                  f" [{min(ratios):.2f} .. {max(ratios):.2f}]")


if __name__ == "__main__":
    main()
