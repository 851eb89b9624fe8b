#!/usr/bin/env python3
"""Compares `warden` builds on the gateway mix, alternating them in one run.

Usage:

    Benchmarks/peers/gateway_ab.py [--rounds K] [--sink jsonl|sqlite|discard] NAME=PATH NAME=PATH ...

Each round runs `PATH bench --gateway --format json` once per build, in the order given, so
every build sees the same machine state over the run. Prints, per call kind (ping-pong, spawn,
registry) and build, the median over the rounds of the bare and gateway p50 and of their ratio,
with the gateway p50's range, and the load average before and after. Build the binaries to
compare first (e.g. `swift build -c release --product warden` at two commits, copying
`.build/release/warden` aside each time).
"""

import argparse
import json
import statistics
import subprocess
import sys

from ab_builds import load_average, parse_builds


def run_once(path: str, sink: str) -> dict:
    command = [path, "bench", "--gateway", "--sink", sink, "--mode", "async", "--rounds", "2000", "--passes", "3",
               "--format", "json"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"error: `{' '.join(command)}` exited with {done.returncode}: {done.stderr.strip()}")
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=8, help="runs per build (default 8)")
    parser.add_argument("--sink", default="jsonl", choices=["jsonl", "sqlite", "discard"])
    parser.add_argument("builds", nargs="+", metavar="NAME=PATH")
    options = parser.parse_args()
    builds = parse_builds(options.builds)

    samples: dict[tuple[str, str], dict[str, list[float]]] = {}
    print(f"load average before: {load_average()}")
    for _ in range(options.rounds):
        for name, path in builds:
            for call in run_once(path, options.sink)["calls"]:
                kept = samples.setdefault((call["call"], name), {"bare": [], "gateway": [], "ratio": []})
                kept["bare"].append(call["bare_ns"]["p50"])
                kept["gateway"].append(call["gateway_ns"]["p50"])
                kept["ratio"].append(call["ratio_p50"])
    print(f"load average after: {load_average()}")
    print(f"{options.rounds} rounds, sink {options.sink}, async; medians over the rounds of each run's p50 (ns)")
    print(f"{'call':10} {'build':12} {'bare':>7} {'gateway':>8} {'(range)':>17} {'ratio':>7}")
    for call in ["ping-pong", "spawn", "registry"]:
        for name, _ in builds:
            kept = samples.get((call, name))
            if kept is None:
                continue
            span = f"({min(kept['gateway']):.0f}-{max(kept['gateway']):.0f})"
            print(f"{call:10} {name:12} {statistics.median(kept['bare']):7.0f} "
                  f"{statistics.median(kept['gateway']):8.0f} {span:>17} {statistics.median(kept['ratio']):6.2f}x")


if __name__ == "__main__":
    main()
