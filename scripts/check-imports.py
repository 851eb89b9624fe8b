#!/usr/bin/env python3
"""Checks that every Swift target of Package.swift declares each module its files import, and
imports each Swift module it declares (docs/testing.md). Reads the manifest through
`swift package dump-package`; C targets are left out (their headers are not Swift imports).

    scripts/check-imports.py      exit 1 and a line per target when something is off
"""

import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Modules of the toolchain and the system: imported without a package dependency.
SYSTEM = {"Foundation", "FoundationEssentials", "Glibc", "Musl", "Darwin", "Dispatch", "Synchronization",
          "Testing", "XCTest", "os", "_Concurrency"}
IMPORT = re.compile(r"\s*(?:@testable\s+|@_exported\s+|(?:package|public|internal)\s+)?import\s+"
                    r"(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)")


def main():
    manifest = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, check=True,
                                         capture_output=True, text=True).stdout)
    c_targets = {t["name"] for t in manifest["targets"] if t["type"] == "system"}
    problems = []
    for target in manifest["targets"]:
        if target["type"] == "system":
            continue
        folder = target.get("path") or os.path.join("Tests" if target["type"] == "test" else "Sources", target["name"])
        sources = glob.glob(os.path.join(ROOT, folder, "**", "*.swift"), recursive=True)
        if not sources:
            continue  # a C or C++ target
        declared = set()
        for dependency in target["dependencies"]:
            for kind in ("byName", "target", "product"):
                if kind in dependency:
                    declared.add(dependency[kind][0])
        imported = set()
        for path in sources:
            with open(path, encoding="utf-8") as source:
                imported.update(m.group(1) for m in map(IMPORT.match, source) if m)
        imported -= SYSTEM | {target["name"]}
        unused = sorted(declared - imported - c_targets)
        undeclared = sorted(imported - declared)
        if unused:
            problems.append(f"{target['name']}: declares {', '.join(unused)} but never imports it")
        if undeclared:
            problems.append(f"{target['name']}: imports {', '.join(undeclared)} without declaring it")
    for problem in problems:
        print(f"check-imports: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
