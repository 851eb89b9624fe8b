"""What the alternating comparison scripts (`gateway_ab.py`, `lua_ab.py`) share."""

import sys


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, as /proc/loadavg gives them."""
    with open("/proc/loadavg", encoding="ascii") as handle:
        return " ".join(handle.read().split()[:3])


def parse_builds(given: list[str]) -> list[tuple[str, str]]:
    """`NAME=PATH` arguments as (name, path) pairs; exits with a message on a malformed one."""
    builds = []
    for argument in given:
        name, separator, path = argument.partition("=")
        if not separator or not name or not path:
            sys.exit(f"error: `{argument}` is not NAME=PATH")
        builds.append((name, path))
    return builds
