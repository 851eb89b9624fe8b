#!/usr/bin/env python3
"""Writes a valid, chained audit log of N generated records (JSON Lines, the writer's canonical
form), for load tests of the review commands, `warden serve`'s audit routes and the page.

    scripts/make-audit-log.py OUT.jsonl N [--days 30] [--node gw-1]

Records are calls by 1000 actors (sends, linked spawns with three checks, terminations,
registrations), about 10 % denied, spread evenly over the last --days days, with UUIDv7 ids
in time order. `warden audit verify OUT.jsonl` accepts the result.
"""
import argparse
import hashlib
import json
import os
import random
import time

CALLS = [
    ("process.send", [("process.send", "{app:processes|0x%08x}")]),
    ("process.spawn_linked", [("process.spawn", "app.workers:handler"), ("process.spawn.linked", "app.workers:handler"),
                              ("process.host", "app:processes")]),
    ("process.terminate", [("process.terminate", "{app:processes|0x%08x}")]),
    ("process.registry.register", [("process.registry.register", "app.cache-%d")]),
]


def uuid7(milliseconds, rng):
    value = (milliseconds & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= rng.getrandbits(12) << 64
    value |= 0b10 << 62
    value |= rng.getrandbits(62)
    text = "%032x" % value
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def rfc3339(microseconds):
    seconds, micros = divmod(microseconds, 1_000_000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + ".%06dZ" % micros


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("count", type=int)
    parser.add_argument("--days", type=float, default=30)
    parser.add_argument("--node", default="gw-1")
    options = parser.parse_args()
    rng = random.Random(20261205)
    now = int(time.time() * 1_000_000)
    start = now - int(options.days * 86_400 * 1_000_000)
    step = max(1, (now - start) // max(1, options.count))
    prev = "0" * 64
    with open(options.out + ".tmp", "w", encoding="utf-8") as out:
        for seq in range(1, options.count + 1):
            at = start + (seq - 1) * step
            op, checks = CALLS[seq % len(CALLS)]
            denied = rng.random() < 0.1
            actor = "user:%04d" % rng.randrange(1000)
            target = seq % 4096 + 2
            record = {
                "v": 1, "id": uuid7(at // 1000, rng), "seq": seq, "time": rfc3339(at), "node": options.node,
                "op": op, "decision": "deny" if denied else "allow", "duration_ns": 20_000 + seq % 5_000,
                "caller": {"actor": {"id": actor, "meta": {"tier": "free" if seq % 3 else "paid"}},
                           "context": "complete", "frame": "", "groups": ["app.security:tenants"],
                           "pid": "{app:processes|0x%08x}" % (seq % 997 + 1), "scope": []},
                "checks": [], "policy_revision": "sha256:" + "ab" * 32,
                "target": {"pid": "{app:processes|0x%08x}" % target}, "prev": prev,
            }
            for index, (action, resource) in enumerate(checks):
                if "%" in resource:
                    resource = resource % target
                deny_here = denied and index == len(checks) - 1
                record["checks"].append({
                    "action": action, "resource": resource, "decision": "deny" if deny_here else "allow",
                    "errors": [], "meta": {"op": op.removeprefix("process.")},
                    "policies": ["app.security:tenant_rules" if deny_here else "app.security:tenant_calls"],
                })
            if denied:
                record["error"] = {"kind": "PERMISSION_DENIED", "message": f"not allowed to {op.removeprefix('process.')}"}
            body = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            record["hash"] = hashlib.sha256((prev + body).encode()).hexdigest()
            prev = record["hash"]
            out.write(json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n")
    os.replace(options.out + ".tmp", options.out)


if __name__ == "__main__":
    main()
