#!/usr/bin/env python3
"""Plays a runtime written outside Swift against `warden serve`'s POST /v1/authorize.

Usage: foreign-runtime.py BASE_URL [TOKEN]

The runtime keeps its own process table and registry and asks Warden before each `process.*`
call, sending the facts only it knows (where a name resolves, who owns a name). It proceeds
only on `allow`. A supervisor starts a worker, names it and sends it a job; a tenant then tries
to stop the worker (denied) and to take over its name (denied). The script checks every
verdict against what the example policies say and prints one line per call, then
`calls=N allowed=A denied=D`. Exit status 0 when every verdict was the expected one.
"""
import json
import sys
import urllib.error
import urllib.request

BASE = sys.argv[1].rstrip("/")
TOKEN = sys.argv[2] if len(sys.argv) > 2 else None

SUPERVISOR = {"pid": "{app:processes|0x00000001}", "definition": "app:supervisor",
              "actor": {"id": "supervisor", "meta": {"role": "supervisor"}},
              "groups": ["app.security:supervisors"]}
TENANT = {"pid": "{app:tenants|0x00000001}", "definition": "app.tenants:job",
          "actor": {"id": "tenant:acme", "meta": {"tier": "free"}},
          "groups": ["app.security:tenants"]}

processes = {}   # pid -> definition
registry = {}    # name -> pid
counter = [1]


def authorize(op, args, caller, target=None):
    body = {"op": op, "args": args, "caller": caller}
    if target:
        body["target"] = target
    request = urllib.request.Request(BASE + "/v1/authorize", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    if TOKEN:
        request.add_header("Authorization", "Bearer " + TOKEN)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            answer = json.load(response)
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{op}: HTTP {error.code}: {error.read().decode()}")
    print(f"{op} {json.dumps(args, sort_keys=True)} -> {answer['verdict']} seq={answer['record']['seq']}")
    return answer


results = []


def call(expect, op, args, caller, target=None):
    answer = authorize(op, args, caller, target)
    results.append((op, expect, answer["verdict"]))
    return answer["verdict"] == "allow"


# The supervisor starts a worker on the application's host and names it.
if call("allow", "spawn_linked", {"id": "app.workers:handler", "host": "app:processes"}, SUPERVISOR):
    counter[0] += 1
    worker = "{app:processes|0x%08x}" % counter[0]
    processes[worker] = "app.workers:handler"
if call("allow", "registry.register", {"name": "app.worker", "pid": worker}, SUPERVISOR):
    registry["app.worker"] = worker
# It sends the worker a job by name: the runtime resolved the name.
call("allow", "send", {"dest": "app.worker", "topic": "job", "payload": [1, 2]}, SUPERVISOR,
     {"pid": registry["app.worker"]})
# A tenant tries to stop the worker and to take over its name.
call("deny", "terminate", {"dest": worker}, TENANT)
call("deny", "unregister", {"name": "app.worker"}, TENANT, {"owner": registry["app.worker"]})
# The tenant runs a job of its own on its host.
call("allow", "exec", {"id": "app.tenants:report", "host": "app:tenants"}, TENANT)

allowed = sum(1 for _, _, got in results if got == "allow")
print(f"calls={len(results)} allowed={allowed} denied={len(results) - allowed}")
wrong = [(op, expect, got) for op, expect, got in results if expect != got]
if wrong:
    raise SystemExit(f"unexpected verdicts: {wrong}")
