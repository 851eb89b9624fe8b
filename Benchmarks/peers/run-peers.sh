#!/usr/bin/env bash
# Runs the Erlang peer (pbench.erl) and Warden's RuntimeBenchmarks alternately, then the
# generated policy workload through `warden bench`, in one run on this machine, and prints the
# ratios. Usage (from the repository root or anywhere):
#
#   Benchmarks/peers/run-peers.sh [--rounds K] [--policy-sizes "10 10000"] [--skip-runtime] [--skip-policy]
#
# Needs: erl and erlc (Debian `erlang-nox`), python3 with PyYAML, and the shared workload
# folder with pbench.erl and gen_policies.py (WARDEN_PEER_DIR, default ../shared/bench beside
# the repository). Prints the load average before and after, so the figures can be judged.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
peer_dir="${WARDEN_PEER_DIR:-$repo/../shared/bench}"
rounds=3
sizes="10 10000"
run_runtime=1
run_policy=1
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds="$2"; shift 2 ;;
        --policy-sizes) sizes="$2"; shift 2 ;;
        --skip-runtime) run_runtime=0; shift ;;
        --skip-policy) run_policy=0; shift ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "error: unknown argument \`$1\`; see --help" >&2; exit 3 ;;
    esac
done

for file in pbench.erl gen_policies.py; do
    if [ ! -f "$peer_dir/$file" ]; then
        echo "error: \`$peer_dir/$file\` not found; hint: set WARDEN_PEER_DIR to the folder holding it" >&2
        exit 3
    fi
done

work="$(mktemp -d "${TMPDIR:-/tmp}/warden-peers.XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"

if [ "$run_runtime" = 1 ]; then
    command -v erl >/dev/null && command -v erlc >/dev/null || {
        echo "error: erl and erlc are needed; hint: apt-get install erlang-nox" >&2
        exit 3
    }
    (cd "$work" && erlc "$peer_dir/pbench.erl")
    for round in $(seq 1 "$rounds"); do
        echo "== round $round: Erlang"
        (cd "$work" && erl +S 2 -noshell -s pbench run -s init stop) | tee "$work/erlang-$round.txt"
        echo "== round $round: Warden RuntimeBenchmarks"
        (cd "$repo/Benchmarks" && swift package benchmark --target RuntimeBenchmarks --format markdown --no-progress) \
            | tee "$work/warden-$round.txt"
    done
    python3 "$here/runtime_ratios.py" "$work" "$rounds"
fi

if [ "$run_policy" = 1 ]; then
    (cd "$repo" && swift build -c release --product warden >/dev/null)
    warden="$repo/.build/release/warden"
    for size in $sizes; do
        python3 "$peer_dir/gen_policies.py" "$size" 20000 "$work/policies-$size"
        echo "== generated workload: $size policies, 20,000 requests, scope group bench:all"
        "$warden" bench --policies "$work/policies-$size/policies.yaml" \
            --requests "$work/policies-$size/requests.jsonl" --group bench:all --passes 7
    done
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
