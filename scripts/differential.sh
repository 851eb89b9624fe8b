#!/usr/bin/env bash
# The policy differential test (compiled evaluator vs reference evaluator) over CASES random
# requests (12 per random policy set): `scripts/differential.sh 1000000` runs a million.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-1000000}
[[ "$cases" =~ ^[1-9][0-9]*$ ]] || { echo "differential: CASES must be a whole number above 0, found '$cases'" >&2; exit 2; }
sets=$(( (cases + 11) / 12 ))
echo "differential: $sets policy sets x 12 requests"
swift build --build-tests
WARDEN_DIFF_SETS=$sets swift test --skip-build --filter WardenPolicyTests.DifferentialTests
