#!/usr/bin/env bash
# Formats or lints every Swift file of the repository with the toolchain's swift-format and the
# configuration in .swift-format (docs/testing.md).
#
#   scripts/format.sh lint     report what does not follow the format; exit 1 if anything
#   scripts/format.sh format   rewrite the files in place
set -euo pipefail
cd "$(dirname "$0")/.."
files() {
    find Package.swift Sources Tests Benchmarks Fuzz -name '*.swift' -not -path '*/.build/*' -print0
}
case "${1:-}" in
    lint) files | xargs -0 swift format lint --strict --configuration .swift-format ;;
    format) files | xargs -0 swift format format --in-place --configuration .swift-format ;;
    *) echo "usage: scripts/format.sh lint|format" >&2; exit 2 ;;
esac
