#!/usr/bin/env bash
# `warden serve` under wrk, beside a bare Hummingbird route (the HTTP stack's ceiling) in the
# same run, on loopback, release builds. Rounds alternate the workloads so machine noise falls on
# all of them; the medians over the rounds are printed (docs/performance.md).
#
#   Benchmarks/http/run-wrk.sh [ROUNDS] [SECONDS]     defaults: 3 rounds of 10 s each
#
# Workloads: the bare route; POST /v1/decide with one request; POST /v1/decide with a batch of
# 100; POST /v1/authorize with async audit; then /v1/decide offered at a constant 80 % of the
# rate Benchmarks/HTTPPacer reaches closed loop, for the p99 latency there (counted from each
# request's scheduled time, so queueing in front of a slow server is included).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
seconds=${2:-10}
connections=16
command -v wrk >/dev/null || { echo "run-wrk: wrk missing (apt-get install wrk)" >&2; exit 2; }

release=${WARDEN_RELEASE:-/tmp/warden-release}
ceiling_build=${CEILING_RELEASE:-/tmp/ceiling-release}
swift build -c release --product warden --scratch-path "$release" >/dev/null
swift build -c release --package-path Benchmarks --product HTTPCeiling --scratch-path "$ceiling_build" >/dev/null
swift build -c release --package-path Benchmarks --product HTTPPacer --scratch-path "$ceiling_build" >/dev/null
warden="$release/release/warden"
ceiling="$ceiling_build/release/HTTPCeiling"
pacer="$ceiling_build/release/HTTPPacer"

work=$(mktemp -d "${TMPDIR:-/tmp}/warden-wrk.XXXXXX")
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

start() {  # start NAME COMMAND...: waits for its "listening on" line
    local name=$1; shift
    "$@" >"$work/$name.out" 2>"$work/$name.err" &
    pids+=($!)
    for _ in $(seq 1 100); do cat "$work/$name.out" "$work/$name.err" | grep -q "listening on" && return; sleep 0.1; done
    echo "run-wrk: $name did not start" >&2; cat "$work/$name.err" >&2; exit 1
}
start ceiling "$ceiling" 8282
start warden "$warden" serve --policies policies --listen 127.0.0.1:8181 --audit "$work/audit.jsonl" --mode async

one='{"actor": {"id": "ops", "meta": {"role": "admin"}}, "action": "process.terminate", "resource": "{app:processes|0x00002}"}'
printf '%s' "$one" >"$work/one.json"
python3 - "$work/batch.json" "$one" <<'PY'
import json, sys
one = json.loads(sys.argv[2])
json.dump({"requests": [one] * 100}, open(sys.argv[1], "w"))
PY
printf '%s' '{"op": "send", "args": {"dest": "{app:processes|0x00000002}", "topic": "job", "payload": [1, 2]},
  "caller": {"pid": "{app:processes|0x00000001}", "actor": {"id": "supervisor", "meta": {"role": "supervisor"}},
  "groups": ["app.security:supervisors"]}, "target": {"pid": "{app:processes|0x00000002}"}}' >"$work/authorize.json"

field() { sed "s/.* $1=\([0-9]*\).*/\1/" <<<"$2"; }  # field KEY LINE: KEY's number in a RESULT line
record() {  # record NAME LINE: appends "NAME rps p50 p99 errors" of a RESULT line to results
    echo "$1 $(field rps "$2") $(field p50 "$2") $(field p99 "$2") $(field errors "$2")" >>"$work/results"
}

run() {  # run NAME URL PATH BODY: one wrk run, recorded
    local name=$1 url=$2 path=$3 body=$4
    local line
    line=$(WRK_PATH=$path WRK_BODY=$body \
        wrk -t 1 -c "$connections" -d "${seconds}s" -s Benchmarks/http/post.lua "$url" | grep '^RESULT')
    record "$name" "$line"
    echo "  $name: $(field rps "$line") req/s, p50 $(field p50 "$line") µs, p99 $(field p99 "$line") µs, errors $(field errors "$line")"
}

for round in $(seq 1 "$rounds"); do
    echo "round $round"
    run ceiling http://127.0.0.1:8282 /bare "$work/one.json"
    run decide http://127.0.0.1:8181 /v1/decide "$work/one.json"
    run batch100 http://127.0.0.1:8181 /v1/decide "$work/batch.json"
    run authorize-async http://127.0.0.1:8181 /v1/authorize "$work/authorize.json"
done
# The paced figure: each round first measures the most `decide` reaches with HTTPPacer closed
# loop over 16 connections (as wrk above; the generator's own CPU counts on 2 shared cores, so
# the maximum is taken with the generator that paces), then offers 80 % of it at a constant rate
# over 64 connections (open loop): latency is counted from each request's scheduled time, so a
# server that falls behind is charged for the requests that waited.
for round in $(seq 1 "$rounds"); do
    line=$("$pacer" 127.0.0.1 8181 /v1/decide "$work/one.json" max "$seconds" "$connections" | grep '^RESULT')
    record decide-pacer-max "$line"
    echo "  decide-pacer-max: $line"
    paced_rate=$(($(field rps "$line") * 8 / 10))
    line=$("$pacer" 127.0.0.1 8181 /v1/decide "$work/one.json" "$paced_rate" "$seconds" 64 | grep '^RESULT')
    record decide-at-80pct "$line"
    echo "  decide-at-80pct: $line"
done

echo
echo "medians over $rounds rounds ($connections connections, ${seconds}s each, wrk -t 1):"
python3 - "$work/results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, rps, p50, p99, errors = line.split()
    rows.setdefault(name, []).append((int(rps), int(p50), int(p99), int(errors)))
ceiling = statistics.median(r[0] for r in rows["ceiling"])
for name, runs in rows.items():
    rps = statistics.median(r[0] for r in runs)
    line = f"{name:18} {rps:>9,.0f} req/s  {rps / ceiling:6.1%} of ceiling  p50 {statistics.median(r[1] for r in runs):>6,.0f} µs  p99 {statistics.median(r[2] for r in runs):>6,.0f} µs  errors {sum(r[3] for r in runs)}"
    if name == "batch100":
        line += f"  ({rps * 100:,.0f} decisions/s)"
    print(line)
PY
