#!/usr/bin/env bash
# Regenerates the README's screenshots of the audit review page (the live list and the overview)
# into docs/images/: builds `warden`, runs the browser test (which saves its screenshots) and
# keeps those two. Needs chromium, chromium-driver and selenium (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product warden
shots="$(mktemp -d)"
trap 'rm -rf "$shots"' EXIT
python3 Tests/browser/test_page.py --warden "$(swift build --show-bin-path)/warden" --screenshots "$shots"
mkdir -p docs/images
cp "$shots/live.png" "$shots/overview.png" docs/images/
echo "wrote docs/images/live.png and docs/images/overview.png"
