#!/usr/bin/env python3
"""Checks YAML files against Warden's JSON Schemas (2020-12).

usage: check-schemas.py ROOT
Checks every policy file under ROOT/policies against schemas/policy-file.schema.json, and the
conformance corpus against schemas/policy-test.schema.json; in the corpus, the inline policies
of a test must pass the policy-file entry schema exactly when the test does not expect a load
error. Prints one line per problem and exits 1 if there is any.
"""
import glob
import json
import os
import sys

import jsonschema
import yaml
from referencing import Registry, Resource

root = sys.argv[1] if len(sys.argv) > 1 else "."
names = ["policy-file.schema.json", "policy-test.schema.json"]
schemas = {n: json.load(open(os.path.join(root, "schemas", n))) for n in names}
resources = [(s["$id"], Resource.from_contents(s)) for s in schemas.values()]
resources += [(n, Resource.from_contents(s)) for n, s in schemas.items()]
registry = Registry().with_resources(resources)


def validator(schema):
    return jsonschema.Draft202012Validator(schema, registry=registry)


file_validator = validator(schemas["policy-file.schema.json"])
test_validator = validator(schemas["policy-test.schema.json"])
entry_validator = validator({"$ref": "policy-file.schema.json#/$defs/entry"})
problems = []

policy_files = sorted(glob.glob(os.path.join(root, "policies", "**", "*.yaml"), recursive=True))
if not policy_files:
    problems.append("no policy files found under policies/")
for path in policy_files:
    for error in file_validator.iter_errors(yaml.safe_load(open(path))):
        problems.append(f"{path}: {list(error.path)}: {error.message}")

corpus = os.path.join(root, "Tests", "WardenPolicyTests", "Fixtures", "policy-vectors.yaml")
suite = yaml.safe_load(open(corpus))
for error in test_validator.iter_errors(suite):
    problems.append(f"{corpus}: {list(error.path)}: {error.message}")
for test in suite.get("tests", []):
    valid = all(entry_validator.is_valid(p) for p in test.get("policies", []))
    expects_error = test.get("expect") == "load_error"
    # Expression policies are checked by the loader, not the schema: an `expression` that does
    # not compile is still a well-formed entry.
    is_expression = any(p.get("kind") == "security.policy.expr" for p in test.get("policies", []))
    # Likewise a `matches` pattern RE2 rejects (a backreference, a look-around) is a well-formed
    # string; only the loader, which compiles it, can tell.
    has_regex = any(
        c.get("operator") in ("matches", "nmatches")
        for p in test.get("policies", [])
        for c in ((p.get("policy") or {}).get("conditions") or [])
        if isinstance(c, dict))
    if expects_error and valid and not is_expression and not has_regex:
        problems.append(f"{corpus}: test {test['name']}: expects a load error but its policies pass the schema")
    if not expects_error and not valid:
        problems.append(f"{corpus}: test {test['name']}: its policies fail the schema")

for line in problems:
    print(line)
print(f"checked {len(policy_files)} policy files and {len(suite.get('tests', []))} tests: {len(problems)} problems")
sys.exit(1 if problems else 0)
