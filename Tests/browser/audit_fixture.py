"""Writes audit logs for the page's browser tests: records in the writer's canonical form, chained
with SHA-256 exactly as docs/audit.md describes, so that `warden audit verify` accepts them (the
tests check that it does before they use a log)."""

import hashlib
import json
import os
import random
from datetime import datetime, timezone

GENESIS = "0" * 64


def canonical(value):
    """Canonical JSON: keys sorted, no white space, non-ASCII text as it is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class Chain:
    """The state a writer carries from one record to the next."""

    def __init__(self, seq=0, prev=GENESIS, last_id_key=(0, 0)):
        self.seq = seq
        self.prev = prev
        self.last = last_id_key
        self.random = random.Random(seq + 7)

    @staticmethod
    def of(path):
        """The chain of the log at `path`, continuing after its last record (a new chain when empty)."""
        if not os.path.exists(path) or os.path.getsize(path) == 0:
            return Chain()
        with open(path, encoding="utf-8") as log:
            last = json.loads(log.read().rstrip("\n").split("\n")[-1])
        high = int(last["id"].replace("-", "")[:16], 16)
        return Chain(last["seq"], last["hash"], (high >> 16, high & 0xFFF))

    def next_id(self, micros):
        """A UUIDv7 later than every id before it (RFC 9562, a counter in rand_a)."""
        millis = micros // 1000
        last_millis, counter = self.last
        if millis <= last_millis:
            millis, counter = last_millis, counter + 1
            if counter > 0xFFF:
                millis, counter = millis + 1, 0
        else:
            counter = 0
        self.last = (millis, counter)
        high = (millis & 0xFFFFFFFFFFFF) << 16 | 0x7000 | counter
        low = (self.random.getrandbits(62)) | 0x8000000000000000
        text = f"{high:016x}{low:016x}"
        return f"{text[0:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:32]}"

    def seal(self, entry, micros, node="gw-1"):
        """The record line of `entry` (a dict without the chain fields) made at `micros`."""
        self.seq += 1
        record = dict(entry)
        record.update({
            "v": 1, "seq": self.seq, "node": node, "prev": self.prev, "id": self.next_id(micros),
            "time": datetime.fromtimestamp(micros // 1_000_000, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
            + f".{micros % 1_000_000:06d}Z",
        })
        digest = hashlib.sha256((self.prev + canonical(record)).encode("utf-8")).hexdigest()
        record["hash"] = digest
        self.prev = digest
        return canonical(record)


def entry(actor, op, checks, decision, error=None):
    """A call record's fields, as the gateway writes them."""
    fields = {
        "op": op,
        "caller": {
            "pid": "{app:processes|0x00000009}",
            "frame": None,
            "groups": [],
            "actor": None if actor is None else {"id": actor, "meta": {}},
            "scope": ["app.security:default"],
            "context": "complete",
        },
        "target": {"id": checks[0][1] if checks else ""},
        "checks": [
            {"action": action, "resource": resource, "decision": result, "policies": policies, "errors": [],
             "meta": {"op": op}}
            for (action, resource, result, policies) in checks
        ],
        "decision": decision,
        "policy_revision": "sha256:fixture",
        "duration_ns": 4200,
    }
    if error is not None:
        fields["error"] = {"kind": error[0], "message": error[1]}
    return fields


ACTORS = ["tenant:acme", "tenant:globex", "user:alice", "user:bob", "svc:billing", None]
CALLS = [
    ("process.spawn_linked", "process.spawn.linked", "app.workers:handler"),
    ("process.send", "process.send", "{app:processes|0x00000002}"),
    ("process.terminate", "process.terminate", "{app:processes|0x00000003}"),
    ("process.register", "process.register", "app.names:cache"),
]


def varied(index):
    """The `index`-th ordinary record: its actor, call and decision follow from the index."""
    actor = ACTORS[index % len(ACTORS)]
    op, action, resource = CALLS[(index // 2) % len(CALLS)]
    denied = index % 5 in (0, 3) and actor != "user:alice"
    if denied:
        fields = entry(actor, op, [(action, resource, "deny", ["app.security:no_" + action.split(".")[-1]])], "deny",
                       ("PERMISSION_DENIED", f"not allowed: {resource}"))
        fields["caller"]["site"] = f"worker.lua:{index}"  # a call made by a Lua process
        return fields
    return entry(actor, op, [(action, resource, "allow", ["app.security:allow_" + action.split(".")[-1]])], "allow")


def write(path, entries_with_times):
    """Appends `(entry, micros)` pairs to the log at `path`, continuing its chain."""
    chain = Chain.of(path)
    with open(path, "a", encoding="utf-8") as log:
        for fields, micros in entries_with_times:
            log.write(chain.seal(fields, micros) + "\n")
