#!/usr/bin/env bash
# Property-based test of `warden serve` against its OpenAPI document (schemas/openapi.yaml),
# with schemathesis (PyPI). Starts the server on a loopback port with an audit log, lets
# schemathesis generate requests for every operation (valid and invalid ones), and fails when
# any answer is a 5xx, has a status, content type, header or body the document does not
# describe, or when a request the document forbids is accepted.
#
#   scripts/schemathesis.sh [WARDEN_BINARY] [EXAMPLES]    defaults: .build/debug/warden, 100
#
# The SSE stream (/v1/audit/stream) is left out: it never ends, by design.
set -euo pipefail
cd "$(dirname "$0")/.."

warden=${1:-.build/debug/warden}
examples=${2:-100}
[ -x "$warden" ] || { echo "schemathesis: no warden binary at $warden (run swift build first)" >&2; exit 2; }
if ! command -v schemathesis >/dev/null 2>&1; then
    echo "schemathesis: not installed; python3 -m pip install schemathesis" >&2
    exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/warden-schemathesis.XXXXXX")
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$warden" serve --policies policies --audit "$work/audit.jsonl" --mode sync --listen 127.0.0.1:0 \
    >"$work/serve.out" 2>"$work/serve.err" &
server=$!
for _ in $(seq 1 100); do
    grep -q "^listening on " "$work/serve.out" 2>/dev/null && break
    sleep 0.1
done
url=$(grep -o 'http://[^ ]*' "$work/serve.out" | head -n 1)
[ -n "$url" ] || { echo "schemathesis: warden serve did not start:" >&2; cat "$work/serve.err" >&2; exit 1; }
echo "schemathesis: warden serve at $url, $examples examples per operation"

status=0
schemathesis run "$url/openapi.json" \
    --exclude-path /v1/audit/stream \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,negative_data_rejection \
    --max-examples "$examples" --seed 20261205 --request-timeout 10 \
    --suppress-health-check all --no-color || status=$?

if ! kill -0 "$server" 2>/dev/null; then
    echo "schemathesis: warden serve died during the run:" >&2
    cat "$work/serve.err" >&2
    exit 1
fi
exit "$status"
