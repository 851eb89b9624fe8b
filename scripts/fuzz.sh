#!/usr/bin/env bash
# Builds and runs the libFuzzer targets of Fuzz/ (docs/testing.md).
#
#   scripts/fuzz.sh TARGET SECONDS   one target: FuzzJSON, FuzzExpression, FuzzPolicy, FuzzAudit, FuzzServe,
#                                    FuzzLua
#   scripts/fuzz.sh all SECONDS      every target, one after another (one build of them all)
#
# Each run starts from the seed corpus Fuzz/Corpus/TARGET (read only: new inputs go to a
# temporary folder), stops after SECONDS, and fails (exit 1) on a crash, a leak or an input
# slower than 10 s, printing the input that did it (artifacts are kept in a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(FuzzJSON FuzzExpression FuzzPolicy FuzzAudit FuzzServe FuzzLua)
usage() { echo "usage: scripts/fuzz.sh TARGET|all SECONDS  (targets: ${targets[*]})" >&2; exit 2; }
[ $# -eq 2 ] || usage
target=$1
seconds=$2
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz: SECONDS must be a whole number above 0, found '$seconds'" >&2; exit 2; }

flags=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)

# Builds the given products of Fuzz/, or every one with no argument; exit 1 when the build fails.
build() {
    local products=() status=0 log
    for name in "$@"; do products+=(--product "$name"); done
    log=$(mktemp "${TMPDIR:-/tmp}/warden-fuzz-build.XXXXXX")
    echo "fuzz: building ${*:-every target}"
    swift build --package-path Fuzz "${flags[@]}" "${products[@]}" >"$log" 2>&1 || status=$?
    grep -v "ld.gold: warning: Cannot export local symbol" "$log" || true
    rm -f "$log"
    [ "$status" -eq 0 ] || { echo "fuzz: the build failed (exit $status)" >&2; exit 1; }
}

run_one() {
    local name=$1
    [ -d "Fuzz/Corpus/$name" ] || { echo "fuzz: no seed corpus Fuzz/Corpus/$name" >&2; exit 2; }
    local bin
    bin="$(swift build --package-path Fuzz "${flags[@]}" --show-bin-path)/$name"
    [ -x "$bin" ] || { echo "fuzz: $name did not build" >&2; exit 1; }
    local work
    work=$(mktemp -d "${TMPDIR:-/tmp}/warden-fuzz-$name.XXXXXX")
    mkdir -p "$work/corpus" "$work/artifacts"
    echo "fuzz: running $name for ${seconds}s (new inputs and artifacts in $work)"
    local status=0
    "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix="$work/artifacts/" "$work/corpus" "Fuzz/Corpus/$name" >"$work/log" 2>&1 || status=$?
    tail -n 15 "$work/log"
    local found
    found=$(find "$work/artifacts" -type f | head -n 1)
    if [ "$status" -ne 0 ] || [ -n "$found" ]; then
        echo "fuzz: $name FAILED (exit $status); full log: $work/log" >&2
        for artifact in "$work"/artifacts/*; do
            [ -f "$artifact" ] || continue
            echo "fuzz: input $artifact (base64):" >&2
            base64 "$artifact" >&2
        done
        return 1
    fi
    echo "fuzz: $name ok"
}

if [ "$target" = all ]; then
    for name in "${targets[@]}"; do
        [ -d "Fuzz/Corpus/$name" ] || { echo "fuzz: no seed corpus Fuzz/Corpus/$name" >&2; exit 2; }
    done
    build
    failed=0
    for name in "${targets[@]}"; do run_one "$name" || failed=1; done
    exit "$failed"
fi
printf '%s\n' "${targets[@]}" | grep -qx -- "$target" || usage
build "$target"
run_one "$target"
